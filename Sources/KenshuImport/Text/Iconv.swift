#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Converts bytes between character encodings with the C library's iconv.
///
/// Used at the edges only: CP932 (Windows-31J, with the NEC and IBM extensions such as
/// ①, 髙, 﨑) from the HR system's CSV exports, and back for the example city's CP932 file.
struct Iconv {
    /// Conversion stopped at `offset` (a byte offset into the input): an invalid or
    /// incomplete sequence in the source, or a character the target cannot hold.
    struct Failure: Error, Sendable {
        var offset: Int
    }

    /// Converts all of `input` from `source` to `target` (iconv names, e.g. "CP932", "UTF-8").
    static func convert(_ input: [UInt8], from source: String, to target: String) throws(Failure) -> [UInt8] {
        let descriptor = iconv_open(target, source)
        if descriptor == iconv_t(bitPattern: -1) { throw Failure(offset: 0) }
        defer { iconv_close(descriptor) }

        var output = [UInt8](repeating: 0, count: max(64, input.count * 2))
        var outputUsed = 0
        var inputOffset = 0
        var failedAt: Int?
        var mutableInput = input
        mutableInput.withUnsafeMutableBufferPointer { inBuffer in
            while inputOffset < inBuffer.count {
                if output.count - outputUsed < 16 { output.append(contentsOf: repeatElement(0, count: output.count)) }
                var inLeft = inBuffer.count - inputOffset
                var outLeft = output.count - outputUsed
                let result: Int = output.withUnsafeMutableBufferPointer { outBuffer in
                    var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress! + inputOffset)
                        .assumingMemoryBound(to: CChar.self)
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress! + outputUsed)
                        .assumingMemoryBound(to: CChar.self)
                    return iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                }
                let consumed = (inBuffer.count - inputOffset) - inLeft
                inputOffset += consumed
                outputUsed = output.count - outLeft
                if result == -1 {
                    if errno == E2BIG { continue }
                    failedAt = inputOffset
                    return
                }
            }
        }
        if let failedAt { throw Failure(offset: failedAt) }
        output.removeSubrange(outputUsed...)
        return output
    }
}
