/// A text body part: CRLF line endings, UTF-8, base64 in lines of 76 characters.
enum MIMEBody {
    /// The headers and body of a part holding `text` as `mediaType` (e.g. `text/plain`).
    static func part(mediaType: String, text: String) -> String {
        var out = "Content-Type: \(mediaType); charset=UTF-8\r\n"
        out += "Content-Transfer-Encoding: base64\r\n\r\n"
        for line in Base64.lines(crlfBytes(text), width: 76) {
            out += line + "\r\n"
        }
        return out
    }

    /// The text's UTF-8 bytes with every line ending (CRLF, lone CR, lone LF) made CRLF.
    static func crlfBytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 32)
        var afterCR = false
        for byte in text.utf8 {
            switch byte {
            case 0x0D:
                out += [0x0D, 0x0A]
                afterCR = true
            case 0x0A:
                if !afterCR { out += [0x0D, 0x0A] }
                afterCR = false
            default:
                out.append(byte)
                afterCR = false
            }
        }
        return out
    }
}
