// libFuzzer target: the MIME writer. The input is split at 0xFF bytes (never part of UTF-8)
// into the values a weekly mail takes from data: subject, sender display name and address,
// recipient display name and addresses (comma-separated), the recipient's staff id (in the
// Message-ID), the text body, the HTML body (when present), a Reply-To address. The message
// is built as `MailEnvelope.message` builds it and rendered, and the renderer's contract
// (MailMessage.rendered, HeaderField, EncodedWord, HeaderText) is checked; a broken promise
// traps:
//   - 7-bit output, every line ended by CRLF (no bare CR or LF), no line over 998 octets;
//   - exactly the headers the message writes, in order (no value adds or ends a header);
//   - folded header lines of at most 76 characters, except a single token that cannot be
//     folded (HeaderField.append keeps it whole); no whitespace-only continuation line;
//   - encoded-words well-formed, at most 75 characters, each holding whole UTF-8 sequences;
//   - Subject and the display names decode back to their sanitised text;
//   - the bodies decode back to the text with CRLF line ends, in base64 lines of at most 76;
//   - EncodedWord.encode with fuzzed line limits keeps its word lengths and round-trips.
import Foundation
import FuzzSupport
@testable import KenshuMail

private let zone = TimeZone(identifier: "Asia/Tokyo")!
private let fallbackSender = "kenshu@localhost.localdomain"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = FuzzSupport.bytes(data, size)
    let fields = bytes.split(separator: 0xFF, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    func field(_ index: Int) -> String? { index < fields.count ? fields[index] : nil }

    let subject = field(0) ?? ""
    let fromName = field(1)
    let from: MailAddress
    do {
        from = try MailAddress(address: field(2) ?? fallbackSender, displayName: fromName)
    } catch {
        FuzzSupport.describe(error)
        from = try! MailAddress(address: fallbackSender, displayName: fromName)
    }
    var to: [MailAddress] = []
    for (index, text) in (field(4) ?? "").split(separator: ",").enumerated() {
        do {
            to.append(try MailAddress(address: String(text), displayName: index == 0 ? field(3) : nil))
        } catch {
            FuzzSupport.describe(error)  // the mail is skipped with this reason
        }
    }
    var replyTo: MailAddress?
    if let text = field(8) {
        do { replyTo = try MailAddress(address: text) } catch { FuzzSupport.describe(error) }
    }
    let seconds = bytes.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 } % 4_102_444_800
    let message = MailMessage(
        from: from, to: to, replyTo: replyTo, subject: subject, date: Date(timeIntervalSince1970: Double(seconds)),
        timeZone: zone,
        messageID: MessageID.make(kind: "staff", week: "2026-W48", recipient: field(5) ?? "10001", domain: from.domain),
        extraHeaders: [(name: "Auto-Submitted", value: "auto-generated"), (name: "X-Kenshu-Week", value: "2026-W48"),
                       (name: "X-Kenshu-Kind", value: "staff")],
        text: field(6) ?? "", html: field(7))
    let rendered = message.rendered()
    Check(message: message, rendered: rendered).run()

    // The encoder on its own, with line limits a header may hand it.
    let firstLimit = Int(bytes.first ?? 0) % 100 - 10
    let limit = 20 + Int(bytes.last ?? 0) % 56
    let words = EncodedWord.encode(subject, firstLimit: firstLimit, limit: limit)
    if checkEncodedWords(words, limit: limit, text: subject) != subject {
        fail("EncodedWord.encode(firstLimit: \(firstLimit), limit: \(limit)) does not decode back to its text", subject.debugDescription)
    }
    return 0
}

/// A broken promise of the renderer: print what and the message, then trap.
func fail(_ what: String, _ context: String = "") -> Never {
    fatalError("MIME contract broken: \(what)\n\(context)")
}

struct Check {
    let message: MailMessage
    let rendered: [UInt8]

    func run() {
        let text = String(decoding: rendered, as: UTF8.self)
        for (offset, byte) in rendered.enumerated() {
            if byte >= 0x80 || byte == 0 { fail("byte \(byte) at \(offset) is not 7-bit text", text) }
            if byte == 0x0D, offset + 1 >= rendered.count || rendered[offset + 1] != 0x0A { fail("bare CR at \(offset)", text) }
            if byte == 0x0A, offset == 0 || rendered[offset - 1] != 0x0D { fail("bare LF at \(offset)", text) }
        }
        guard text.hasSuffix("\r\n") else { fail("the message does not end with CRLF", text) }
        // (On the UTF-8 view: "\r\n" is a single Character.)
        let lines = String(decoding: rendered.dropLast(2), as: UTF8.self).components(separatedBy: "\r\n")
        for line in lines where line.utf8.count > 998 { fail("a line of \(line.utf8.count) octets", text) }
        guard let blank = lines.firstIndex(of: "") else { fail("no blank line after the headers", text) }
        let fields = headerFields(Array(lines[..<blank]), text: text)
        checkHeaderNames(fields.map(\.name), text: text)
        let byName = Dictionary(fields.map { ($0.name, $0.lines) }, uniquingKeysWith: { first, _ in first })
        checkUnstructured(byName["Subject"] ?? [], name: "Subject", value: message.subject, text: text)
        checkAddresses(byName["From"] ?? [], name: "From", [message.from], text: text)
        if !message.to.isEmpty { checkAddresses(byName["To"] ?? [], name: "To", message.to, text: text) }
        if let replyTo = message.replyTo { checkAddresses(byName["Reply-To"] ?? [], name: "Reply-To", [replyTo], text: text) }
        checkBody(Array(lines[(blank + 1)...]), contentType: byName["Content-Type"] ?? [], text: text)
    }

