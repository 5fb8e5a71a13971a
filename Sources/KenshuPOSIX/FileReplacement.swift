#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a file whole, so that a reader (or a crash) only ever sees the old file or the new
/// one at `path`: the new bytes are written to a temporary file in the same folder, synced,
/// and renamed over `path`; the folder is synced last. With `previous`, the file being
/// replaced is kept there first (a hard link, renamed into place), so an edit can be undone.
public enum FileReplacement {
    public static func replace(_ path: String, with bytes: [UInt8], mode: mode_t, keepingPreviousAt previous: String? = nil)
        throws(SystemCallError)
    {
        let (folder, name) = split(path)
        let temporary = "\(folder)/.\(name).\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw SystemCallError(operation: "create", path: temporary, errorNumber: errno) }
        do throws(SystemCallError) {
            defer { close(fd) }
            try DurableFiles.writeAll(fd, bytes, path: temporary)
            if fchmod(fd, mode) != 0 { throw SystemCallError(operation: "set the permissions of", path: temporary, errorNumber: errno) }
            if fsync(fd) != 0 { throw SystemCallError(operation: "sync", path: temporary, errorNumber: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
        if let previous, DurableFiles.exists(path) {
            let keeper = "\(folder)/.\(name).\(getpid()).previous"
            unlink(keeper)
            guard link(path, keeper) == 0 else {
                let code = errno
                unlink(temporary)
                throw SystemCallError(operation: "keep the previous version of", path: path, errorNumber: code)
            }
            guard rename(keeper, previous) == 0 else {
                let code = errno
                unlink(keeper)
                unlink(temporary)
                throw SystemCallError(operation: "keep the previous version as", path: previous, errorNumber: code)
            }
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw SystemCallError(operation: "replace", path: path, errorNumber: code)
        }
        try DurableFiles.syncDirectory(folder)
    }

    /// `/a/b/c.yaml` → (`/a/b`, `c.yaml`); a bare name is in `.`.
    public static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }
}
