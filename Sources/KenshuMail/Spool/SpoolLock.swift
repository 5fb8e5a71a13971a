import KenshuPOSIX

/// An exclusive lock on one job of the spool (a `FileLock` on a dot-file in the spool
/// folder), so that two runs never spool the same week at once, nor two deliveries send the
/// same file. Released when this value is released, or when the process dies.
public final class SpoolLock: Sendable {
    private let lock: FileLock

    private init(lock: FileLock) {
        self.lock = lock
    }

    /// Takes the lock named `job` (e.g. `spool`, `deliver`). With `wait`, blocks until it is
    /// free; without, returns nil when another process holds it.
    public static func take(_ job: String, in spool: MailSpool, wait: Bool) throws(SpoolError) -> SpoolLock? {
        do {
            return try FileLock.take(spool.directory + "/.\(job).lock", wait: wait).map(SpoolLock.init(lock:))
        } catch {
            throw SpoolError(error)
        }
    }
}
