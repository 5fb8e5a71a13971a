import Foundation
import KenshuConfig
import KenshuCore
import KenshuCycle
import Logging

/// What the running daemon shares between its services: the setup in force (replaced whole
/// by a successful reload; the store stays the one opened at start), and what `STATUS=` tells systemd — the last import, the next
/// weekly run, and a reload that failed.
public actor DaemonState {
    public private(set) var session: Session
    private let notifier: SystemdNotifier
    private let logger: Logger
    private var lastImport: String?
    private var nextRun: String?
    private var reloadProblem: String?
    private var activity: String?
    /// The rules file's fingerprint as last loaded (empty until recorded).
    private var loadedRulesFingerprint = ""

    public init(session: Session, notifier: SystemdNotifier, logger: Logger) {
        self.session = session
        self.notifier = notifier
        self.logger = logger
    }

    /// A reload that passed every check: the new setup serves from now on.
    public func replace(_ setup: Setup) {
        session = session.with(setup)
        reloadProblem = nil
    }

    /// The fingerprint of the rules in force: read from the file again just after a load
    /// (`reading`), else the one read at the last successful load.
    public func rulesFingerprint(readingIf reading: Bool) -> String {
        if reading { loadedRulesFingerprint = FilePaths.fingerprint(session.configuration.rulesFile) ?? "" }
        return loadedRulesFingerprint
    }

    /// A reload that failed: the old setup stays, and STATUS says why.
    public func reloadFailed(_ problem: String) {
        reloadProblem = problem
    }

    public func noteImport(_ text: String, at time: Date) {
        lastImport = "\(text) at \(Self.format(time, in: session.configuration.serve.zone))"
        publish()
    }

    public func noteNextRun(week: ISOWeek, at time: Date) {
        let text = "\(week) on \(Self.format(time, in: session.configuration.serve.zone))"
        guard text != nextRun else { return }
        nextRun = text
        publish()
    }

    /// What the daemon is busy with (nil when idle).
    public func noteActivity(_ text: String?) {
        activity = text
        publish()
    }

    /// The `STATUS=` line.
    public var status: String {
        var parts: [String] = []
        if let reloadProblem { parts.append("RELOAD FAILED, running the previous setup: \(reloadProblem)") }
        if let activity { parts.append(activity) }
        parts.append("last import: \(lastImport ?? "none yet")")
        parts.append("next weekly run: \(nextRun ?? "not scheduled yet")")
        return parts.joined(separator: "; ")
    }

    /// Sends `STATUS=` (and any other assignments) to systemd.
    public func publish(_ extra: [(String, String)] = []) {
        if !notifier.notify(extra + [("STATUS", String(status.prefix(1000)))]) {
            logger.warning("cannot notify systemd at \(notifier.socketPath ?? "")")
        }
    }

    /// `2026-11-30 07:00 Asia/Tokyo`: local time in the schedule's zone.
    static func format(_ time: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: time)
        func two(_ value: Int?) -> String { (value ?? 0) < 10 ? "0\(value ?? 0)" : "\(value ?? 0)" }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute)) "
            + zone.identifier
    }
}
