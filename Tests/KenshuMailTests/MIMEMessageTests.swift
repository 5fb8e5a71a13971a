import Foundation
import Testing

@testable import KenshuMail

/// Whole messages: header order, the date, MIME structure and base64 bodies.
struct MIMEMessageTests {
    @Test func dateIsWrittenInTheOfficeZoneInEnglish() throws {
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        let newfoundland = try #require(TimeZone(identifier: "America/St_Johns"))
        let date = Date(timeIntervalSince1970: 1_795_730_400)  // 2026-11-26T22:00:00Z
        #expect(MailDate.format(date, in: tokyo) == "Fri, 27 Nov 2026 07:00:00 +0900")
        #expect(MailDate.format(date, in: newfoundland) == "Thu, 26 Nov 2026 18:30:00 -0330")
        #expect(MailDate.format(Date(timeIntervalSince1970: 0), in: tokyo) == "Thu, 1 Jan 1970 09:00:00 +0900")
    }

    @Test func headersComeInTheirOrder() throws {
        let headers = RenderedMail.headerLines(try RenderedMail.sample(html: "<p>x</p>").rendered())
        let names = headers.filter { !$0.hasPrefix(" ") }.map { String($0.prefix { $0 != ":" }) }
        #expect(names == [
            "Date", "From", "To", "Reply-To", "Subject", "Message-ID", "MIME-Version",
            "Auto-Submitted", "X-Kenshu-Week", "X-Kenshu-Kind", "X-Kenshu-Course", "Content-Type",
        ])
        #expect(headers.contains("Date: Fri, 27 Nov 2026 07:00:00 +0900"))
        #expect(headers.contains("Message-ID: <kenshu.2026-W48.staff.10028.ab12cd@city.example.jp>"))
        #expect(headers.contains("MIME-Version: 1.0"))
        #expect(headers.contains("Auto-Submitted: auto-generated"))
        #expect(headers.allSatisfy { $0.utf8.count <= 78 })
    }

    @Test func extraHeadersWithBadOrOwnNamesAreDropped() throws {
        var message = try RenderedMail.sample()
        message.extraHeaders = [
            ("X Bad", "1"), ("X:Colon", "2"), ("", "3"), ("content-type", "text/html"), ("Resent-To", "a@x.jp"),
            ("X-Kept", "4"), ("Cc", "a@x.jp"), ("X-日本", "5"),
        ]
        #expect(message.droppedExtraHeaderNames == ["X Bad", "X:Colon", "", "content-type", "Resent-To", "Cc", "X-日本"])
        let headers = RenderedMail.headerLines(message.rendered())
        #expect(headers.contains("X-Kept: 4"))
        #expect(headers.filter { $0.lowercased().hasPrefix("content-type") }.count == 1)
    }

    @Test func japaneseExtraHeaderValueIsEncoded() throws {
        let headers = RenderedMail.headerLines(try RenderedMail.sample().rendered())
        let course = headers.first { $0.hasPrefix("X-Kenshu-Course: ") }
        #expect(course.map { RenderedMail.decodeWords(String($0.dropFirst("X-Kenshu-Course: ".count))) } == "政策形成研修")
    }

    @Test func textOnlyMessageIsOneBase64Part() throws {
        let message = try RenderedMail.sample(text: "山田さん\nおはようございます。\r\n今週の研修です。\rEnd")
        let rendered = message.rendered()
        let headers = RenderedMail.headerLines(rendered)
        #expect(headers.contains("Content-Type: text/plain; charset=UTF-8"))
        #expect(headers.contains("Content-Transfer-Encoding: base64"))
        let body = RenderedMail.body(rendered)
        #expect(RenderedMail.decodeBase64Lines(body) == "山田さん\r\nおはようございます。\r\n今週の研修です。\r\nEnd")
    }

    @Test func htmlMakesMultipartAlternativeWithTextFirst() throws {
        let text = String(repeating: "研修のご案内です。\n", count: 40)
        let html = "<html><body>" + String(repeating: "<p>研修のご案内です。</p>\n", count: 40) + "</body></html>"
        let rendered = try RenderedMail.sample(text: text, html: html).rendered()
        let headers = RenderedMail.headerLines(rendered)
        let typeIndex = try #require(headers.firstIndex(of: "Content-Type: multipart/alternative;"))
        let boundaryLine = headers[typeIndex + 1]
        #expect(boundaryLine.hasPrefix(#" boundary=""#) && boundaryLine.hasSuffix("\""))
        let boundary = String(boundaryLine.dropFirst(#" boundary=""#.count).dropLast())
        #expect(boundary.contains("=_"))

        let parts = try RenderedMail.parts(of: RenderedMail.body(rendered), boundary: boundary)
        #expect(parts.count == 2)
        #expect(parts[0].headers == ["Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64"])
        #expect(parts[1].headers == ["Content-Type: text/html; charset=UTF-8", "Content-Transfer-Encoding: base64"])
        #expect(RenderedMail.decodeBase64Lines(parts[0].body) == text.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(RenderedMail.decodeBase64Lines(parts[1].body) == html.replacingOccurrences(of: "\n", with: "\r\n"))
        for part in parts {
            #expect(part.body.dropLast().allSatisfy { $0.utf8.count == 76 })
            #expect(part.body.allSatisfy { $0.utf8.count <= 76 && !$0.isEmpty })
        }
    }

    @Test func everyMessageGetsItsOwnBoundary() throws {
        let message = try RenderedMail.sample(html: "<p>x</p>")
        let first = RenderedMail.headerLines(message.rendered())
        let second = RenderedMail.headerLines(message.rendered())
        #expect(first.first { $0.hasPrefix(" boundary=") } != second.first { $0.hasPrefix(" boundary=") })
    }

    @Test func everyLineEndsWithCRLF() throws {
        let rendered = try RenderedMail.sample(text: "a\nb", html: "<p>\n</p>").rendered()
        for (index, byte) in rendered.enumerated() where byte == 0x0A {
            #expect(index > 0 && rendered[index - 1] == 0x0D)
        }
        #expect(rendered.suffix(2) == [0x0D, 0x0A])
    }

    @Test func messageIDsAreUniqueAndSafe() {
        let ids = (0..<200).map { _ in
            MessageID.make(kind: "staff", week: "2026-W48", recipient: "10 028/../山田", domain: "City.Example.JP")
        }
        #expect(Set(ids).count == 200)
        let id = ids[0]
        #expect(id.hasPrefix("kenshu.2026-W48.staff.10-028-.---."))
        #expect(id.hasSuffix("@city.example.jp"))
        #expect(id.unicodeScalars.allSatisfy { AddressSyntax.isLetterOrDigit($0) || ".-@".unicodeScalars.contains($0) })
        #expect(!id.contains(".."))
        #expect(MessageID.make(kind: "hr", week: "2026-W48", recipient: "", domain: nil).hasSuffix(".invalid"))
        #expect(MessageID.make(kind: "hr", week: "2026-W48", recipient: "x", domain: "bad domain").hasSuffix("@kenshu.invalid"))
    }
}

/// A rendered message taken apart the way a mail reader would (for tests only).
enum RenderedMail {
    /// A staff member's weekly mail, Tokyo time, 2026-11-27 07:00.
    static func sample(text: String = "本文", html: String? = nil) throws -> MailMessage {
        MailMessage(
            from: try MailAddress(address: "jinji@city.example.jp", displayName: "人材育成担当"),
            to: [try MailAddress(address: "yamada@city.example.jp", displayName: "山田 太郎")],
            replyTo: try MailAddress(address: "kenshu-help@city.example.jp"),
            subject: "【研修】今週のおすすめ研修", date: Date(timeIntervalSince1970: 1_795_730_400),
            timeZone: try #require(TimeZone(identifier: "Asia/Tokyo")),
            messageID: "kenshu.2026-W48.staff.10028.ab12cd@city.example.jp",
            extraHeaders: [
                ("Auto-Submitted", "auto-generated"), ("X-Kenshu-Week", "2026-W48"), ("X-Kenshu-Kind", "staff"),
                ("X-Kenshu-Course", "政策形成研修"),
            ],
            text: text, html: html)
    }

    /// The header lines (folded lines kept apart, CRLF removed).
    static func headerLines(_ message: [UInt8]) -> [String] {
        let (head, _) = split(message)
        return lines(head)
    }

    /// The body lines (CRLF removed).
    static func body(_ message: [UInt8]) -> [String] {
        lines(split(message).body)
    }

    /// The value of a folded field: unfolded, after `Name: `.
    static func headerValue(_ lines: [String]) -> String {
        let field = unfold(lines)
        guard let colon = field.firstIndex(of: ":") else { return "" }
        return String(field[field.index(after: colon)...].drop { $0 == " " })
    }

    /// Folded lines joined back (RFC 5322 unfolding: the CRLFs removed).
    static func unfold(_ lines: [String]) -> String {
        lines.joined()
    }

    /// Decodes a header value made of encoded-words separated by spaces; text outside words is
    /// kept, whitespace between two words dropped (RFC 2047 §6.2). Nil on a broken word.
    static func decodeWords(_ value: String) -> String? {
        var out = ""
        var previousWasWord = false
        var pendingSpace = ""
        for token in value.split(separator: " ", omittingEmptySubsequences: false) {
            if let decoded = decodeWord(token) {
                if !previousWasWord { out += pendingSpace }
                out += decoded
                previousWasWord = true
            } else {
                if token.hasPrefix("=?") { return nil }
                out += pendingSpace + token
                previousWasWord = false
            }
            pendingSpace = " "
        }
        return out
    }

    /// One `=?UTF-8?B?...?=` word decoded, or nil when it is not one or not valid UTF-8.
    static func decodeWord(_ token: Substring) -> String? {
        guard token.hasPrefix("=?UTF-8?B?"), token.hasSuffix("?="), token.count >= 12 else { return nil }
        let payload = token.dropFirst(10).dropLast(2)
        guard let data = Data(base64Encoded: String(payload)) else { return nil }
        return String(validating: Array(data), as: UTF8.self)
    }

    /// Base64 body lines decoded as UTF-8.
    static func decodeBase64Lines(_ lines: [String]) -> String? {
        guard let data = Data(base64Encoded: lines.joined()) else { return nil }
        return String(validating: Array(data), as: UTF8.self)
    }

    /// The parts of a multipart body: each part's header lines and body lines.
    static func parts(of body: [String], boundary: String) throws -> [(headers: [String], body: [String])] {
        let delimiter = "--" + boundary
        #expect(body.last == delimiter + "--")
        var parts: [[String]] = []
        for line in body {
            if line == delimiter {
                parts.append([])
            } else if line == delimiter + "--" {
                break
            } else if !parts.isEmpty {
                parts[parts.count - 1].append(line)
            }
        }
        return try parts.map { lines in
            let blank = try #require(lines.firstIndex(of: ""))
            return (Array(lines[..<blank]), Array(lines[(blank + 1)...]))
        }
    }

    private static func split(_ message: [UInt8]) -> (head: ArraySlice<UInt8>, body: ArraySlice<UInt8>) {
        let separator: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A]
        var index = 0
        while index + 4 <= message.count {
            if Array(message[index..<(index + 4)]) == separator {
                return (message[..<(index + 2)], message[(index + 4)...])
            }
            index += 1
        }
        return (message[...], [])
    }

    private static func lines(_ bytes: ArraySlice<UInt8>) -> [String] {
        var lines: [String] = []
        var current: [UInt8] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 0x0D, index + 1 < bytes.endIndex, bytes[index + 1] == 0x0A {
                lines.append(String(decoding: current, as: UTF8.self))
                current = []
                index += 2
            } else {
                current.append(bytes[index])
                index += 1
            }
        }
        if !current.isEmpty { lines.append(String(decoding: current, as: UTF8.self)) }
        return lines
    }
}
