/// The addr-specs of an address header's value (RFC 5322 §3.4), as `sendmail -t` takes the
/// envelope recipients from `To`, `Cc` and `Bcc`: `name <a@example.jp>` gives the part in
/// angle brackets, a bare `a@example.jp` itself; display names (quoted, encoded or plain),
/// comments, source routes and group names (`team: a@x, b@x;`) are skipped, and so is
/// folding whitespace.
enum AddressList {
    /// The addresses in `value` (the field's body after the colon, unfolded or not), in order.
    static func addresses(_ value: [UInt8]) -> [String] {
        var found: [String] = []
        var plain: [UInt8] = []
        var angle: [UInt8] = []
        var bracketed: [UInt8]?
        var inAngle = false
        var quoted = false
        var commentDepth = 0
        var escaped = false
        func append(_ byte: UInt8) {
            if inAngle { angle.append(byte) } else { plain.append(byte) }
        }
        func finish() {
            let address = bracketed ?? (inAngle ? angle : plain)
            if !address.isEmpty { found.append(String(decoding: address, as: UTF8.self)) }
            (plain, angle, bracketed, inAngle) = ([], [], nil, false)
        }
        for byte in value {
            if escaped {
                escaped = false
                if commentDepth == 0 { append(byte) }
                continue
            }
            if commentDepth > 0 {
                switch byte {
                case UInt8(ascii: "\\"): escaped = true
                case UInt8(ascii: "("): commentDepth += 1
                case UInt8(ascii: ")"): commentDepth -= 1
                default: break
                }
                continue
            }
            if quoted {
                if byte == UInt8(ascii: "\\") { escaped = true }
                if byte == UInt8(ascii: "\"") { quoted = false }
                append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "("): commentDepth = 1
            case UInt8(ascii: "\""):
                quoted = true
                append(byte)
            case UInt8(ascii: "<"):
                (inAngle, angle) = (true, [])
            case UInt8(ascii: ">") where inAngle:
                (inAngle, bracketed) = (false, angle)
            case UInt8(ascii: ":"):
                // A group's name before it, or a source route (`<@a,@b:x@y>`) inside brackets.
                if inAngle { angle = [] } else { plain = [] }
            case UInt8(ascii: ",") where !inAngle, UInt8(ascii: ";") where !inAngle:
                finish()
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 13, 10:
                break
            default:
                append(byte)
            }
        }
        finish()
        return found
    }
}
