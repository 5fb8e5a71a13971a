#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks long work to stop at its next safe point (between imports, between mails): the daemon
/// raises it on SIGTERM so that the week's cycle ends cleanly, every mail so far spooled and
/// recorded, and the rest written by the next run.
public final class StopFlag: @unchecked Sendable {
    /// Guards `raised`; a pthread mutex, so the domain target needs neither Foundation nor a
    /// platform availability for `Synchronization`.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var raised = false

    public init() {
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Asks the work to stop.
    public func raise() {
        pthread_mutex_lock(mutex)
        raised = true
        pthread_mutex_unlock(mutex)
    }

    public var isRaised: Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return raised
    }

    /// Throws `KenshuError.stopped` when raised.
    public func check(_ what: String) throws(KenshuError) {
        if isRaised { throw KenshuError(.stopped, "stopped before \(what): the next run goes on from here") }
    }
}
