/// The `mail:` section of `kenshu.yaml`: who the weekly mails come from, what their footer
/// says, when they are sent, where an office's own templates are, and how they are submitted.
public struct MailSettings: Sendable, Equatable {
    /// The sender, e.g. `jinji@city.example.jp`; when not set, the first of `hr.addresses`
    /// (else `kenshu@localhost.localdomain`).
    public var fromAddress: String?
    /// The sender's display name, e.g. 人事課 人材育成担当.
    public var fromName: String?
    /// Where replies go, when not to the sender.
    public var replyTo: String?
    /// A folder of templates that replace the shipped ones of the same name (`Catalog/templates/ja`).
    public var templatesDirectory: String?
    /// The HR contact in every mail's footer.
    public var contact: String
    /// How to stop these mails, in the footer.
    public var stopNotice: String
    /// Send a staff mail even when nothing is new for that person this week.
    public var sendWhenNothingNew: Bool
    /// Days after a completed course after which a missing 復命書 is reminded.
    public var reportReminderDays: Int
    /// How many abilities a staff mail names as this week's focus.
    public var focusAbilities: Int
    /// How `kenshu deliver` hands the mails to the MTA (`mail.submit`): sendmail by default.
    public var submission: MailSubmission

    public init(
        fromAddress: String? = nil, fromName: String? = "人事課 人材育成担当", replyTo: String? = nil,
        templatesDirectory: String? = nil,
        contact: String = "人事課 人材育成担当",
        stopNotice: String = "このメールの配信停止を希望される場合は、人事課 人材育成担当までご連絡ください。",
        sendWhenNothingNew: Bool = false, reportReminderDays: Int = 14, focusAbilities: Int = 3,
        submission: MailSubmission = .defaultSendmail
    ) {
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.replyTo = replyTo
        self.templatesDirectory = templatesDirectory
        self.contact = contact
        self.stopNotice = stopNotice
        self.sendWhenNothingNew = sendWhenNothingNew
        self.reportReminderDays = reportReminderDays
        self.focusAbilities = focusAbilities
        self.submission = submission
    }
}
