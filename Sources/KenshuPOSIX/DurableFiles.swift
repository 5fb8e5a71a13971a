#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSystemShims

/// The file operations of a write-sync-rename hand-off (write a file whole in a temporary
/// place, sync it, rename it where readers look, sync that folder), so that a crash never
/// leaves half a file where the next program looks. Each failure names the call and the path.
public enum DurableFiles {
    /// Writes all of `bytes` to `fd`, retrying after interruptions and short writes.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(SystemCallError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress.map { $0 + written }, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemCallError(operation: "write", path: path, errorNumber: errno)
            }
            written += count
        }
    }

    /// Flushes a folder's entries (a rename into it) to disk.
    public static func syncDirectory(_ path: String) throws(SystemCallError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemCallError(operation: "open the folder", path: path, errorNumber: errno) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw SystemCallError(operation: "sync the folder", path: path, errorNumber: errno) }
    }

    /// Flushes `files` (all on the file system of `folder`) to disk together: one `syncfs` of
    /// that file system where the system has it (a journal commit for all, not one a file),
    /// else an fsync of each file.
    public static func syncFiles(_ files: [String], in folder: String) throws(SystemCallError) {
        guard !files.isEmpty else { return }
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw SystemCallError(operation: "open the folder", path: folder, errorNumber: errno) }
        defer { close(fd) }
        if kenshu_syncfs(fd) == 0 { return }
        guard errno == ENOSYS else { throw SystemCallError(operation: "sync the file system of", path: folder, errorNumber: errno) }
        for file in files {
            let fileFD = open(file, O_RDONLY | O_CLOEXEC)
            guard fileFD >= 0 else { throw SystemCallError(operation: "open", path: file, errorNumber: errno) }
            defer { close(fileFD) }
            if fsync(fileFD) != 0 { throw SystemCallError(operation: "sync", path: file, errorNumber: errno) }
        }
    }

    /// Whether something exists at `path`.
    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Creates the folder `path` with `mode` (not changed by the umask); an existing folder is
    /// left as it is. Something else in the way is `ENOTDIR`.
    public static func makeDirectory(_ path: String, mode: mode_t) throws(SystemCallError) {
        if mkdir(path, mode) == 0 {
            if chmod(path, mode) != 0 {
                throw SystemCallError(operation: "set the permissions of", path: path, errorNumber: errno)
            }
            return
        }
        let code = errno
        guard code == EEXIST else { throw SystemCallError(operation: "create the folder", path: path, errorNumber: code) }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw SystemCallError(operation: "create the folder", path: path, errorNumber: ENOTDIR)
        }
    }
}
