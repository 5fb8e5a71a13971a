import Foundation
import Testing

@testable import KenshuMail
import KenshuTesting

/// A second opinion on the rendered message: Python's standard `email` parser reads it back.
struct MIMEPythonParserTests {
    /// Display names here fit in one encoded-word: CPython's `email` before gh-128110 keeps
    /// the space between two encoded-words of a display name (RFC 2047 §6.2 says to drop it),
    /// so a longer, split name would come back with an extra space from the Python in use.
    @Test(.enabled(if: MailParser.python != nil, "python3 is not installed: the cross-check with Python's email parser is skipped"))
    func pythonsEmailParserReadsBackTheJapaneseExactly() throws {
        let subject = "【研修】" + String(repeating: "政策形成能力を伸ばすための今週のおすすめ研修", count: 3) + " (2026-W48)"
        let text = "山田 太郎 様\n\n今週のおすすめ研修は次のとおりです。\n・政策法務入門（市町村アカデミー）\n絵文字👨‍👩‍👧‍👦もそのまま。\n"
        let html = "<p>山田 太郎 様</p>\n<p>今週のおすすめ研修</p>\n"
        var message = try RenderedMail.sample(text: text, html: html)
        message.subject = subject
        message.from = try MailAddress(address: "jinji@city.example.jp", displayName: "小千谷市 総務課 人材育成担当")
        message.to = [try MailAddress(address: "yamada@city.example.jp", displayName: "山田 太郎\r\nBcc: evil@example.com")]

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-mime-\(UUID().uuidString).eml")
        try Data(message.rendered()).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let parsed = try #require(try MailParser.parse([file.path])?.first)
        #expect(parsed.subject == subject)
        #expect(parsed.fromName == "小千谷市 総務課 人材育成担当")
        #expect(parsed.fromAddress == "jinji@city.example.jp")
        #expect(parsed.toName == "山田 太郎 Bcc: evil@example.com")
        #expect(parsed.week == "2026-W48")
        #expect(parsed.course == "政策形成研修")
        #expect(!parsed.hasBcc)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.text.replacingOccurrences(of: "\r\n", with: "\n") == text)
        #expect(parsed.html.replacingOccurrences(of: "\r\n", with: "\n") == html)
    }
}
