/// A file's size and a 64-bit hash of its bytes (FNV-1a), as `4812345:9f3a…`: equal for the
/// same content, and, for an HR export that changed in any way, different but for a chance
/// of 2⁻⁶⁴. Used to recognise the same export imported again without parsing it.
public enum FileFingerprint {
    public static func of(_ bytes: [UInt8]) -> String {
        // Through a buffer pointer: the loop is the whole cost, a byte a step.
        let hash = bytes.withUnsafeBufferPointer { buffer in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in buffer {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            return hash
        }
        let hex = String(hash, radix: 16)
        return "\(bytes.count):" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
