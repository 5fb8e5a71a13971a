import KenshuCore

/// Reads the `mail:` section of `kenshu.yaml`.
enum MailSettingsLoader {
    static let keys = ["from", "fromName", "replyTo", "templates", "contact", "stopNotice", "sendWhenNothingNew",
                       "reportReminderDays", "focusAbilities", "submit"]

    static func parse(_ node: YAMLValue?, base: String) throws(InputError) -> MailSettings {
        var settings = MailSettings()
        guard let node else { return settings }
        let mail = try node.mapping(allowed: keys)
        if let from = mail["from"] { settings.fromAddress = try address(from) }
        if let name = mail["fromName"] {
            let text = try name.string()
            settings.fromName = text.isEmpty ? nil : text
        }
        if let replyTo = mail["replyTo"] { settings.replyTo = try address(replyTo) }
        if let templates = mail["templates"] {
            let path = try templates.string()
            guard !path.isEmpty else { throw templates.error("フォルダーを書いてください") }
            settings.templatesDirectory = FilePaths.resolve(path, relativeTo: base)
        }
        if let contact = mail["contact"] { settings.contact = try contact.string() }
        if let stop = mail["stopNotice"] { settings.stopNotice = try stop.string() }
        if let flag = mail["sendWhenNothingNew"] { settings.sendWhenNothingNew = try flag.bool() }
        if let days = mail["reportReminderDays"] { settings.reportReminderDays = try days.int(in: 1...365) }
        if let count = mail["focusAbilities"] { settings.focusAbilities = try count.int(in: 1...10) }
        if let submit = mail["submit"] { settings.submission = try MailSubmissionParser.parse(submit) }
        return settings
    }

    /// A mail address as the config may give one: a local part, `@`, a domain, nothing else.
    /// (The mail stage checks it fully before it is used in a header.)
    static func address(_ node: YAMLValue) throws(InputError) -> String {
        let address = try node.string()
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !address.contains(where: { $0.isWhitespace || $0.isNewline || $0 == "<" || $0 == ">" || $0 == "," }),
              address.allSatisfy(\.isASCII)
        else {
            throw node.error("'\(address)' はメールアドレスではありません", hint: "name@example.jp の形で書いてください")
        }
        return address
    }
}
