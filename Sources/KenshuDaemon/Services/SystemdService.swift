import Logging
import ServiceLifecycle

/// Tells systemd the daemon is up (`READY=1` with `STATUS=`), then keeps its watchdog fed
/// (`WATCHDOG=1` at half of `$WATCHDOG_USEC`) from the async pool: if the daemon's tasks
/// stop being scheduled, the pings stop and systemd restarts the service. Returns when the
/// daemon shuts down.
struct SystemdService: Service {
    let parts: ServiceEnvironment
    let watchdog: SystemdWatchdog?

    func run() async throws {
        await parts.state.publish([("READY", "1")])
        parts.logger.info("kenshu serve is ready")
        guard let watchdog else {
            try? await gracefulShutdown()
            return
        }
        while await pause(watchdog.interval) {
            await parts.state.publish([("WATCHDOG", "1")])
        }
    }
}
