import Foundation

/// Login throttling: after `limit` failed logins for the same account, or from the same
/// address, within `window`, further attempts are refused until the oldest of them leaves
/// the window. A successful login does not clear the failures (they still count).
public actor LoginThrottle {
    private var failures: [String: [Date]] = [:]
    private let limit: Int
    private let window: TimeInterval
    private let now: @Sendable () -> Date

    public init(limit: Int = 5, window: TimeInterval = 15 * 60, now: @escaping @Sendable () -> Date = { Date() }) {
        self.limit = limit
        self.window = window
        self.now = now
    }

    /// Nil when `account` may try to log in from `address`; else until when it may not.
    public func refusedUntil(account: String, address: String) -> Date? {
        let time = now()
        return [Self.accountKey(account), Self.addressKey(address)].compactMap { key -> Date? in
            let recent = (failures[key] ?? []).filter { time.timeIntervalSince($0) < window }
            failures[key] = recent.isEmpty ? nil : recent
            guard recent.count >= limit, let oldest = recent.first else { return nil }
            return oldest.addingTimeInterval(window)
        }.max()
    }

    /// Counts a failed login against both the account and the address.
    public func recordFailure(account: String, address: String) {
        let time = now()
        for key in [Self.accountKey(account), Self.addressKey(address)] {
            failures[key, default: []].append(time)
        }
    }

    private static func accountKey(_ account: String) -> String { "account:" + account }
    private static func addressKey(_ address: String) -> String { "address:" + address }
}
