import KenshuConfig
import KenshuCore
import KenshuPOSIX
import KenshuStore

/// One rendered mail of the week, before it becomes a MIME message.
public struct OutgoingMail: Sendable {
    public var kind: MailKind
    /// Who the ledger knows it by: a staff id, or `hr`.
    public var recipient: String
    public var to: [MailAddress]
    public var subject: String
    public var text: String
    public var html: String
}

/// A mail the week does not send, and why.
public struct SkippedMail: Sendable, Codable {
    public enum Reason: String, Sendable, Codable {
        /// 配信停止 in the roster.
        case optedOut = "opted-out"
        case noAddress = "no-address"
        case invalidAddress = "invalid-address"
        /// Nothing the person has not been told before (`mail.sendWhenNothingNew` is off).
        case nothingNew = "nothing-new"
    }

    public var kind: MailKind
    public var recipient: String
    public var reason: Reason
    public var detail: String
}

/// Renders the week's mails: a staff mail for each member of staff with something new, a
/// digest for each manager with a team, and the HR report.
public enum WeeklyMails {
    public struct Composed: Sendable {
        public var mails: [OutgoingMail]
        public var skipped: [SkippedMail]
        /// Mails not made because the spool already has them this week (`alreadySpooled`).
        public var alreadySpooled = 0

        public init(mails: [OutgoingMail] = [], skipped: [SkippedMail] = [], alreadySpooled: Int = 0) {
            self.mails = mails
            self.skipped = skipped
            self.alreadySpooled = alreadySpooled
        }
    }

    /// Loads the templates the config names (shipped, and the office's folder on top).
    public static func templates(setup: Setup) throws(KenshuError) -> MailTemplates {
        do {
            return try MailTemplates.load(shipped: setup.configuration.catalogDirectory + "/templates/ja",
                                          override: setup.configuration.mail.templatesDirectory)
        } catch {
            throw KenshuError(.badInput, error.description)
        }
    }

    /// Composes the mails; `only` narrows to one kind and recipient (for `kenshu preview`),
    /// in which case a mail is made even when there is nothing new. A mail whose
    /// `MailLogEntry.key` is in `alreadySpooled` is not made at all: the spool has this
    /// week's, and a second run of the week would only throw it away.
    public static func compose(
        _ inputs: MailInputs, templates: MailTemplates, setup: Setup, only: (kind: MailKind, recipient: String)? = nil,
        alreadySpooled: Set<String> = []
    ) -> Composed {
        var composed = Composed(mails: [], skipped: [])
        let byStaff = Dictionary(inputs.entries.map { ($0.staff.id, $0) }, uniquingKeysWith: { first, _ in first })
        func wanted(_ kind: MailKind, _ recipient: String) -> Bool {
            if alreadySpooled.contains(MailLogEntry.key(kind: kind.rawValue, recipient: recipient)) {
                composed.alreadySpooled += 1
                return false
            }
            return only.map { $0.kind == kind && $0.recipient == recipient } ?? true
        }
        func add(_ piece: Piece) {
            switch piece {
            case .mail(let mail): composed.mails.append(mail)
            case .skipped(let skipped): composed.skipped.append(skipped)
            }
        }

        // The mails are made on every core: each is a pure function of the inputs; they are
        // collected in the order one core would have made them.
        // A preview (`only`) makes its one mail even when there is nothing new.
        let preview = only != nil
        let sendWhenNothingNew = setup.configuration.mail.sendWhenNothingNew || preview
        let staffEntries = inputs.entries.sorted(by: { $0.staff.id < $1.staff.id }).filter { wanted(.staff, $0.staff.id) }
        for piece in ParallelMap.map(staffEntries, { entry in
            let view = StaffMailView.make(entry, inputs: inputs, setup: setup)
            guard entry.staff.optedOut || view.hasNews || sendWhenNothingNew else {
                return Piece.skipped(SkippedMail(kind: .staff, recipient: entry.staff.id, reason: .nothingNew,
                                                 detail: "先週から新しい推薦がありません"))
            }
            return piece(.staff, entry.staff, view: view, templates: templates)  // an opt-out is recorded there
        }) {
            add(piece)
        }

        let teams = Dictionary(grouping: inputs.staff.values.filter { $0.managerID != nil }, by: { $0.managerID ?? "" })
        let managers = teams.sorted(by: { $0.key < $1.key }).filter { wanted(.manager, $0.key) }.compactMap { managerID, team in
            inputs.staff[managerID].map { (manager: $0, team: team.sorted { $0.id < $1.id }) }
        }
        for piece in ParallelMap.map(managers, { manager, team in
            let view = ManagerDigestView.make(manager: manager, team: team, inputs: inputs, byStaff: byStaff, setup: setup)
            guard !view.isEmpty || preview else {
                return Piece.skipped(SkippedMail(kind: .manager, recipient: manager.id, reason: .nothingNew,
                                                 detail: "チームについて知らせることがありません"))
            }
            return piece(.manager, manager, view: view, templates: templates)
        }) {
            add(piece)
        }

        if wanted(.hr, hrRecipient) {
            let addresses = hrAddresses(.hr, setup: setup, skipped: &composed.skipped)
            let view = HRReportView.make(inputs: inputs, setup: setup)
            if !addresses.isEmpty || only != nil {
                composed.mails.append(render(.hr, recipient: hrRecipient, to: addresses, view: view, templates: templates))
            }
        }
        return composed
    }

