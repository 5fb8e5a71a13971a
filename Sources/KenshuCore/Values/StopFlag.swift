import Foundation

/// Asks long work to stop at its next safe point (between imports, between mails): the daemon
/// raises it on SIGTERM so that the week's cycle ends cleanly, every mail so far spooled and
/// recorded, and the rest written by the next run.
public final class StopFlag: Sendable {
    private let raised = NSLockedBool()

    public init() {}

    /// Asks the work to stop.
    public func raise() { raised.set(true) }

    public var isRaised: Bool { raised.get() }

    /// Throws `KenshuError.stopped` when raised.
    public func check(_ what: String) throws(KenshuError) {
        if isRaised { throw KenshuError(.stopped, "stopped before \(what): the next run goes on from here") }
    }
}

/// A Boolean behind a lock (Foundation's `NSLock`, so no platform availability to declare).
private final class NSLockedBool: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set(_ newValue: Bool) {
        lock.lock()
        value = newValue
        lock.unlock()
    }

    func get() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
