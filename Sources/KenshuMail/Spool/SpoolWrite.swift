#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension MailSpool {
    /// Puts one whole message into `new/` under `name` (see `fileName(week:kind:recipient:at:)`).
    ///
    /// Creates `tmp/name` (it must not exist) with mode 0640, writes all bytes, syncs and
    /// closes it, renames it to `new/name` and syncs `new/`. On failure the file in `tmp/` is
    /// removed and nothing appears in `new/`, except when only the final sync of `new/` fails:
    /// then the message is in `new/` and the error says so.
    public func write(_ bytes: [UInt8], name: String) throws(SpoolError) {
        try checkName(name)
        let temporary = path(of: name, in: .tmp)
        let waiting = path(of: name, in: .new)
        for location in [Location.new, .cur] where SpoolFiles.exists(path(of: name, in: location)) {
            throw SpoolError(
                operation: "create", path: path(of: name, in: location), errorNumber: EEXIST,
                reason: "a mail of that name is already in the spool", hint: "make a new name with MailSpool.fileName")
        }
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard fd >= 0 else { throw SpoolError.system("create", temporary, errno) }
        do throws(SpoolError) {
            if fchmod(fd, 0o640) != 0 { throw SpoolError.system("set the permissions of", temporary, errno) }
            try SpoolFiles.writeAll(fd, bytes, path: temporary)
            if fsync(fd) != 0 { throw SpoolError.system("sync", temporary, errno) }
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        if close(fd) != 0 {
            let code = errno
            unlink(temporary)
            throw SpoolError.system("close", temporary, code)
        }
        if rename(temporary, waiting) != 0 {
            let code = errno
            unlink(temporary)
            throw SpoolError.system("move", "\(temporary) to \(waiting)", code)
        }
        do throws(SpoolError) {
            try SpoolFiles.syncDirectory(path(of: .new))
        } catch {
            var failure = error
            failure.hint = "the mail is in new/ and will be sent, but may not survive a power cut; check the disk"
            throw failure
        }
    }
}
