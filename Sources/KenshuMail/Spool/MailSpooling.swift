import Foundation
import KenshuConfig
import KenshuCore
import KenshuPOSIX
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

    /// How many mails are claimed, written, synced and filed together: one sync of the disk
    /// and two ledger transactions for each batch rather than for each mail.
    static let batchSize = 256

    /// One mail of a batch, rendered: its claim in the ledger (with its file name) and its bytes.
    private struct Prepared: Sendable {
        var claim: MailLogEntry
        var bytes: [UInt8]
        var time: Date
    }

    /// The batch's messages, rendered on every core.
    private static func prepare(
        _ mails: ArraySlice<OutgoingMail>, week: ISOWeek, configuration: KenshuConfiguration
    ) throws(KenshuError) -> [Prepared] {
        let now = Date()
        let rendered = ParallelMap.map(Array(mails)) { mail -> Result<Prepared, KenshuError> in
            do throws(KenshuError) {
                let message = try MailEnvelope.message(mail, week: week, at: now, configuration: configuration)
                let name = MailSpool.fileName(week: week.description, kind: mail.kind.rawValue, recipient: mail.recipient, at: now)
                return .success(Prepared(claim: MailLogEntry(week: week.description, kind: mail.kind.rawValue, recipient: mail.recipient,
                                                             file: name, state: .writing),
                                         bytes: message.rendered(), time: now))
            } catch {
                return .failure(error)
            }
        }
        var prepared: [Prepared] = []
        for result in rendered { prepared.append(try result.get()) }
        return prepared
    }

    /// Spools `mails` for `week` into the spool `configuration` names, with `store`'s ledger;
    /// with `force`, also those already spooled this week. In batches (`batchSize`): each is
    /// claimed in the ledger, written and synced together, renamed into `new/`, then marked
    /// spooled — so a crash leaves each mail of a batch whole in `new/` or not there, as the
    /// protocol above says.
    public static func write(
        _ mails: [OutgoingMail], week: ISOWeek, force: Bool, stop: StopFlag = StopFlag(),
        configuration: KenshuConfiguration, store: KenshuStore, observer: StepObserver? = nil
    ) throws(KenshuError) -> Outcome {
        let writer = try Writer(week: week, force: force, stop: stop, configuration: configuration, store: store, observer: observer)
        try writer.write(mails)
        return writer.outcome
    }

    /// One run's spooling, mails handed to it a slice at a time (`WeeklyMails.compose(…emit:)`):
    /// made under the spool lock (held until the writer is gone), after settling what a crash
    /// left and reading the week's ledger once. Not for use from two threads.
    public final class Writer {
        private let spool: MailSpool
        /// Held for the writer's life.
        private let lock: SpoolLock?
        private let ledger: [String: MailLogEntry]
        private let week: ISOWeek
        private let force: Bool
        private let stop: StopFlag
        private let configuration: KenshuConfiguration
        private let store: KenshuStore
        private let observer: StepObserver?
        /// What it did so far.
        public private(set) var outcome = Outcome()

        public init(
            week: ISOWeek, force: Bool, stop: StopFlag = StopFlag(), configuration: KenshuConfiguration, store: KenshuStore,
            observer: StepObserver? = nil
        ) throws(KenshuError) {
            spool = try MailSpooling.spool(configuration: configuration)
            lock = try spoolingLock(spool)
            try reconcile(spool: spool, store: store, outcome: &outcome)
            do {
                ledger = try store.mailLog(week: week.description)
            } catch {
                throw KenshuError(.runtime, error.description)
            }
            (self.week, self.force, self.stop, self.configuration, self.store, self.observer)
                = (week, force, stop, configuration, store, observer)
        }

        /// Spools `mails` (those the ledger has this week only with `force`), in batches.
        public func write(_ mails: [OutgoingMail]) throws(KenshuError) {
            let due = mails.filter { mail in
                guard !force, ledger[MailLogEntry.key(kind: mail.kind.rawValue, recipient: mail.recipient)] != nil else { return true }
                outcome.alreadySpooled += 1
                return false
            }
            for start in stride(from: 0, to: due.count, by: batchSize) {
                try stop.check("the mail to \(due[start].recipient) (\(outcome.written.count) spooled)")
                try write(batch: try prepare(due[start..<min(start + batchSize, due.count)], week: week, configuration: configuration))
            }
        }

        private func write(batch: [Prepared]) throws(KenshuError) {
            let claims = batch.map(\.claim)
            let pass = outcome.written.count
            do {
                try store.beginMails(claims, at: batch[0].time)
                for index in batch.indices { observer?(.claimed, pass + index + 1) }
                try spool.write(batch: batch.map { ($0.claim.file, $0.bytes) }, renamed: { [observer] in observer?(.inSpool, pass + $0 + 1) })
                try store.markMailsSpooled(claims)
            } catch let error as SpoolError {
                // The mails in new/ count as spooled (also when only the folder's sync failed);
                // the others are forgotten, to be written again.
                for claim in claims {
                    if spool.location(of: claim.file) == .new {
                        try? store.markMailSpooled(week: claim.week, kind: claim.kind, recipient: claim.recipient)
                    } else {
                        try? store.forgetMail(week: claim.week, kind: claim.kind, recipient: claim.recipient)
                    }
                }
                throw KenshuError(.runtime, error.description)
            } catch {
                throw KenshuError(.runtime, String(describing: error))
            }
            outcome.written += claims.map(\.file)
        }
    }
}
