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
        var told = false
        while true {
            if let lock = try takeIfFree(session: session, purpose: purpose) {
                return lock
            }
            if !told {
                let holder = holder(session: session)
                waiting("another kenshu is changing the store (\(holder.isEmpty ? "unknown process" : holder)); "
                    + "waiting for it to finish (\(path(session)))")
                told = true
            }
            try stop.check("\(purpose): waiting for \(path(session))")
            usleep(retryInterval)
        }
    }

    /// Takes the lock without waiting (for the console, which must not hold a request for
    /// minutes while a weekly run has it): nil when another holder has it, also one in this
    /// process (`flock` locks are per open file). `holder(session:)` then says who.
    public static func takeIfFree(session: Session, purpose: String) throws(KenshuError) -> WriterLock? {
        let path = path(session)
        do {
            try FileManager.default.createDirectory(atPath: session.configuration.stateDirectory, withIntermediateDirectories: true)
        } catch {
            throw KenshuError(.runtime, "\(session.configuration.stateDirectory): cannot create the state folder: \(error.localizedDescription)")
        }
        let lock: FileLock?
        do {
            lock = try FileLock.take(path, wait: false)
        } catch {
            throw KenshuError(.runtime, error.description)
        }
        guard let lock else { return nil }
        lock.record("pid \(getpid()): \(purpose)")
        return WriterLock(lock: lock)
    }

    /// What the lock's holder recorded (`pid 1234: kenshu run`); empty when unknown.
    public static func holder(session: Session) -> String {
        FileLock.recorded(at: path(session))
    }

    private static func path(_ session: Session) -> String {
        session.configuration.stateDirectory + "/writer.lock"
    }
}
