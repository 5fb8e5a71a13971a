import Foundation
import KenshuConfig
import KenshuCore
import KenshuCycle
import KenshuImport
import Logging
import ServiceLifecycle
import UnixSignals

/// `kenshu serve`: loads and checks the setup, takes the state folder's single-instance lock,
/// then runs the daemon's services until SIGTERM or SIGINT — the inbox watcher, the feed
/// poller, the weekly scheduler, SIGHUP reloads, and the systemd protocol (READY, STATUS,
/// WATCHDOG, STOPPING). Blocking work runs one job at a time on the `WorkQueue`.
public enum Daemon {
    /// How long shutdown may take before the process exits regardless (systemd's default stop
    /// timeout is 90 s; the promise here is 10 s).
    static let shutdownDeadline = Duration.seconds(7)

    /// Runs the daemon; returns the process's exit code (0 after a clean stop, 2 for a bad
    /// setup or a second instance, 1 for a failure).
    public static func run(configPath: String, environment: [String: String] = ProcessInfo.processInfo.environment) async -> Int32 {
        let journal = !(environment["JOURNAL_STREAM"] ?? "").isEmpty
        let level = Logger.Level(rawValue: environment["KENSHU_LOG_LEVEL"] ?? "") ?? .info
        LoggingSystem.bootstrap { label in JournalLogHandler(label: label, journal: journal, level: level) }
        let logger = Logger(label: "kenshu")
        do {
            return try await serve(configPath: configPath, environment: environment, logger: logger)
        } catch {
            logger.critical("\(error.description)")
            return error.isUsage ? 2 : 1
        }
    }

    private static func serve(configPath: String, environment: [String: String], logger: Logger) async throws(DaemonError) -> Int32 {
        let clock = try DaemonClock(environment: environment)
        let setup: Setup
        do {
            setup = try DaemonSetup.load(configPath: configPath)
        } catch {
            throw DaemonError("cannot start: \(error.message)", isUsage: error.kind == .badInput)
        }
        let lock = try InstanceLock.take(stateDirectory: setup.configuration.stateDirectory)
        defer { withExtendedLifetime(lock) {} }
        // The one store every service works with, opened (and migrated) once, under the lock.
        let session: Session
        do {
            session = try Session.open(setup)
            try FeedInbox.prepare(directory: setup.configuration.inboxDirectory)
        } catch {
            throw DaemonError("cannot start: \(error.message)", isUsage: false)
        }
        let notifier = SystemdNotifier(environment: environment)
        let state = DaemonState(session: session, notifier: notifier, logger: logger)
        if let last = LastImport.find(session: session) { await state.noteImport(last.text, at: last.at) }
        // Trapped before READY=1, so a reload signal is never the default action (exit).
        let reloadSignals = await UnixSignalsSequence(trapping: .sighup)
        let parts = ServiceEnvironment(state: state, work: WorkQueue(), clock: clock, stop: StopFlag(), logger: logger)
        let services: [any Service] = [
            ShutdownService(parts: parts, deadline: shutdownDeadline),
            ReloadService(parts: parts, signals: reloadSignals, configPath: configPath),
            InboxWatcher(parts: parts),
            FeedPoller(parts: parts),
            WeeklyScheduler(parts: parts),
            SystemdService(parts: parts, watchdog: SystemdWatchdog(environment: environment)),
        ]
        var configuration = ServiceGroupConfiguration(
            services: services.map { .init(service: $0, successTerminationBehavior: .gracefullyShutdownGroup,
                                           failureTerminationBehavior: .gracefullyShutdownGroup) },
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        configuration.maximumGracefulShutdownDuration = shutdownDeadline
        logger.info("kenshu serve starting: config \(session.configuration.file), state \(session.configuration.stateDirectory), inbox \(session.configuration.inboxDirectory)")
        do {
            try await ServiceGroup(configuration: configuration).run()
        } catch {
            throw DaemonError("stopped on a failure: \(error)", isUsage: false)
        }
        logger.info("kenshu serve stopped")
        return 0
    }
}
