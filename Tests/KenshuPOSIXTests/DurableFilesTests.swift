import Foundation
import KenshuPOSIX
import Testing

/// The write-sync-rename parts: whole writes, folder syncs, and folders made or refused.
struct DurableFilesTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-durable-\(UUID().uuidString)")

    @Test func writesEveryByteAndSyncsTheFolder() throws {
        try DurableFiles.makeDirectory(folder.path, mode: 0o750)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.bin").path
        let bytes = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        #expect(fd >= 0)
        try DurableFiles.writeAll(fd, bytes, path: path)
        close(fd)
        try DurableFiles.syncDirectory(folder.path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(bytes))
        #expect(DurableFiles.exists(path))
        #expect(!DurableFiles.exists(path + ".missing"))
    }

    @Test func makesAFolderWithItsModeAndLeavesAnExistingOneAlone() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let previous = umask(0o077)
        defer { umask(previous) }
        try DurableFiles.makeDirectory(folder.path, mode: 0o750)
        try DurableFiles.makeDirectory(folder.path, mode: 0o700)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
        #expect(mode == 0o750)
    }

    @Test func aFileInTheWayOfAFolderIsNotADirectory() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("spool").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8)))
        let error = try #require(throws: SystemCallError.self) { try DurableFiles.makeDirectory(path, mode: 0o750) }
        #expect(error.errorNumber == ENOTDIR)
        #expect(error.description.contains(path))
    }
}
