import Foundation

/// The daemon's idea of now: the system clock, or (for tests, through `$KENSHU_TEST_NOW`, an
/// ISO 8601 time such as `2026-11-30T06:59:58+09:00`) a clock that starts at that time and
/// runs at the normal rate, so a weekly slot can be reached in seconds.
public struct DaemonClock: Sendable {
    private let offset: TimeInterval

    public init(environment: [String: String]) throws(DaemonError) {
        guard let text = environment["KENSHU_TEST_NOW"], !text.isEmpty else {
            offset = 0
            return
        }
        guard let start = try? Date(text, strategy: .iso8601) else {
            throw DaemonError("KENSHU_TEST_NOW '\(text)' is not an ISO 8601 time such as 2026-11-30T06:59:58+09:00")
        }
        offset = start.timeIntervalSinceNow
    }

    public var now: Date { Date().addingTimeInterval(offset) }

    /// Sleeps until `instant` on this clock, in steps of at most `step`, so that a changed
    /// system clock or a reloaded schedule is noticed; throws on cancellation.
    public func sleep(until instant: Date, step: Duration = .seconds(60)) async throws {
        while true {
            let remaining = instant.timeIntervalSince(now)
            if remaining <= 0 { return }
            let wait = min(Duration.milliseconds(Int64(remaining * 1000) + 1), step)
            try await Task.sleep(for: wait)
        }
    }
}

/// The daemon could not start or go on: what, and what to do.
public struct DaemonError: Error, Sendable, CustomStringConvertible {
    public var description: String
    /// Exit 2 (bad config, another instance) rather than 1.
    public var isUsage: Bool

    public init(_ description: String, isUsage: Bool = true) {
        self.description = description
        self.isUsage = isUsage
    }
}
