/// The mails of a week: a staff member's own mail, a manager's team digest, the HR office's
/// report, and the HR office's notice when the week is held back. `X-Kenshu-Kind` carries the raw value.
public enum MailKind: String, Sendable, Hashable, Codable, CaseIterable {
    case staff, manager, hr
    /// To the HR office, instead of the week's mails: the data was not fit to mail (the
    /// pre-mail gate), and why.
    case hold

    /// The mail as the HR office calls it: 職員向けメール …
    public var japaneseName: String {
        switch self {
        case .staff: "職員向けメール"
        case .manager: "管理職向けダイジェスト"
        case .hr: "人事担当向けレポート"
        case .hold: "配信保留のお知らせ"
        }
    }
}

/// The parts a mail is rendered from: a one-line subject, a plain-text body, an HTML body.
public enum MailPart: String, Sendable, CaseIterable {
    case subject, text, html
}
