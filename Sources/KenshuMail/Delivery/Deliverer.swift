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
    /// `record` is called once for each mail tried. A mail that fails stays in `new/`. A mail
    /// the mail system accepted is moved to `cur/` at once, and that move is made durable
    /// (both folders synced) while the next mail is with the mail system, or at the end: it
    /// counts as delivered once synced. If a sent mail cannot be moved or synced
    /// (`DeliveryError.notMovedToCur`, `wasHandedOver` is true) the run stops there, since
    /// every further mail could go out twice; the rest count as deferred. If the mail system
    /// cannot be reached (`DeliveryError.stopsTheRun`) the run stops too, with the error in
    /// `stopped`: that mail and the rest are deferred, not failed. The transport's session is
    /// opened at the first due mail and closed at the end. Blocks the calling thread while
    /// the mail system works.
    public func deliverWaiting(
        isDue: (String) -> Bool = { _ in true },
        record: (String, Result<Void, DeliveryError>) -> Void = { _, _ in }
    ) -> DeliverySummary {
        var summary = DeliverySummary()
        let names = spool.waiting()
        var session: (any MailSession)?
        // Moved to cur/, not yet synced; and whether a move or sync failed (the run stops).
        var unsynced: String?
        var notFiled = false
        func fail(_ name: String, _ error: DeliveryError) {
            summary.failed.append((name, error))
            record(name, .failure(error))
        }
        func syncMove() {
            guard let name = unsynced else { return }
            unsynced = nil
            do {
                try spool.syncDelivered()
                summary.delivered.append(name)
                record(name, .success(()))
            } catch {
                fail(name, .notMovedToCur(error))
                notFiled = true
            }
        }
        for (index, name) in names.enumerated() {
            if notFiled {
                summary.deferred += names[index...]
                break
            }
            guard isDue(name) else {
                summary.deferred.append(name)
                continue
            }
            do {
                if session == nil { session = transport.openSession() }
                try session?.send(file: spool.path(of: name, in: .new), meanwhile: syncMove)
            } catch {
                syncMove()
                if error.stopsTheRun {
                    summary.stopped = error
                    summary.deferred += names[index...]
                    break
                }
                fail(name, error)
                continue
            }
            syncMove()
            do {
                try spool.moveToCur(name)
                unsynced = name
            } catch {
                fail(name, .notMovedToCur(error))
                notFiled = true
            }
        }
        syncMove()
        session?.close()
        return summary
    }
}
