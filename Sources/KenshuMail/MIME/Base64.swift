/// Base64 (RFC 4648) as MIME uses it, for encoded-words and bodies.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The bytes in base64, padded with `=`, on one line.
    static func encode(_ bytes: some Collection<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var group: [UInt8] = []
        for byte in bytes {
            group.append(byte)
            if group.count == 3 {
                appendGroup(group, to: &out)
                group.removeAll(keepingCapacity: true)
            }
        }
        if !group.isEmpty { appendGroup(group, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes in base64, cut into lines of at most `width` characters (a multiple of 4).
    static func lines(_ bytes: [UInt8], width: Int = 76) -> [String] {
        let perLine = max(width / 4, 1) * 3
        return stride(from: 0, to: bytes.count, by: perLine).map { start in
            encode(bytes[start..<min(start + perLine, bytes.count)])
        }
    }

    private static func appendGroup(_ group: [UInt8], to out: inout [UInt8]) {
        let b0 = group[0]
        let b1 = group.count > 1 ? group[1] : 0
        let b2 = group.count > 2 ? group[2] : 0
        out.append(alphabet[Int(b0 >> 2)])
        out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
        out.append(group.count > 1 ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
        out.append(group.count > 2 ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
    }
}
