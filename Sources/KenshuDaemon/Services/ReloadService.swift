import KenshuCore
import KenshuCycle
import Logging
import ServiceLifecycle
import UnixSignals

/// SIGHUP (`systemctl reload kenshu`): reads config, rules and templates again and checks
/// them; when all pass they serve from the next job on, otherwise the running setup stays and
/// the log and `STATUS=` say what is wrong. Tells systemd `RELOADING=1` (with
/// `MONOTONIC_USEC=`) before and `READY=1` after.
struct ReloadService: Service {
    let parts: ServiceEnvironment
    let signals: UnixSignalsSequence
    let configPath: String

    func run() async throws {
        for await _ in signals.cancelOnGracefulShutdown() {
            await parts.state.publish([("RELOADING", "1"), ("MONOTONIC_USEC", "\(monotonicMicroseconds())")])
            let current = await parts.state.session.setup
            let path = configPath
            do {
                let setup = try await parts.work.run { () throws(KenshuError) in try DaemonSetup.reload(configPath: path, current: current) }
                await parts.state.replace(setup)
                parts.logger.notice("reloaded \(path) and the rules, templates and profiles it names")
            } catch {
                await parts.state.reloadFailed(error.message)
                parts.logger.error("reload failed, the previous setup keeps serving: \(error.message)")
            }
            await parts.state.publish([("READY", "1")])
        }
    }
}
