import Foundation

/// A test hook that ends the process abruptly (as `kill -9` would) at a named point of the
/// spool's protocol, so that integration tests can prove exactly-once delivery across a
/// crash: `KENSHU_TEST_CRASH=claim:3` stops right after the third mail was claimed in the
/// ledger, `spool:3` right after its file reached `new/` but before the ledger knew.
enum CrashPoint: String {
    case claim, spool

    static let setting: (point: CrashPoint, count: Int)? = {
        guard let text = ProcessInfo.processInfo.environment["KENSHU_TEST_CRASH"] else { return nil }
        let parts = text.split(separator: ":")
        guard parts.count == 2, let point = CrashPoint(rawValue: String(parts[0])), let count = Int(parts[1]) else { return nil }
        return (point, count)
    }()

    /// Ends the process when this is the configured point and its `count`-th pass.
    static func reached(_ point: CrashPoint, pass: Int) {
        guard let setting, setting.point == point, setting.count == pass else { return }
        _exit(137)
    }
}
