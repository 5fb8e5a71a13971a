#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file operations the spool needs, with errors as `SpoolError`.
enum SpoolFiles {
    /// Writes all of `bytes` to `fd`, retrying after interruptions and short writes.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SpoolError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw SpoolError.system("write", path, errno)
            }
            written += count
        }
    }

    /// Flushes a folder's entries (a rename into it) to disk.
    static func syncDirectory(_ path: String) throws(SpoolError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SpoolError.system("open the folder", path, errno) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw SpoolError.system("sync the folder", path, errno) }
    }

    /// Whether something exists at `path`.
    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Creates the folder `path` with `mode` (not changed by the umask); an existing folder is
    /// left as it is.
    static func makeDirectory(_ path: String, mode: mode_t) throws(SpoolError) {
        if mkdir(path, mode) == 0 {
            if chmod(path, mode) != 0 { throw SpoolError.system("set the permissions of", path, errno) }
            return
        }
        let code = errno
        guard code == EEXIST else { throw SpoolError.system("create the folder", path, code) }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw SpoolError(
                operation: "create the folder", path: path, reason: "something that is not a folder is in the way",
                hint: "move it away so the spool can make its folder there")
        }
    }
}

