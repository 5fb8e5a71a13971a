import KenshuPOSIX

/// One SMTP reply (RFC 5321 §4.2): a three-digit code and its text lines (`250-…` lines
/// continue, `250 …` ends), read with a deadline for the whole reply.
struct SMTPReply: Sendable, Hashable {
    /// The code, e.g. 250, 354, 550.
    var code: Int
    /// The text of each line, without the code.
    var lines: [String]

    /// The most lines one reply may have (an EHLO reply lists a dozen).
    static let maximumLines = 100

    /// 2xx: the command was accepted.
    var isPositive: Bool { (200..<300).contains(code) }

    /// The text on one line, for an error: `5.1.1 <x@example.jp>: Recipient address rejected`.
    var text: String { lines.joined(separator: " ") }

    /// Why a reply could not be read.
    enum Failure: Error, Sendable {
        /// The connection failed while waiting for it.
        case connection(TCPConnection.Failure)
        /// A line that is not `CODE[ -]TEXT`, or a reply of too many lines.
        case malformed(String)
    }

    /// Reads the next whole reply from `connection`.
    static func read(from connection: TCPConnection, deadline: ContinuousClock.Instant) throws(Failure) -> SMTPReply {
        var lines: [String] = []
        var code: Int?
        while lines.count < maximumLines {
            let raw: [UInt8]
            do {
                raw = try connection.readLine(deadline: deadline)
            } catch {
                throw .connection(error)
            }
            let line = String(decoding: raw, as: UTF8.self)
            let digits = raw.prefix(3)
            guard digits.count == 3, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
                  let value = Int(String(decoding: digits, as: UTF8.self)), code == nil || code == value,
                  raw.count == 3 || raw[3] == UInt8(ascii: " ") || raw[3] == UInt8(ascii: "-")
            else { throw .malformed("'\(line.prefix(80))'") }
            code = value
            lines.append(String(decoding: raw.dropFirst(4), as: UTF8.self))
            if raw.count == 3 || raw[3] == UInt8(ascii: " ") { return SMTPReply(code: value, lines: lines) }
        }
        throw .malformed("a reply of more than \(maximumLines) lines")
    }

    /// The ESMTP extensions an EHLO reply names (its lines after the first), uppercased
    /// keywords, e.g. `PIPELINING`, `8BITMIME`.
    var extensions: Set<String> {
        Set(lines.dropFirst().compactMap { $0.split(separator: " ").first.map { $0.uppercased() } })
    }
}
