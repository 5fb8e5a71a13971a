import Foundation
import KenshuTesting
import Testing

/// `kenshu deliver` into a real Postfix (`.ci/postfix.sh`: 127.0.0.1:25, every @example.jp
/// mail into one Maildir), through sendmail and over SMTP: each mail of the example city's
/// week arrives exactly once for each of its recipients, byte for byte as it was spooled.
@Suite(.serialized, .enabled(if: TestPostfix.maildir != nil || TestPostfix.isRequired, Comment(rawValue: TestPostfix.unavailable)))
struct PostfixDeliveryTests {
    /// One spooled mail: its Message-ID, its recipients, its bytes with LF line ends (as
    /// Postfix stores them in a Maildir).
    struct Spooled {
        var file: String
        var messageID: String
        var recipients: [String]
        var lines: [UInt8]
    }

    func spooled(_ files: [String]) throws -> [Spooled] {
        try files.map { file in
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            let headers = MailHeaders(bytes)
            let id = headers.value("Message-ID").trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
            let lines = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            return Spooled(file: file, messageID: id, recipients: headers.addresses(["To", "Cc", "Bcc"]), lines: Array(lines.utf8))
        }
    }

    @Test(arguments: ["sendmail", "smtp"])
    func everyMailOfTheWeekArrivesOnceAndIntact(submission: String) throws {
        guard let maildir = TestPostfix.maildir else {
            Issue.record("CI=true, but there is \(TestPostfix.unavailable)")
            return
        }
        let city = try TemporaryCity.example()
        defer { city.remove() }
        if submission == "smtp" {
            let config = try String(contentsOfFile: city.config, encoding: .utf8)
            try config.replacingOccurrences(of: "\nmail:\n", with: "\nmail:\n  submit: smtp://127.0.0.1:25\n")
                .write(toFile: city.config, atomically: true, encoding: .utf8)
        }
        #expect(try city.kenshu("run", "--date", "2026-11-25").status == 0)
        let mails = try spooled(city.spoolFiles())
        #expect(mails.count > 400)
        #expect(Set(mails.map(\.messageID)).count == mails.count)
        let expected = mails.flatMap { mail in mail.recipients.map { mail.messageID + " " + $0 } }
        #expect(mails.contains { $0.recipients.count == 2 }, "the HR report goes to both HR addresses")
        let before = TestPostfix.deliveredNames(in: maildir)

        let deliver = try city.kenshu("deliver")

        #expect(deliver.status == 0, "\(deliver.stderr)")
        #expect(deliver.stdout.contains("送信 \(mails.count) 通、失敗 0 通"), "\(deliver.stdout)")
        #expect(city.spoolFiles().isEmpty)
        #expect(city.spoolFiles("cur").count == mails.count)
        let arrived = TestPostfix.deliveries(
            of: Set(mails.map(\.messageID)), count: expected.count, in: maildir, besides: before, timeout: .seconds(180))
        let got = arrived.map { $0.messageID + " " + $0.deliveredTo }
        #expect(got.count == expected.count, "\(got.count) of \(expected.count) deliveries arrived")
        #expect(Set(got).count == got.count, "a mail arrived twice for the same recipient")
        #expect(Set(got) == Set(expected))
        #expect(arrived.allSatisfy { $0.returnPath == "jinji@example.jp" }, "the envelope sender is the config's sender")
        // Intact: Postfix puts its trace headers on top; below them is the spooled file, every byte.
        let byID = Dictionary(mails.map { ($0.messageID, $0) }, uniquingKeysWith: { first, _ in first })
        let altered = arrived.filter { delivery in
            guard let mail = byID[delivery.messageID] else { return true }
            return !delivery.bytes.suffix(mail.lines.count).elementsEqual(mail.lines)
        }
        #expect(altered.isEmpty, "changed on the way: \(altered.prefix(3).map(\.path))")
        // And read back by a mail program, the same text.
        let sample = arrived.filter { $0.deliveredTo == "kenshu-tantou@example.jp" } + arrived.prefix(10)
        if let delivered = try MailParser.parse(sample.map(\.path)),
           let original = try MailParser.parse(sample.compactMap { byID[$0.messageID]?.file.replacingOccurrences(of: "/new/", with: "/cur/") }) {
            #expect(delivered.map(\.subject) == original.map(\.subject))
            #expect(delivered.map(\.text) == original.map(\.text))
            #expect(delivered.map(\.html) == original.map(\.html))
            #expect(delivered.allSatisfy { !$0.hasBcc })
        }
    }

    /// `kenshu-bench deliver` times both ways on spools of its own, and each hands over every mail.
    @Test func theDeliveryBenchmarkHandsEveryMailOverBothWays() throws {
        guard TestPostfix.maildir != nil else {
            Issue.record("CI=true, but there is \(TestPostfix.unavailable)")
            return
        }
        let city = try TemporaryCity()
        defer { city.remove() }
        let result = try KenshuBinary.run(
            ["deliver", "--mails", "30", "--out", city.folder.appendingPathComponent("bench").path,
             "--kenshu", KenshuBinary.path(of: "kenshu"), "--catalog", KenshuBinary.repository.appendingPathComponent("Catalog").path],
            product: "kenshu-bench")
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").filter { $0.hasPrefix("sendmail ") || $0.hasPrefix("smtp ") }
        #expect(rows.count == 2, "\(result.stdout)")
        for row in rows {
            let columns = row.split(separator: " ")
            #expect(columns.count >= 6 && columns[1] == "30" && columns[4] == "30" && columns[5] == "0", "\(row)")
        }
    }
}