    /// The ledger's recipient of the HR report.
    public static let hrRecipient = "hr"

    /// Instead of the week's mails: the HR office's notice that the week is held back, and why
    /// (`problems`, one sentence each). No address in the config: nothing, and a skip saying so.
    public static func composeHold(problems: [String], week: ISOWeek, templates: MailTemplates, setup: Setup) -> Composed {
        var composed = Composed(mails: [], skipped: [])
        let addresses = hrAddresses(.hold, setup: setup, skipped: &composed.skipped)
        if !addresses.isEmpty {
            let view = HoldNoticeView(week: week, problems: problems)
            composed.mails.append(render(.hold, recipient: hrRecipient, to: addresses, view: view, templates: templates))
        }
        return composed
    }

    /// The config's `hr.addresses`; each unusable one, or none at all, noted as a skipped mail.
    private static func hrAddresses(_ kind: MailKind, setup: Setup, skipped: inout [SkippedMail]) -> [MailAddress] {
        var addresses: [MailAddress] = []
        for text in setup.configuration.hrAddresses {
            do {
                addresses.append(try MailAddress(address: text, displayName: nil))
            } catch {
                skipped.append(SkippedMail(kind: kind, recipient: text, reason: .invalidAddress, detail: "\(error)"))
            }
        }
        if addresses.isEmpty {
            skipped.append(SkippedMail(kind: kind, recipient: hrRecipient, reason: .noAddress, detail: "kenshu.yaml に hr.addresses（人事担当の宛先）がありません"))
        }
        return addresses
    }

    /// One recipient's outcome: a mail, or why none.
    private enum Piece: Sendable {
        case mail(OutgoingMail)
        case skipped(SkippedMail)
    }

    /// The mail to a member of staff, or why they get none (opted out, no or a bad address).
    private static func piece(_ kind: MailKind, _ member: StaffMember, view: any Sendable, templates: MailTemplates) -> Piece {
        guard !member.optedOut else {
            return .skipped(SkippedMail(kind: kind, recipient: member.id, reason: .optedOut, detail: "配信停止"))
        }
        guard let email = member.email, !email.isEmpty else {
            return .skipped(SkippedMail(kind: kind, recipient: member.id, reason: .noAddress,
                                        detail: "\(kind.japaneseName): \(Self.who(member))は職員名簿にメールアドレスがありません"))
        }
        do {
            let address = try MailAddress(address: email, displayName: member.name)
            return .mail(render(kind, recipient: member.id, to: [address], view: view, templates: templates))
        } catch {
            return .skipped(SkippedMail(kind: kind, recipient: member.id, reason: .invalidAddress,
                                        detail: "\(kind.japaneseName): \(Self.who(member))のメールアドレスが読めません（\(error)）"))
        }
    }

    /// A member of staff as a warning names them: 氏名（所属、職員番号 10042）.
    static func who(_ member: StaffMember) -> String {
        "\(member.name)（\(member.department)、職員番号 \(member.id)）"
    }

    private static func render(_ kind: MailKind, recipient: String, to: [MailAddress], view: Any, templates: MailTemplates) -> OutgoingMail {
        let view = TemplateContext.make(view)
        let subject = templates.render(kind, .subject, view)
            .split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }.joined(separator: " ")
        return OutgoingMail(kind: kind, recipient: recipient, to: to, subject: subject,
                            text: TextWrapping.wrap(templates.render(kind, .text, view)), html: templates.render(kind, .html, view))
    }
}
