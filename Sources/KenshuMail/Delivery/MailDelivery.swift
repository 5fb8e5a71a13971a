import Foundation
import KenshuConfig
import KenshuCore
import KenshuStore

/// `kenshu deliver`: hands each mail waiting in the spool's `new/` to the MTA, through
/// sendmail or over one SMTP connection (`mail.submit`), with the config's sender as the
/// envelope sender (so bounces reach the HR office), and files it in `cur/`; a mail the MTA
/// refuses stays, and is tried again after a back-off (1 min, doubling up to 6 h) that the
/// store remembers across runs. An MTA that cannot be reached at all is one error for the run.
public enum MailDelivery {
    /// What one delivery run did.
    public struct Report: Sendable, Codable {
        public struct Failure: Sendable, Codable {
            public var file: String
            public var failures: Int
            public var error: String
            public var nextAttempt: Date
        }

        public var delivered: [String]
        public var failed: [Failure]
        /// Waiting for their back-off to pass.
        public var deferred: [String]
        /// Another `kenshu deliver` was running: this one sent nothing.
        public var busy = false

        /// 0 when nothing failed now, 1 when a mail failed (it stays for the next try).
        public var exitCode: Int32 { failed.isEmpty ? 0 : 1 }
    }

    public static func run(
        submission: MailSubmission, now: Date = Date(), backoff: DeliveryBackoff = DeliveryBackoff(),
        configuration: KenshuConfiguration, store: KenshuStore
    ) throws(KenshuError) -> Report {
        let spool = try MailSpooling.spool(configuration: configuration)
        // Another delivery is sending these files now: leave them to it.
        let lock: SpoolLock?
        do {
            lock = try SpoolLock.take("deliver", in: spool, wait: false)
        } catch {
            throw KenshuError(.runtime, error.description)
        }
        guard lock != nil else { return Report(delivered: [], failed: [], deferred: [], busy: true) }
        defer { withExtendedLifetime(lock) {} }
        let transport = try transport(submission, sender: MailEnvelope.senderAddress(configuration: configuration))
        let known = try deliveryFailures(in: store)
        var failures: [Report.Failure] = []
        var bookkeeping: [String] = []
        let summary = Deliverer(spool: spool, transport: transport).deliverWaiting(
            isDue: { name in known[name].map { $0.nextAttempt <= now } ?? true },
            record: { name, result in
                do {
                    switch result {
                    case .success:
                        if known[name] != nil { try store.clearDeliveryFailures(file: name) }
                    case .failure(let error):
                        let count = (known[name]?.failures ?? 0) + 1
                        // Sent but not filed in cur/: never tried again (it would go out twice).
                        let next = error.wasHandedOver ? Date.distantFuture : backoff.nextAttempt(after: now, failures: count)
                        try store.recordDeliveryFailure(file: name, failures: count, error: error.description, nextAttempt: next)
                        failures.append(Report.Failure(file: name, failures: count, error: error.description, nextAttempt: next))
                    }
                } catch {
                    bookkeeping.append("\(name): \(error)")
                }
            })
        if !bookkeeping.isEmpty {
            throw KenshuError(.runtime, "cannot record delivery attempts in the store: " + bookkeeping.joined(separator: "; "))
        }
        if let stopped = summary.stopped {
            let before = summary.delivered.isEmpty ? "" : " (\(summary.delivered.count) mail(s) were delivered before it)"
            throw KenshuError(.runtime, stopped.description + before)
        }
        return Report(delivered: summary.delivered, failed: failures, deferred: summary.deferred)
    }

    /// Delivers, then stays while mails wait for their retry — sleeping until the earliest is
    /// due and delivering again — for at most `wait` seconds in all; returns when `new/` is
    /// empty, or the next retry is later than that. So a systemd path unit on a non-empty
    /// `new/` starts one delivery that waits out the back-off instead of a tight loop.
    public static func run(
        submission: MailSubmission, wait: Int, configuration: KenshuConfiguration, store: KenshuStore
    ) throws(KenshuError) -> Report {
        let deadline = Date().addingTimeInterval(Double(wait))
        var total = Report(delivered: [], failed: [], deferred: [])
        while true {
            let report = try run(submission: submission, configuration: configuration, store: store)
            total.delivered += report.delivered
            total.failed += report.failed
            total.deferred = report.deferred
            total.busy = report.busy
            guard !report.busy, let next = try nextAttempt(configuration: configuration, store: store), next <= deadline else { return total }
            Thread.sleep(forTimeInterval: max(1, next.timeIntervalSinceNow))
        }
    }

    /// The transport for `submission` with `sender` as the envelope sender. A missing sendmail
    /// is one error for the run, not one per mail (each would be backed off), also when no
    /// mail is due; an SMTP server is connected to at the first due mail.
    static func transport(_ submission: MailSubmission, sender: String) throws(KenshuError) -> any MailTransport {
        switch submission {
        case .sendmail(let path):
            let sendmail = Sendmail.sending(from: sender, path: path)
            do {
                try sendmail.checkProgram()
            } catch {
                throw KenshuError(.runtime, error.description)
            }
            return sendmail
        case .smtp(let host, let port):
            return SMTPTransport(host: host, port: port, sender: sender)
        }
    }

    /// The mails delivery has failed for so far: how often, and when each is tried next.
    private static func deliveryFailures(in store: KenshuStore) throws(KenshuError) -> [String: (failures: Int, nextAttempt: Date)] {
        do {
            return try store.deliveryFailures()
        } catch {
            throw KenshuError(.runtime, error.description)
        }
    }

    /// When the earliest mail waiting in `new/` is due (now for one never tried); nil when none waits.
    static func nextAttempt(configuration: KenshuConfiguration, store: KenshuStore) throws(KenshuError) -> Date? {
        let waiting = try MailSpooling.spool(configuration: configuration).waiting()
        guard !waiting.isEmpty else { return nil }
        let known = try deliveryFailures(in: store)
        return waiting.map { known[$0]?.nextAttempt ?? Date() }.min()
    }
}
