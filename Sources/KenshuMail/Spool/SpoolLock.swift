#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on one job of the spool (`flock` on a dot-file in the spool folder), so
/// that two runs never spool the same week at once, nor two deliveries send the same file.
/// The lock is the open file: released when this value is released, and by the kernel when
/// the process dies, so a crash never leaves it held.
public final class SpoolLock: Sendable {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Takes the lock named `job` (e.g. `spool`, `deliver`). With `wait`, blocks until it is
    /// free; without, returns nil when another process holds it.
    public static func take(_ job: String, in spool: MailSpool, wait: Bool) throws(SpoolError) -> SpoolLock? {
        let path = spool.directory + "/.\(job).lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw SpoolError.system("open the lock", path, errno) }
        while flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            let code = errno
            if code == EINTR { continue }
            close(descriptor)
            if code == EWOULDBLOCK { return nil }
            throw SpoolError.system("lock", path, code)
        }
        return SpoolLock(descriptor: descriptor)
    }
}
