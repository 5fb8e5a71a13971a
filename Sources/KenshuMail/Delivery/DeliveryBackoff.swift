import Foundation

/// How long to wait before trying a mail again after failed attempts: `initial` after the
/// first failure, doubling with each further one, never more than `maximum`. Pure: the
/// attempt counts live in the caller's store.
public struct DeliveryBackoff: Sendable, Hashable {
    /// The wait after the first failure, by default 1 minute.
    public var initial: Duration
    /// The longest wait, by default 6 hours.
    public var maximum: Duration

    /// A back-off from `initial`, doubling, capped at `maximum`.
    public init(initial: Duration = .seconds(60), maximum: Duration = .seconds(6 * 3600)) {
        self.initial = initial
        self.maximum = maximum
    }

    /// The wait after `n` failures in a row: zero for none, then `initial × 2^(n−1)`, capped.
    public func delay(afterFailures n: Int) -> Duration {
        guard n > 0, initial > .zero else { return .zero }
        var delay = initial
        var doublings = n - 1
        while doublings > 0 && delay < maximum {
            delay = delay * 2
            doublings -= 1
        }
        return min(delay, maximum)
    }

    /// When to try again, `failures` failures in a row after the last attempt at `after`.
    public func nextAttempt(after: Date, failures: Int) -> Date {
        after.addingTimeInterval(delay(afterFailures: failures).inSeconds)
    }
}
