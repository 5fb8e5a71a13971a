import Foundation

/// One mail Kenshu sends (a staff member's weekly recommendation, a manager's digest), as
/// values; `rendered()` writes it as an RFC 5322 / MIME message.
public struct MailMessage: Sendable {
    /// The sender, e.g. `人材育成担当 <jinji@city.example.jp>`.
    public var from: MailAddress
    /// The recipients; the `To` header is left out when empty.
    public var to: [MailAddress]
    /// Where replies go, when not to `from`.
    public var replyTo: MailAddress?
    /// The subject, from data: sanitised and encoded as needed when rendered.
    public var subject: String
    /// When the mail is dated.
    public var date: Date
    /// The office's time zone (e.g. Asia/Tokyo), in which `date` is written.
    public var timeZone: TimeZone
    /// The Message-ID without angle brackets (see `MessageID.make`); characters other than
    /// atext, `.` and `@` are dropped when rendered.
    public var messageID: String
    /// Further headers, written after `MIME-Version`, e.g. `Auto-Submitted: auto-generated`,
    /// `X-Kenshu-Week: 2026-W48`. Values are sanitised and encoded when not ASCII. A header
    /// whose name is not a valid field name, or is one the message writes itself (see
    /// `MailMessage.isAcceptedExtraHeaderName`), is dropped; `droppedExtraHeaderNames` lists them.
    public var extraHeaders: [(name: String, value: String)]
    /// The plain-text body.
    public var text: String
    /// The HTML body; when present the message is multipart/alternative (text, then HTML).
    public var html: String?

    /// A message with the given parts.
    public init(
        from: MailAddress, to: [MailAddress], replyTo: MailAddress? = nil, subject: String,
        date: Date, timeZone: TimeZone, messageID: String,
        extraHeaders: [(name: String, value: String)] = [], text: String, html: String? = nil
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.timeZone = timeZone
        self.messageID = messageID
        self.extraHeaders = extraHeaders
        self.text = text
        self.html = html
    }

    /// The names in `extraHeaders` that `rendered()` leaves out.
    public var droppedExtraHeaderNames: [String] {
        extraHeaders.map(\.name).filter { !Self.isAcceptedExtraHeaderName($0) }
    }
}
