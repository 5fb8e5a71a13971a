import Foundation
import KenshuPOSIX

/// One `kenshu serve` per state folder: a `FileLock` on `kenshu.lock` there, holding the
/// process id, so a second daemon (or a second unit pointed at the same state) stops at once
/// with a message that names the first.
enum InstanceLock {
    static func take(stateDirectory: String) throws(DaemonError) -> FileLock {
        let path = stateDirectory + "/kenshu.lock"
        do {
            try FileManager.default.createDirectory(atPath: stateDirectory, withIntermediateDirectories: true)
        } catch {
            throw DaemonError("cannot create the state folder \(stateDirectory): \(error.localizedDescription)", isUsage: false)
        }
        let lock: FileLock?
        do {
            lock = try FileLock.take(path, wait: false)
        } catch {
            throw DaemonError(error.description, isUsage: false)
        }
        guard let lock else {
            let holder = FileLock.recorded(at: path)
            throw DaemonError("another kenshu serve\(holder.isEmpty ? "" : " (pid \(holder))") is running on the state folder "
                + "\(stateDirectory) (lock \(path)): stop it first (systemctl stop kenshu), or give this one another state folder")
        }
        lock.record("\(ProcessInfo.processInfo.processIdentifier)\n")
        return lock
    }
}
