import Foundation
import Testing

@testable import KenshuMail

/// A second opinion on the rendered message: Python's standard `email` parser reads it back.
struct MIMEPythonParserTests {
    /// python3 on the PATH, when there is one (the test is skipped without it).
    static let python: String? = {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static let script = """
        import email, email.policy, json, sys
        msg = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
        text = msg.get_body(preferencelist=('plain',))
        html = msg.get_body(preferencelist=('html',))
        print(json.dumps({
            'subject': str(msg['subject']),
            'fromName': msg['from'].addresses[0].display_name,
            'fromAddress': msg['from'].addresses[0].addr_spec,
            'toName': msg['to'].addresses[0].display_name,
            'week': str(msg['x-kenshu-week']),
            'course': str(msg['x-kenshu-course']),
            'bcc': msg['bcc'] is not None,
            'defects': [type(d).__name__ for p in msg.walk() for d in p.defects],
            'text': text.get_content(),
            'html': html.get_content() if html is not None else None,
        }))
        """

    struct Parsed: Decodable {
        var subject: String
        var fromName: String
        var fromAddress: String
        var toName: String
        var week: String
        var course: String
        var bcc: Bool
        var defects: [String]
        var text: String
        var html: String?
    }

    /// Display names here fit in one encoded-word: CPython's `email` before gh-128110 keeps
    /// the space between two encoded-words of a display name (RFC 2047 §6.2 says to drop it),
    /// so a longer, split name would come back with an extra space from the Python in use.
    @Test(.enabled(if: python != nil, "python3 is not installed: the cross-check with Python's email parser is skipped"))
    func pythonsEmailParserReadsBackTheJapaneseExactly() throws {
        let python = try #require(Self.python)
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

        let output = try Self.run(python, ["-c", Self.script, file.path])
        let parsed = try JSONDecoder().decode(Parsed.self, from: output)
        #expect(parsed.subject == subject)
        #expect(parsed.fromName == "小千谷市 総務課 人材育成担当")
        #expect(parsed.fromAddress == "jinji@city.example.jp")
        #expect(parsed.toName == "山田 太郎 Bcc: evil@example.com")
        #expect(parsed.week == "2026-W48")
        #expect(parsed.course == "政策形成研修")
        #expect(!parsed.bcc)
        #expect(parsed.defects.isEmpty)
        #expect(parsed.text.replacingOccurrences(of: "\r\n", with: "\n") == text)
        #expect(parsed.html?.replacingOccurrences(of: "\r\n", with: "\n") == html)
    }

    /// Runs `program` and returns its stdout; fails the test on a non-zero exit.
    static func run(_ program: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "python3 failed: \(String(decoding: errors, as: UTF8.self))")
        return output
    }
}
