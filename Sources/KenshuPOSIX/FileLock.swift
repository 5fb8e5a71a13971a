#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive advisory lock (`flock`) on a file: the one locking primitive of Kenshu (the
/// spool's jobs, the single `kenshu serve` per state folder). The lock is the
/// open file: released when this value is released, and by the kernel when the process dies,
/// so a crash never leaves it held.
public final class FileLock: Sendable {
    private let descriptor: Int32
    /// The lock file.
    public let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit {
        close(descriptor)
    }

    /// Takes the lock on `path` (created 0640 if missing). With `wait`, blocks until it is free;
    /// without, returns nil when another process holds it.
    public static func take(_ path: String, wait: Bool) throws(SystemCallError) -> FileLock? {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { throw SystemCallError(operation: "open the lock", path: path, errorNumber: errno) }
        while flock(descriptor, LOCK_EX | (wait ? 0 : LOCK_NB)) != 0 {
            let code = errno
            if code == EINTR { continue }
            close(descriptor)
            if code == EWOULDBLOCK { return nil }
            throw SystemCallError(operation: "lock", path: path, errorNumber: code)
        }
        return FileLock(descriptor: descriptor, path: path)
    }

    /// Replaces the lock file's content with `text` (e.g. the holder's process id), so that
    /// whoever finds the lock taken can say by whom.
    public func record(_ text: String) {
        _ = ftruncate(descriptor, 0)
        var bytes = Array(text.utf8)
        _ = pwrite(descriptor, &bytes, bytes.count, 0)
    }

    /// What the holder of a lock recorded in it (empty when nothing or unreadable).
    public static func recorded(at path: String) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = read(descriptor, &buffer, buffer.count)
        return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self).split(whereSeparator: \.isWhitespace).joined(separator: " ") : ""
    }
}
