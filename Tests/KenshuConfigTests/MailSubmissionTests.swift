import KenshuCore
import Testing
@testable import KenshuConfig

/// `mail.submit`: sendmail (the default) or SMTP to the local MTA; a bad value names the
/// file, line, key and value, and says what to write.
struct MailSubmissionTests {
    let file = "/srv/city/kenshu.yaml"

    func submission(_ value: String) throws -> MailSubmission {
        try ConfigurationLoader.parse("mail:\n  submit: \"\(value)\"\n", file: file).mail.submission
    }

    @Test func withoutTheKeyItIsSendmailAsBefore() throws {
        let config = try ConfigurationLoader.parse("mail:\n  from: jinji@example.jp\n", file: file)
        #expect(config.mail.submission == .sendmail(path: "/usr/sbin/sendmail"))
    }

    @Test(arguments: [
        ("smtp://127.0.0.1:25", MailSubmission.smtp(host: "127.0.0.1", port: 25)),
        ("smtp://127.0.0.1", .smtp(host: "127.0.0.1", port: 25)),
        ("smtp://localhost:2525/", .smtp(host: "localhost", port: 2525)),
        ("smtp://[::1]:25", .smtp(host: "::1", port: 25)),
        ("smtp://[::1]", .smtp(host: "::1", port: 25)),
        ("smtp://mta.city.example.jp:25", .smtp(host: "mta.city.example.jp", port: 25)),
        ("sendmail:/usr/sbin/sendmail", .sendmail(path: "/usr/sbin/sendmail")),
        ("sendmail:/opt/msmtp/bin/sendmail", .sendmail(path: "/opt/msmtp/bin/sendmail")),
        ("sendmail", .sendmail(path: "/usr/sbin/sendmail")),
    ])
    func aGoodValueIsRead(value: String, expected: MailSubmission) throws {
        #expect(try submission(value) == expected)
    }

    @Test(arguments: [
        ("smtp://mta.city.example.jp", "はこのマシンではありません", "ポートも書いてください"),
        ("smtps://127.0.0.1:465", "TLS と認証には対応していません", "smtp://127.0.0.1:25"),
        ("smtp://kenshu:secret@127.0.0.1:25", "認証には対応していません", "smtp://127.0.0.1:25"),
        ("smtp://127.0.0.1:0", "ポートは 1〜65535 で書いてください", "smtp://127.0.0.1:25"),
        ("smtp://127.0.0.1:smtp", "ポートは 1〜65535 で書いてください", "smtp://127.0.0.1:25"),
        ("smtp://127.0.0.1:25/queue", "smtp:// の後にはホストとポートだけを書きます", "smtp://127.0.0.1:25"),
        ("smtp://", "ホスト名でもアドレスでもありません", "smtp://127.0.0.1:25"),
        ("smtp://::1:25", "IPv6 アドレスは [ ] で囲んでください", "smtp://127.0.0.1:25"),
        ("smtp://[::1", "IPv6 アドレスの閉じ ] がありません", "smtp://127.0.0.1:25"),
        ("sendmail:usr/sbin/sendmail", "sendmail にはプログラムの絶対パスが要ります", "sendmail:/usr/sbin/sendmail"),
        ("lmtp://127.0.0.1:24", "メールの渡し方として読めません", "smtp://127.0.0.1:25"),
        ("127.0.0.1:25", "メールの渡し方として読めません", "smtp://127.0.0.1:25"),
    ])
    func aBadValueSaysWhereWhatAndWhatToWrite(value: String, message: String, hint: String) throws {
        let error = try #require(throws: InputError.self) { try submission(value) }
        #expect(error.location.file == file)
        #expect(error.location.line == 2)
        #expect(error.field == "mail.submit")
        #expect(error.value == value)
        #expect(error.message.contains(message), "\(error)")
        #expect(error.hint?.contains(hint) == true, "\(error)")
        #expect(error.description.hasPrefix("\(file):2:"), "\(error)")
    }

    @Test func onlyThisMachineIsLoopback() {
        #expect(MailSubmission.isLoopback("127.0.0.1") && MailSubmission.isLoopback("127.1.2.3"))
        #expect(MailSubmission.isLoopback("localhost") && MailSubmission.isLoopback("::1"))
        #expect(!MailSubmission.isLoopback("128.0.0.1") && !MailSubmission.isLoopback("127.0.0.256"))
        #expect(!MailSubmission.isLoopback("mta.example.jp") && !MailSubmission.isLoopback("127.0.0.1.example.jp"))
    }

    @Test func theValueIsWrittenBackAsTheConfigSaysIt() {
        #expect(MailSubmission.smtp(host: "::1", port: 25).description == "smtp://[::1]:25")
        #expect(MailSubmission.defaultSendmail.description == "sendmail:/usr/sbin/sendmail")
    }
}