    /// The header lines grouped into fields (a line starting with a space continues a field).
    func headerFields(_ lines: [String], text: String) -> [(name: String, lines: [String])] {
        var fields: [(name: String, lines: [String])] = []
        for line in lines {
            if line.hasPrefix(" ") || line.hasPrefix("\t") {
                guard !fields.isEmpty else { fail("the headers start with a continuation line", text) }
                if line.allSatisfy({ $0 == " " || $0 == "\t" }) { fail("a whitespace-only continuation line", text) }
                fields[fields.count - 1].lines.append(line)
            } else {
                guard let colon = line.firstIndex(of: ":") else { fail("a header line without a name: \(line)", text) }
                fields.append((String(line[..<colon]), [line]))
            }
            if line.utf8.count > HeaderField.lineLimit {
                // Only a token that no fold can shorten may stand alone on a longer line.
                let body = line.hasPrefix(" ") ? String(line.dropFirst()) : ""
                if body.isEmpty || body.contains(" ") {
                    fail("a header line of \(line.utf8.count) characters that could have been folded: \(line)", text)
                }
            }
        }
        return fields
    }

    func checkHeaderNames(_ names: [String], text: String) {
        var expected = ["Date", "From"]
        if !message.to.isEmpty { expected.append("To") }
        if message.replyTo != nil { expected.append("Reply-To") }
        expected += ["Subject", "Message-ID", "MIME-Version", "Auto-Submitted", "X-Kenshu-Week", "X-Kenshu-Kind", "Content-Type"]
        if message.html == nil { expected.append("Content-Transfer-Encoding") }
        guard names == expected else { fail("headers \(names), expected \(expected)", text) }
    }

    /// The field's value: its lines unfolded (CRLF removed before each continuation's space).
    func unfolded(_ lines: [String], name: String) -> String {
        String(lines.joined().dropFirst(name.count + 1))
    }

    func checkUnstructured(_ lines: [String], name: String, value: String, text: String) {
        let expected = HeaderText.sanitized(value)
        let tokens = unfolded(lines, name: name).split(separator: " ").map(String.init)
        let decoded: String
        if tokens.contains(where: { $0.hasPrefix("=?") }) {
            decoded = decodeWords(tokens, text: text)
        } else {
            decoded = tokens.joined(separator: " ")
        }
        if decoded != expected { fail("\(name) reads back as \(decoded.debugDescription), not \(expected.debugDescription)", text) }
    }

    func checkAddresses(_ lines: [String], name: String, _ addresses: [MailAddress], text: String) {
        var rest = Substring(unfolded(lines, name: name))
        for (index, address) in addresses.enumerated() {
            let last = index == addresses.count - 1
            rest = rest.drop { $0 == " " }
            var phrase = ""
            if rest.hasPrefix("\"") {
                // quoted-string: `\` escapes the next character.
                rest = rest.dropFirst()
                var closed = false
                while let character = rest.first {
                    rest = rest.dropFirst()
                    if character == "\\" {
                        guard let escaped = rest.first else { break }
                        phrase.append(escaped)
                        rest = rest.dropFirst()
                    } else if character == "\"" {
                        closed = true
                        break
                    } else {
                        phrase.append(character)
                    }
                }
                if !closed { fail("\(name): an unclosed quoted display name", text) }
            } else if address.displayName != nil {
                guard let open = rest.firstIndex(of: "<") else { fail("\(name): no <address> after a display name", text) }
                let tokens = rest[..<open].split(separator: " ").map(String.init)
                phrase = tokens.contains(where: { $0.hasPrefix("=?") }) ? decodeWords(tokens, text: text) : tokens.joined(separator: " ")
                rest = rest[open...]
            }
            rest = rest.drop { $0 == " " }
            let written: String
            if let displayName = address.displayName {
                if phrase != displayName {
                    fail("\(name): display name reads back as \(phrase.debugDescription), not \(displayName.debugDescription)", text)
                }
                written = "<\(address.address)>"
            } else {
                written = address.address
            }
            guard rest.hasPrefix(written + (last ? "" : ",")) else { fail("\(name): \(written) is not where expected", text) }
            rest = rest.dropFirst(written.count + (last ? 0 : 1))
        }
        if !rest.isEmpty { fail("\(name): trailing text \(String(rest).debugDescription)", text) }
    }

