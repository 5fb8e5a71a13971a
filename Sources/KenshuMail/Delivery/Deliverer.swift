/// Hands the mails waiting in the spool's `new/` to the mail system, oldest first, moving
/// each delivered one to `cur/`. Keeps no books of its own: the caller says which mails are
/// due (its back-off) and is told each outcome.
public struct Deliverer: Sendable {
    /// The spool to deliver from.
    public var spool: MailSpool
    /// What sends the mail files (`Sendmail` or `SMTPTransport`): one session for the run.
    public var transport: any MailTransport

    /// A deliverer from `spool` through `transport`.
    public init(spool: MailSpool, transport: any MailTransport) {
        self.spool = spool
        self.transport = transport
    }

    /// Delivers every waiting mail for which `isDue(name)` is true, in name (time) order.
    ///
    /// `record` is called once for each mail tried. A mail that fails stays in `new/`. If a
    /// sent mail cannot be moved to `cur/` (`DeliveryError.notMovedToCur`, `wasHandedOver` is
    /// true) the run stops there, since every further mail could go out twice; the rest count
    /// as deferred. If the mail system cannot be reached (`DeliveryError.stopsTheRun`) the run
    /// stops too, with the error in `stopped`: that mail and the rest are deferred, not
    /// failed. The transport's session is opened at the first due mail and closed at the end.
    /// Blocks the calling thread while the mail system works.
    public func deliverWaiting(
        isDue: (String) -> Bool = { _ in true },
        record: (String, Result<Void, DeliveryError>) -> Void = { _, _ in }
    ) -> DeliverySummary {
        var summary = DeliverySummary()
        let names = spool.waiting()
        var session: (any MailSession)?
        defer { session?.close() }
        for (index, name) in names.enumerated() {
            guard isDue(name) else {
                summary.deferred.append(name)
                continue
            }
            do {
                if session == nil { session = transport.openSession() }
                try session?.send(file: spool.path(of: name, in: .new))
            } catch {
                if error.stopsTheRun {
                    summary.stopped = error
                    summary.deferred += names[index...]
                    break
                }
                summary.failed.append((name, error))
                record(name, .failure(error))
                continue
            }
            do {
                try spool.markDelivered(name)
            } catch {
                let failure = DeliveryError.notMovedToCur(error)
                summary.failed.append((name, failure))
                record(name, .failure(failure))
                summary.deferred += names[(index + 1)...]
                break
            }
            summary.delivered.append(name)
            record(name, .success(()))
        }
        return summary
    }
}
