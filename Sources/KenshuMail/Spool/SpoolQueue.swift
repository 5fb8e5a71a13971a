import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension MailSpool {
    /// Which folder holds `name` (`new`, then `cur`, then `tmp` is looked at), nil when none.
    public func location(of name: String) -> Location? {
        guard Self.isValidName(name) else { return nil }
        return [Location.new, .cur, .tmp].first { SpoolFiles.exists(path(of: name, in: $0)) }
    }

    /// The messages waiting in `new/`: names ending `.eml`, not dot-files, sorted (by time,
    /// as names from `fileName` start with it). Empty when `new/` cannot be read.
    public func waiting() -> [String] {
        names(in: .new)
    }

    /// The files left in `tmp/` (by a crash while writing), sorted; they are never delivered.
    public func temporary() -> [String] {
        names(in: .tmp)
    }

    /// Removes `tmp/name`, if it is there.
    public func removeTemporary(_ name: String) {
        guard Self.isValidName(name) else { return }
        unlink(path(of: name, in: .tmp))
    }

    /// Moves `new/name` to `cur/name` once the MTA has accepted it, and syncs both folders.
    public func markDelivered(_ name: String) throws(SpoolError) {
        try moveToCur(name)
        try syncDelivered()
    }

    /// Moves `new/name` to `cur/name` (a rename), without waiting for the disk: the move is
    /// durable after `syncDelivered`. For a delivery that syncs while the MTA works.
    public func moveToCur(_ name: String) throws(SpoolError) {
        try checkName(name)
        let from = path(of: name, in: .new)
        let to = path(of: name, in: .cur)
        if rename(from, to) != 0 { throw SpoolError.system("move", "\(from) to \(to)", errno) }
    }

    /// Syncs `cur/` and `new/`, making every `moveToCur` before it durable.
    public func syncDelivered() throws(SpoolError) {
        try SpoolFiles.syncDirectory(path(of: .cur))
        try SpoolFiles.syncDirectory(path(of: .new))
    }

    /// The spool file names in `location`, sorted.
    private func names(in location: Location) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path(of: location))) ?? []
        return entries.filter { Self.isValidName($0) && $0.hasSuffix(".eml") }.sorted()
    }
}