    /// Decodes a run of encoded-words (whitespace between them is not part of the text).
    func decodeWords(_ tokens: [String], text: String) -> String {
        checkEncodedWords(tokens, limit: EncodedWord.maximumLength, text: text)
    }

    func checkBody(_ lines: [String], contentType: [String], text: String) {
        if let html = message.html {
            let type = unfolded(contentType, name: "Content-Type")
            guard let start = type.range(of: "boundary=\""), let end = type[start.upperBound...].firstIndex(of: "\"") else {
                fail("multipart without a boundary", text)
            }
            let boundary = String(type[start.upperBound..<end])
            var parts: [[String]] = []
            var current: [String]?
            for line in lines {
                if line == "--" + boundary {
                    if let current { parts.append(current) }
                    current = []
                } else if line == "--" + boundary + "--" {
                    if let current { parts.append(current) }
                    current = nil
                } else if current != nil {
                    current!.append(line)
                } else {
                    fail("text outside the parts: \(line)", text)
                }
            }
            guard parts.count == 2 else { fail("\(parts.count) parts, expected 2", text) }
            checkPart(parts[0], mediaType: "text/plain", value: message.text, text: text)
            checkPart(parts[1], mediaType: "text/html", value: html, text: text)
        } else {
            checkPart(["Content-Type:" + unfolded(contentType, name: "Content-Type"),
                       "Content-Transfer-Encoding: base64", ""] + lines, mediaType: "text/plain", value: message.text, text: text)
        }
    }

    func checkPart(_ lines: [String], mediaType: String, value: String, text: String) {
        guard lines.count >= 3, lines[0] == "Content-Type: \(mediaType); charset=UTF-8",
              lines[1] == "Content-Transfer-Encoding: base64", lines[2] == "" else {
            fail("\(mediaType): unexpected part headers", text)
        }
        var bytes: [UInt8] = []
        for line in lines[3...] {
            if line.utf8.count > 76 { fail("\(mediaType): a base64 line of \(line.utf8.count)", text) }
            guard let decoded = base64Decode(line) else { fail("\(mediaType): not base64: \(line)", text) }
            bytes += decoded
        }
        // The text's bytes with CRLF, CR and LF each made CRLF (on bytes: Foundation's
        // replacingOccurrences would match "\n" only as a whole composed sequence).
        var expected: [UInt8] = []
        let utf8 = Array(value.utf8)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            index += 1
            if byte == 0x0D || byte == 0x0A {
                if byte == 0x0D, index < utf8.count, utf8[index] == 0x0A { index += 1 }
                expected += [0x0D, 0x0A]
            } else {
                expected.append(byte)
            }
        }
        if bytes != expected { fail("\(mediaType): the body does not decode back to its text", text) }
    }
}

/// Checks a run of encoded-words (each `=?UTF-8?B?…?=`, at most `limit` characters, holding
/// whole UTF-8 sequences) and returns the text they hold; traps when `text` (the expected
/// text, or the message for context) is not what they decode to and `text` is the expected one.
@discardableResult
func checkEncodedWords(_ words: [String], limit: Int, text: String) -> String {
    var decoded = ""
    for word in words {
        guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?="), word.utf8.count > 12 else {
            fail("not an encoded-word: \(word.debugDescription)", text)
        }
        if word.utf8.count > min(limit, EncodedWord.maximumLength) {
            fail("an encoded-word of \(word.utf8.count) characters (limit \(limit)): \(word)", text)
        }
        let payload = String(word.dropFirst(10).dropLast(2))
        guard let bytes = base64Decode(payload), !bytes.isEmpty else { fail("bad base64 in \(word)", text) }
        guard let part = String(validating: bytes, as: UTF8.self) else { fail("\(word) splits a UTF-8 sequence", text) }
        decoded += part
    }
    return decoded
}

/// Strict base64 (RFC 4648, padded); nil when not.
func base64Decode(_ text: String) -> [UInt8]? {
    let characters = Array(text.utf8)
    guard characters.count % 4 == 0 else { return nil }
    func value(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): c - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): c - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
    var out: [UInt8] = []
    var index = 0
    while index < characters.count {
        let quad = characters[index..<index + 4]
        index += 4
        let padding = quad.reversed().prefix { $0 == UInt8(ascii: "=") }.count
        if padding > 2 || (padding > 0 && index != characters.count) { return nil }
        var bits: UInt32 = 0
        for (position, c) in quad.enumerated() {
            if position >= 4 - padding { bits <<= 6; continue }
            guard let v = value(c) else { return nil }
            bits = bits << 6 | UInt32(v)
        }
        out.append(UInt8(bits >> 16 & 0xFF))
        if padding < 2 { out.append(UInt8(bits >> 8 & 0xFF)) }
        if padding < 1 { out.append(UInt8(bits & 0xFF)) }
    }
    return out
}
