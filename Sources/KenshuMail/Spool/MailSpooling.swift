import Foundation
import KenshuConfig
import KenshuCore
import KenshuStore

/// Puts the week's mails into the spool exactly once per (ISO week, kind, recipient).
///
/// The protocol: claim the mail in the store's ledger (`writing`, with its file name), write
/// the file into `tmp/`, fsync, rename into `new/`, fsync the folder, then mark the claim
/// `spooled`. A crash anywhere leaves either no file in `new/` (the claim is forgotten at the
/// next start and the mail is written again) or a whole file there (the claim is settled as
/// spooled): never two, never half.
public enum MailSpooling {
    /// What spooling did.
    public struct Outcome: Sendable, Codable {
        /// Files written into `new/`.
        public var written: [String] = []
        /// Mails of this week already in the spool (a second run of the week).
        public var alreadySpooled: Int = 0
        /// Claims a crash had left, settled at start: as spooled, or forgotten to be written again.
        public var settled: Int = 0
        public var forgotten: Int = 0

        public init() {}
    }

    /// A point of the protocol a mail has just passed: its claim is in the ledger (`claimed`),
    /// or its file is in `new/` and the ledger does not know yet (`inSpool`). The kill tests
    /// end the process at such a point to prove that the next run settles it.
    public enum Step: String, Sendable {
        case claimed = "claim"
        case inSpool = "spool"
    }

    /// Told each time a mail passes a `Step`, with the mail's number in this run (1, 2, …).
    public typealias StepObserver = @Sendable (Step, Int) -> Void

    /// The spool the config names, with its folders made.
    public static func spool(configuration: KenshuConfiguration) throws(KenshuError) -> MailSpool {
        let spool = MailSpool(directory: configuration.spoolDirectory)
        do {
            try spool.prepare()
        } catch {
            throw KenshuError(.runtime, error.description)
        }
        return spool
    }

    /// The spool's lock, waited for: one run spools at a time (a manual `kenshu run` beside
    /// the daemon waits its turn).
    private static func spoolingLock(_ spool: MailSpool) throws(KenshuError) -> SpoolLock? {
        do {
            return try SpoolLock.take("spool", in: spool, wait: true)
        } catch {
            throw KenshuError(.runtime, error.description)
        }
    }

    /// Settles claims a crash left between the ledger and the spool.
    public static func reconcile(spool: MailSpool, store: KenshuStore, outcome: inout Outcome) throws(KenshuError) {
        do {
            for entry in try store.unsettledMail() {
                switch spool.location(of: entry.file) {
                case .new?, .cur?:
                    try store.markMailSpooled(week: entry.week, kind: entry.kind, recipient: entry.recipient)
                    outcome.settled += 1
                default:
                    spool.removeTemporary(entry.file)
                    try store.forgetMail(week: entry.week, kind: entry.kind, recipient: entry.recipient)
                    outcome.forgotten += 1
                }
            }
        } catch {
            throw KenshuError(.runtime, error.description)
        }
    }

    /// The keys (`MailLogEntry.key`) of this week's mails the spool already has, after settling
    /// what a crash left (counted in `outcome`), so that a second run of the week need not
    /// make them again. Under the spool lock, as `write` is.
    public static func spooledKeys(
        week: ISOWeek, configuration: KenshuConfiguration, store: KenshuStore, outcome: inout Outcome
    ) throws(KenshuError) -> Set<String> {
        let spool = try spool(configuration: configuration)
        let lock = try spoolingLock(spool)
        defer { withExtendedLifetime(lock) {} }
        try reconcile(spool: spool, store: store, outcome: &outcome)
        do {
            return Set(try store.mailLog(week: week.description).keys)
        } catch {
            throw KenshuError(.runtime, error.description)
        }
    }

    /// Spools `mails` for `week` into the spool `configuration` names, with `store`'s ledger;
    /// with `force`, also those already spooled this week.
    public static func write(
        _ mails: [OutgoingMail], week: ISOWeek, force: Bool, stop: StopFlag = StopFlag(),
        configuration: KenshuConfiguration, store: KenshuStore, observer: StepObserver? = nil
    ) throws(KenshuError) -> Outcome {
        let spool = try spool(configuration: configuration)
        let lock = try spoolingLock(spool)
        defer { withExtendedLifetime(lock) {} }
        var outcome = Outcome()
        try reconcile(spool: spool, store: store, outcome: &outcome)
        let ledger: [String: MailLogEntry]
        do {
            ledger = try store.mailLog(week: week.description)
        } catch {
            throw KenshuError(.runtime, error.description)
        }
        var pass = 0
        for mail in mails {
            if !force, ledger[MailLogEntry.key(kind: mail.kind.rawValue, recipient: mail.recipient)] != nil {
                outcome.alreadySpooled += 1
                continue
            }
            try stop.check("the mail to \(mail.recipient) (\(outcome.written.count) spooled)")
            let now = Date()
            let message = try MailEnvelope.message(mail, week: week, at: now, configuration: configuration)
            let name = MailSpool.fileName(week: week.description, kind: mail.kind.rawValue, recipient: mail.recipient, at: now)
            pass += 1
            do {
                try store.beginMail(MailLogEntry(week: week.description, kind: mail.kind.rawValue, recipient: mail.recipient,
                                                 file: name, state: .writing), at: now)
                observer?(.claimed, pass)
                try spool.write(message.rendered(), name: name)
                observer?(.inSpool, pass)
                try store.markMailSpooled(week: week.description, kind: mail.kind.rawValue, recipient: mail.recipient)
            } catch let error as SpoolError {
                // Only the folder's sync failed: the mail is in new/ and counts as spooled.
                if spool.location(of: name) == .new {
                    try? store.markMailSpooled(week: week.description, kind: mail.kind.rawValue, recipient: mail.recipient)
                } else {
                    try? store.forgetMail(week: week.description, kind: mail.kind.rawValue, recipient: mail.recipient)
                }
                throw KenshuError(.runtime, error.description)
            } catch {
                throw KenshuError(.runtime, String(describing: error))
            }
            outcome.written.append(name)
        }
        return outcome
    }
}
