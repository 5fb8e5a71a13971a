import Foundation
import KenshuCore
import KenshuPOSIX

/// The state folder's one-writer lock (`writer.lock`): a weekly cycle holds it from its first
/// import to its last mail, and each command that changes the store (an import, a recorded
/// mentor run) holds it while it runs, so that no two writers interleave (a second `kenshu run`
/// never computes a week from a store the first is still importing into). A second taker
/// waits; the holder's process id and purpose are recorded in the file for its message. The
/// kernel releases the lock when the holder exits, also on a crash.
public final class WriterLock: Sendable {
    private let lock: FileLock

    private init(lock: FileLock) {
        self.lock = lock
    }

    /// How often a waiting taker tries again, and checks its stop flag.
    static let retryInterval: useconds_t = 100_000

    /// Takes the lock of `session`'s state folder for `purpose` (e.g. "kenshu run"), waiting
    /// while another process holds it: `waiting` is told once, with who holds it; `stop`
    /// ends the wait with `KenshuError.stopped`.
    public static func take(session: Session, purpose: String, stop: StopFlag = StopFlag(),
                            waiting: (String) -> Void = { _ in }) throws(KenshuError) -> WriterLock {
        let path = session.configuration.stateDirectory + "/writer.lock"
        do {
            try FileManager.default.createDirectory(atPath: session.configuration.stateDirectory, withIntermediateDirectories: true)
        } catch {
            throw KenshuError(.runtime, "\(session.configuration.stateDirectory): cannot create the state folder: \(error.localizedDescription)")
        }
        var told = false
        while true {
            let lock: FileLock?
            do {
                lock = try FileLock.take(path, wait: false)
            } catch {
                throw KenshuError(.runtime, error.description)
            }
            if let lock {
                lock.record("pid \(getpid()): \(purpose)")
                return WriterLock(lock: lock)
            }
            if !told {
                let holder = FileLock.recorded(at: path)
                waiting("another kenshu is changing the store (\(holder.isEmpty ? "unknown process" : holder)); "
                    + "waiting for it to finish (\(path))")
                told = true
            }
            try stop.check("\(purpose): waiting for \(path)")
            usleep(retryInterval)
        }
    }
}
