/// What one delivery run did with the mails waiting in the spool.
public struct DeliverySummary: Sendable {
    /// Handed to the mail system and moved to `cur/`, in order.
    public var delivered: [String] = []
    /// Not delivered (still in `new/`), with why.
    public var failed: [(name: String, error: DeliveryError)] = []
    /// Not tried: not due yet, or left because the run stopped (see `Deliverer`).
    public var deferred: [String] = []
    /// Why the run stopped before its end when the mail system could not be reached (no
    /// sendmail, no SMTP connection); nil when it did not.
    public var stopped: DeliveryError?

    /// An empty summary.
    public init() {}
}
