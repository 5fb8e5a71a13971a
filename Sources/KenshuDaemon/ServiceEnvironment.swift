import KenshuCore
import KenshuCycle
import Logging

/// What every service of the daemon works with: the shared state, the one queue for
/// blocking work, the clock, the flag that asks work to stop, and the log.
struct ServiceEnvironment: Sendable {
    let state: DaemonState
    let work: WorkQueue
    let clock: DaemonClock
    let stop: StopFlag
    let logger: Logger
}
