import KenshuCore
import KenshuCycle
import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads on SIGHUP (`systemctl reload kenshu`) and on the console's request (the state
/// folder's `reload-request`, looked for every second — the console runs in its own unit and
/// cannot signal this process): reads config, rules and templates again and checks them; when
/// all pass they serve from the next job on, otherwise the running setup stays and the log,
/// `STATUS=` and `daemon-setup.json` say what is wrong. Tells systemd `RELOADING=1` (with
/// `MONOTONIC_USEC=`) before and `READY=1` after. `daemon-setup.json` is written at start and
/// after every reload, so the console can show which rules the daemon runs with.
struct ReloadService: Service {
    let parts: ServiceEnvironment
    let signals: UnixSignalsSequence
    let configPath: String

    /// How often the console's request is looked for.
    static let requestInterval = Duration.seconds(1)

    func run() async throws {
        let state = await parts.state.session.configuration.stateDirectory
        await record(problem: nil)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in signals.cancelOnGracefulShutdown() { await reload(because: "SIGHUP") }
            }
            group.addTask {
                repeat {
                    if DaemonReload.takeRequest(stateDirectory: state) { await reload(because: "the console's request") }
                } while await pause(Self.requestInterval)
            }
        }
    }

    private func reload(because reason: String) async {
        await parts.state.publish([("RELOADING", "1"), ("MONOTONIC_USEC", "\(monotonicMicroseconds())")])
        let current = await parts.state.session.setup
        let path = configPath
        do {
            let setup = try await parts.work.run { () throws(KenshuError) in try DaemonSetup.reload(configPath: path, current: current) }
            await parts.state.replace(setup)
            await record(problem: nil)
            parts.logger.notice("reloaded \(path) and the rules, templates and profiles it names (\(reason))")
        } catch {
            await parts.state.reloadFailed(error.message)
            await record(problem: error.message)
            parts.logger.error("reload failed, the previous setup keeps serving (\(reason)): \(error.message)")
        }
        await parts.state.publish([("READY", "1")])
    }

    /// Writes `daemon-setup.json`: the rules now in force (after a failed reload, still the
    /// previous file's, which the fingerprint then no longer matches).
    private func record(problem: String?) async {
        let configuration = await parts.state.session.configuration
        let fingerprint = await parts.state.rulesFingerprint(readingIf: problem == nil)
        let status = DaemonReload.Status(rulesFingerprint: fingerprint, loadedAt: parts.clock.now, reloadProblem: problem)
        do {
            try DaemonReload.record(status, stateDirectory: configuration.stateDirectory)
        } catch {
            parts.logger.warning("cannot record the setup in force for the console: \(error)")
        }
    }
}
