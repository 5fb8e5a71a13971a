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
