import Foundation
import KenshuPOSIX
import Testing

/// The one lock: exclusive while held, free once released, and it names its holder.
struct FileLockTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-lock-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    @Test func aSecondTakerWithoutWaitingGetsNothingUntilTheFirstReleases() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("job.lock").path
        var first = try FileLock.take(path, wait: false)
        #expect(first != nil)
        #expect(try FileLock.take(path, wait: false) == nil)
        first = nil
        #expect(try FileLock.take(path, wait: false) != nil)
    }

    @Test func theHolderRecordsWhoItIs() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("serve.lock").path
        let lock = try #require(try FileLock.take(path, wait: false))
        lock.record("4242\n")
        #expect(FileLock.recorded(at: path) == "4242")
        #expect(FileLock.recorded(at: folder.appendingPathComponent("missing.lock").path) == "")
    }

    @Test func aLockInAMissingFolderIsAnErrorNamingThePath() throws {
        let path = folder.appendingPathComponent("no/such/folder/x.lock").path
        let error = try #require(throws: SystemCallError.self) { _ = try FileLock.take(path, wait: false) }
        #expect(error.errorNumber == ENOENT)
        #expect(error.description.hasPrefix(path + ": cannot open the lock: "))
    }
}
