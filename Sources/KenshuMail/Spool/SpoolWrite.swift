#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension MailSpool {
    /// Puts one whole message into `new/` under `name` (see `fileName(week:kind:recipient:at:)`).
    ///
    /// Creates `tmp/name` (it must not exist) with mode 0640, writes all bytes, closes and
    /// syncs it, renames it to `new/name` and syncs `new/`. On failure the file in `tmp/` is
    /// removed and nothing appears in `new/`, except when only the final sync of `new/` fails:
    /// then the message is in `new/` and the error says so.
    public func write(_ bytes: [UInt8], name: String) throws(SpoolError) {
        try write(batch: [(name, bytes)])
    }

    /// Puts several whole messages into `new/`, flushed to disk together: each is written into
    /// `tmp/` (no file of its name may be in the spool), all are synced at once
    /// (`DurableFiles.syncFiles`), then each is renamed into `new/` (`renamed` is told its
    /// place in `messages`) and `new/` is synced. What a crash or a failure leaves is what
    /// `write(_:name:)` leaves for each message: whole in `new/`, or not there. On failure the
    /// files not renamed are removed from `tmp/`; those renamed stay in `new/` (see
    /// `location(of:)`).
    public func write(batch messages: [(name: String, bytes: [UInt8])], renamed: (Int) -> Void = { _ in }) throws(SpoolError) {
        var written: [String] = []
        func removeWritten(from index: Int = 0) {
            for path in written[min(index, written.count)...] { unlink(path) }
        }
        do throws(SpoolError) {
            for message in messages {
                try checkName(message.name)
                for location in [Location.new, .cur] where SpoolFiles.exists(path(of: message.name, in: location)) {
                    throw SpoolError(
                        operation: "create", path: path(of: message.name, in: location), errorNumber: EEXIST,
                        reason: "a mail of that name is already in the spool", hint: "make a new name with MailSpool.fileName")
                }
                let temporary = path(of: message.name, in: .tmp)
                let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
                guard fd >= 0 else { throw SpoolError.system("create", temporary, errno) }
                written.append(temporary)
                do throws(SpoolError) {
                    if fchmod(fd, 0o640) != 0 { throw SpoolError.system("set the permissions of", temporary, errno) }
                    try SpoolFiles.writeAll(fd, message.bytes, path: temporary)
                } catch {
                    close(fd)
                    throw error
                }
                if close(fd) != 0 { throw SpoolError.system("close", temporary, errno) }
            }
            try SpoolFiles.syncFiles(written, in: path(of: .tmp))
        } catch {
            removeWritten()
            throw error
        }
        for (index, message) in messages.enumerated() {
            if rename(written[index], path(of: message.name, in: .new)) != 0 {
                let code = errno
                removeWritten(from: index)
                throw SpoolError.system("move", "\(written[index]) to \(path(of: message.name, in: .new))", code)
            }
            renamed(index)
        }
        do throws(SpoolError) {
            try SpoolFiles.syncDirectory(path(of: .new))
        } catch {
            var failure = error
            failure.hint = "the mails are in new/ and will be sent, but may not survive a power cut; check the disk"
            throw failure
        }
    }
}
