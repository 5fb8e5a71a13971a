import Testing

@testable import KenshuMail

/// Header fields: RFC 2047 encoded-words, folding, and no way to inject a header line.
struct MIMEHeaderTests {
    static let longSubject = String(repeating: "人材育成基本方針に基づく今週の研修案内と指導担当者のお知らせ", count: 4)

    @Test func longJapaneseSubjectFoldsIntoShortLinesAndDecodesExactly() throws {
        #expect(Self.longSubject.count > 100)
        let field = HeaderField.unstructured(name: "Subject", value: Self.longSubject)
        #expect(field.lines.count > 4)
        #expect(field.lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(field.lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(field.lines[0].hasPrefix("Subject: =?UTF-8?B?"))
        let words = RenderedMail.unfold(field.lines).dropFirst("Subject:".count).split(separator: " ")
        #expect(words.allSatisfy { $0.utf8.count <= 75 && $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") })
        #expect(RenderedMail.decodeWords(RenderedMail.headerValue(field.lines)) == Self.longSubject)
    }

    @Test func wordsBreakBetweenWholeCharacters() throws {
        let family = "👨‍👩‍👧‍👦"
        let accented = "e\u{301}"
        let text = String(repeating: family, count: 7) + String(repeating: accented + "研", count: 20)
        let words = EncodedWord.encode(text)
        #expect(words.count > 2)
        let pieces = try words.map { word in try #require(RenderedMail.decodeWord(Substring(word))) }
        #expect(pieces.joined() == text)
        for piece in pieces {
            #expect(piece.allSatisfy { $0 == Character(family) || $0 == Character(accented) || $0 == "研" })
        }
    }

    @Test func aClusterLongerThanOneWordBreaksBetweenScalars() throws {
        let tooLong = "a" + String(repeating: "\u{301}", count: 40)  // one grapheme, 81 bytes
        let words = EncodedWord.encode(tooLong)
        #expect(words.count == 2)
        #expect(words.allSatisfy { $0.utf8.count <= 75 })
        let pieces = try words.map { word in try #require(RenderedMail.decodeWord(Substring(word))) }
        #expect(pieces.joined() == tooLong)
    }

    @Test func plainAsciiSubjectStaysReadable() {
        let field = HeaderField.unstructured(name: "Subject", value: "Weekly training: 3 courses for you")
        #expect(field.lines == ["Subject: Weekly training: 3 courses for you"])
    }

    @Test func longAsciiSubjectFoldsAtSpaces() {
        let subject = (1...30).map { "word\($0)" }.joined(separator: " ")
        let field = HeaderField.unstructured(name: "Subject", value: subject)
        #expect(field.lines.count > 1)
        #expect(field.lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(RenderedMail.unfold(field.lines) == "Subject: " + subject)
    }

    @Test func asciiThatLooksLikeAnEncodedWordIsEncoded() {
        let subject = "about =?UTF-8?B?5Y2x?= words"
        let field = HeaderField.unstructured(name: "Subject", value: subject)
        #expect(!field.lines.joined().contains("about"))
        #expect(RenderedMail.decodeWords(RenderedMail.headerValue(field.lines)) == subject)
    }

    @Test func japaneseDisplayNameIsEncodedAndAddressKeptPlain() throws {
        let address = try MailAddress(address: "yamada.taro@city.example.jp", displayName: "山田 太郎（人事課）")
        let field = HeaderField.addresses(name: "To", [address])
        let value = RenderedMail.headerValue(field.lines)
        #expect(value.hasSuffix(" <yamada.taro@city.example.jp>"))
        #expect(RenderedMail.decodeWords(String(value.dropLast(" <yamada.taro@city.example.jp>".count))) == "山田 太郎（人事課）")
    }

    @Test func asciiDisplayNamesAreAtomsOrQuoted() throws {
        let plain = try MailAddress(address: "hr@x.jp", displayName: "Kenshu Office")
        let special = try MailAddress(address: "t@x.jp", displayName: #"Yamada, Taro "Jr" \ HR"#)
        let bare = try MailAddress(address: "b@x.jp")
        let field = HeaderField.addresses(name: "To", [plain, special, bare])
        #expect(
            RenderedMail.unfold(field.lines)
                == #"To: Kenshu Office <hr@x.jp>, "Yamada, Taro \"Jr\" \\ HR" <t@x.jp>, b@x.jp"#)
    }

    @Test func manyAddressesFoldBetweenThem() throws {
        let addresses = try (1...12).map { try MailAddress(address: "staff\($0)@city.example.jp", displayName: "職員\($0)番") }
        let field = HeaderField.addresses(name: "To", addresses)
        #expect(field.lines.count > 3)
        #expect(field.lines.allSatisfy { $0.utf8.count <= 78 })
        let entries = RenderedMail.headerValue(field.lines).components(separatedBy: ", ")
        #expect(entries.count == 12)
        #expect(RenderedMail.decodeWords(String(entries[11].dropLast(" <staff12@city.example.jp>".count))) == "職員12番")
    }

    @Test(arguments: ["研修\r\nBcc: evil@example.com", "Hi\r\nBcc: evil@example.com", "x\nBcc: evil@example.com", "x\u{2028}Bcc: e@example.com"])
    func injectedLineBreaksAddNoHeader(hostile: String) throws {
        let from = try MailAddress(address: "hr@city.example.jp", displayName: hostile)
        let to = try MailAddress(address: "staff@city.example.jp", displayName: hostile)
        var message = try RenderedMail.sample()
        message.from = from
        message.to = [to]
        message.replyTo = from
        message.subject = hostile
        message.extraHeaders = [("X-Kenshu-Kind", hostile), ("Bcc", "evil@example.com"), ("X-Evil\r\nBcc", "e@x.jp")]
        let headers = RenderedMail.headerLines(message.rendered())
        #expect(!headers.contains { $0.lowercased().hasPrefix("bcc") })
        #expect(headers.allSatisfy { !$0.contains("\r") && !$0.contains("\n") && $0.utf8.count <= 78 })
        #expect(headers.allSatisfy { $0.hasPrefix(" ") || $0.contains(":") })
    }
}

/// Display names are kept in one encoded-word whenever they fit in one.
struct MIMEDisplayNameTests {
    @Test func aNameThatFitsOneWordIsNotSplitAcrossLines() throws {
        let fifteen = "小千谷市総務課人材育成担当者様"  // 15 kanji, 45 bytes: one whole word
        let first = try MailAddress(address: "a@city.example.jp", displayName: "職員")
        let second = try MailAddress(address: "b@city.example.jp", displayName: fifteen)
        let field = HeaderField.addresses(name: "To", [first, second])
        let words = RenderedMail.unfold(field.lines).split(separator: " ").filter { $0.hasPrefix("=?") }
        #expect(words.count == 2)
        #expect(words.last.flatMap(RenderedMail.decodeWord) == fifteen)
        #expect(field.lines.allSatisfy { $0.utf8.count <= 78 })
    }

    @Test func aLongNameIsSplitIntoWordsThatDecodeBack() throws {
        let long = String(repeating: "人材育成担当", count: 6)
        let field = HeaderField.addresses(name: "From", [try MailAddress(address: "a@x.jp", displayName: long)])
        let value = RenderedMail.headerValue(field.lines)
        #expect(field.lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(RenderedMail.decodeWords(String(value.dropLast(" <a@x.jp>".count))) == long)
    }
}
