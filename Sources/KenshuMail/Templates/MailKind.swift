/// The three mails of a week: a staff member's own mail, a manager's team digest, and the
/// HR office's report. `X-Kenshu-Kind` carries the raw value.
public enum MailKind: String, Sendable, Hashable, Codable, CaseIterable {
    case staff, manager, hr
}

/// The parts a mail is rendered from: a one-line subject, a plain-text body, an HTML body.
public enum MailPart: String, Sendable, CaseIterable {
    case subject, text, html
}
