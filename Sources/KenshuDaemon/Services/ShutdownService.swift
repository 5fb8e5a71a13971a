import Foundation
import KenshuCycle
import Logging
import ServiceLifecycle

/// On SIGTERM or SIGINT: says `STOPPING=1`, asks the job in flight to stop at its next safe
/// point (between imports, between mails), and makes sure the process is gone within
/// `deadline` even if that job cannot stop (a long import's transaction then rolls back, as
/// SQLite does when a process ends mid-transaction), exiting 0 as systemd expects.
struct ShutdownService: Service {
    let parts: ServiceEnvironment
    let deadline: Duration

    func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            return
        }
        parts.logger.notice("stopping: finishing or rolling back the work in flight")
        parts.stop.raise()
        await parts.state.publish([("STOPPING", "1")])
        let seconds = deadline.inSeconds
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
            FileHandle.standardError.write(Data("kenshu serve: the work in flight did not stop in time; exiting (its transaction rolls back)\n".utf8))
            _exit(0)
        }
    }
}
