/// What one delivery run did with the mails waiting in the spool.
public struct DeliverySummary: Sendable {
    /// Handed to sendmail and moved to `cur/`, in order.
    public var delivered: [String] = []
    /// Not delivered (still in `new/`), with why.
    public var failed: [(name: String, error: DeliveryError)] = []
    /// Not tried: not due yet, or left because the run stopped (see `Deliverer`).
    public var deferred: [String] = []

    /// An empty summary.
    public init() {}
}
