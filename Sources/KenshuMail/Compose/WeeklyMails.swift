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
        /// The mails made (empty when they were handed on as they were made; see `compose(…emit:)`).
        public var mails: [OutgoingMail]
        public var skipped: [SkippedMail]
        /// Mails not made because the spool already has them this week (`alreadySpooled`).
        public var alreadySpooled = 0
        /// How many mails of each kind were made.
        public var rendered: [MailKind: Int] = [:]

        public init(mails: [OutgoingMail] = [], skipped: [SkippedMail] = [], alreadySpooled: Int = 0) {
            self.mails = mails
            self.skipped = skipped
            self.alreadySpooled = alreadySpooled
            for mail in mails { rendered[mail.kind, default: 0] += 1 }
        }
    }

    /// How many recipients' mails are made (on every core) before they are handed on: a
    /// city's week of mails is never held whole.
    public static let sliceSize = 2_048

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
        var mails: [OutgoingMail] = []
        // Keeping the mails cannot fail.
        var composed = (try? compose(inputs, templates: templates, setup: setup, only: only, alreadySpooled: alreadySpooled) {
            mails += $0
        }) ?? Composed()
        composed.mails = mails
        return composed
    }

    /// The same, handing the mails to `emit` a slice at a time as they are made, in the order
    /// above (staff by id, managers by id, the HR report), and keeping none: the result has
    /// their counts (`rendered`) and the skipped. Stops at the first error `emit` throws.
    public static func compose(
        _ inputs: MailInputs, templates: MailTemplates, setup: Setup, only: (kind: MailKind, recipient: String)? = nil,
        alreadySpooled: Set<String> = [], emit: ([OutgoingMail]) throws(KenshuError) -> Void
    ) throws(KenshuError) -> Composed {
        var composed = Composed(mails: [], skipped: [])
        let byStaff = Dictionary(inputs.entries.map { ($0.staff.id, $0) }, uniquingKeysWith: { first, _ in first })
        func wanted(_ kind: MailKind, _ recipient: String) -> Bool {
            if alreadySpooled.contains(MailLogEntry.key(kind: kind.rawValue, recipient: recipient)) {
                composed.alreadySpooled += 1
                return false
            }
            return only.map { $0.kind == kind && $0.recipient == recipient } ?? true
        }
        // Each slice is made on every core (each mail is a pure function of the inputs), in
        // the order one core would make it, then handed on; after a failure to hand one on,
        // nothing more is made.
        var failure: KenshuError?
        func make<Item: Sendable>(_ items: [Item], _ piece: @Sendable @escaping (Item) -> Piece) {
            for start in stride(from: 0, to: items.count, by: sliceSize) where failure == nil {
                var slice: [OutgoingMail] = []
                for made in ParallelMap.map(Array(items[start..<min(start + sliceSize, items.count)]), piece) {
                    switch made {
                    case .mail(let mail):
                        slice.append(mail)
                        composed.rendered[mail.kind, default: 0] += 1
                    case .skipped(let skipped):
                        composed.skipped.append(skipped)
                    }
                }
                guard !slice.isEmpty else { continue }
                do {
                    try emit(slice)
                } catch {
                    failure = error
                }
            }
        }

        // A preview (`only`) makes its one mail even when there is nothing new.
        let preview = only != nil
        let sendWhenNothingNew = setup.configuration.mail.sendWhenNothingNew || preview
        let staffEntries = inputs.entries.sorted(by: { $0.staff.id < $1.staff.id }).filter { wanted(.staff, $0.staff.id) }
        make(staffEntries) { entry in
            let view = StaffMailView.make(entry, inputs: inputs, setup: setup)
            guard entry.staff.optedOut || view.hasNews || sendWhenNothingNew else {
                return Piece.skipped(SkippedMail(kind: .staff, recipient: entry.staff.id, reason: .nothingNew,
                                                 detail: "先週から新しい推薦がありません"))
            }
            return piece(.staff, entry.staff, view: view, templates: templates)  // an opt-out is recorded there
        }

        let teams = Dictionary(grouping: inputs.staff.values.filter { $0.managerID != nil }, by: { $0.managerID ?? "" })
        let managers = teams.sorted(by: { $0.key < $1.key }).filter { wanted(.manager, $0.key) }.compactMap { managerID, team in
            inputs.staff[managerID].map { (manager: $0, team: team.sorted { $0.id < $1.id }) }
        }
        make(managers) { manager, team in
            let view = ManagerDigestView.make(manager: manager, team: team, inputs: inputs, byStaff: byStaff, setup: setup)
            guard !view.isEmpty || preview else {
                return Piece.skipped(SkippedMail(kind: .manager, recipient: manager.id, reason: .nothingNew,
                                                 detail: "チームについて知らせることがありません"))
            }
            return piece(.manager, manager, view: view, templates: templates)
        }

        if let failure { throw failure }

        if wanted(.hr, hrRecipient) {
            let addresses = hrAddresses(.hr, setup: setup, skipped: &composed.skipped)
            let view = HRReportView.make(inputs: inputs, setup: setup)
            if !addresses.isEmpty || only != nil {
                composed.rendered[.hr, default: 0] += 1
                try emit([render(.hr, recipient: hrRecipient, to: addresses, view: view, templates: templates)])
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
