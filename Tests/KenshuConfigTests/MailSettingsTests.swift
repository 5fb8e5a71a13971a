import KenshuCore
import Testing
@testable import KenshuConfig

/// The `mail:` section: sender, footer, thresholds, templates folder; bad values name their line.
struct MailSettingsTests {
    let file = "/srv/city/kenshu.yaml"

    @Test func defaultsNeedNoMailSection() throws {
        let config = try ConfigurationLoader.parse("catalog: /opt/kenshu\n", file: file)
        #expect(config.mail == MailSettings())
        #expect(config.mail.fromAddress == nil)
        #expect(config.mail.reportReminderDays == 14)
        #expect(!config.mail.sendWhenNothingNew)
    }

    @Test func everyKeyIsRead() throws {
        let config = try ConfigurationLoader.parse("""
            mail:
              from: jinji@city.example.jp
              fromName: 人事課 人材育成担当
              replyTo: kenshu@city.example.jp
              templates: templates
              contact: 内線 2315
              stopNotice: 人事課へ連絡してください
              sendWhenNothingNew: true
              reportReminderDays: 21
              focusAbilities: 2
            """, file: file)
        #expect(config.mail == MailSettings(
            fromAddress: "jinji@city.example.jp", fromName: "人事課 人材育成担当", replyTo: "kenshu@city.example.jp",
            templatesDirectory: "/srv/city/templates", contact: "内線 2315", stopNotice: "人事課へ連絡してください",
            sendWhenNothingNew: true, reportReminderDays: 21, focusAbilities: 2))
    }

    @Test(arguments: [
        ("mail:\n  from: \"jinji @example.jp\"\n", "mail.from", 2),
        ("mail:\n  replyTo: nobody\n", "mail.replyTo", 2),
        ("mail:\n  reportReminderDays: 0\n", "mail.reportReminderDays", 2),
        ("mail:\n  sender: a@b.jp\n", "sender", 2),
        ("hr:\n  addresses: [\"a@b.jp\\r\\nBcc: c@d.jp\"]\n", "hr.addresses", 2),
    ])
    func aBadValueNamesItsLineAndKey(text: String, key: String, line: Int) throws {
        let error = try #require(throws: InputError.self) { try ConfigurationLoader.parse(text, file: file) }
        #expect(error.location.line == line, "\(error)")
        #expect(error.description.contains(key), "\(error)")
    }
}
