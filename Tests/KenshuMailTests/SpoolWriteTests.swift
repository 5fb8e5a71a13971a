import Foundation
import Testing

@testable import KenshuMail

#if canImport(Glibc)
import Glibc
#endif

/// Writing into the spool: whole files appear in `new/` or nothing does.
struct SpoolWriteTests {
    @Test func writePutsTheWholeFileIntoNewWithMode0640() throws {
        let spool = try SpoolScratch.preparedSpool()
        defer { SpoolScratch.remove(spool.directory) }
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let name = MailSpool.fileName(week: "2026-W48", kind: "staff", recipient: "10028", at: Date())

        try spool.write(bytes, name: name)

        #expect(try SpoolScratch.contents(spool.path(of: name, in: .new)) == bytes)
        #expect(SpoolScratch.mode(spool.path(of: name, in: .new)) == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: spool.path(of: .tmp)).isEmpty)
        #expect(spool.location(of: name) == .new)
        #expect(spool.waiting() == [name])
    }

    @Test func aBatchPutsEveryWholeFileIntoNewAndTellsEachRename() throws {
        let spool = try SpoolScratch.preparedSpool()
        defer { SpoolScratch.remove(spool.directory) }
        let messages = (0..<300).map { index in
            (name: MailSpool.fileName(week: "2026-W48", kind: "staff", recipient: "\(index)", at: Date()),
             bytes: (0..<(1_000 + index)).map { UInt8(truncatingIfNeeded: $0 &+ index) })
        }
        var renamed: [Int] = []
        try spool.write(batch: messages, renamed: { renamed.append($0) })
        #expect(renamed == Array(0..<300))
        for message in messages {
            #expect(try SpoolScratch.contents(spool.path(of: message.name, in: .new)) == message.bytes)
            #expect(SpoolScratch.mode(spool.path(of: message.name, in: .new)) == 0o640)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: spool.path(of: .tmp)).isEmpty)
    }

    @Test func aBatchWithANameTakenPutsNothingIntoNewAndLeavesNothingInTmp() throws {
        let spool = try SpoolScratch.preparedSpool()
        defer { SpoolScratch.remove(spool.directory) }
        try spool.write([9], name: "c.eml")
        let error = try #require(throws: SpoolError.self) {
            try spool.write(batch: [("a.eml", [1]), ("b.eml", [2]), ("c.eml", [3]), ("d.eml", [4])])
        }
        #expect(error.path == spool.path(of: "c.eml", in: .new))
        #expect(spool.waiting() == ["c.eml"])
        #expect(try SpoolScratch.contents(spool.path(of: "c.eml", in: .new)) == [9])
        #expect(try FileManager.default.contentsOfDirectory(atPath: spool.path(of: .tmp)).isEmpty)
    }

    @Test func prepareMakesTheFoldersWithMode0750AndCanRunAgain() throws {
        let root = try SpoolScratch.folder()
        defer { SpoolScratch.remove(root) }
        let spool = MailSpool(directory: root + "/var/spool/kenshu/outgoing")
        try spool.prepare()
        try spool.prepare()
        for location in MailSpool.Location.allCases {
            #expect(SpoolScratch.mode(spool.path(of: location)) == 0o750)
        }
    }

    @Test func prepareFailsWhenAFileIsInTheWay() throws {
        let root = try SpoolScratch.folder()
        defer { SpoolScratch.remove(root) }
        SpoolScratch.touch(root + "/spool")
        #expect {
            try MailSpool(directory: root + "/spool").prepare()
        } throws: { error in
            (error as? SpoolError)?.path == root + "/spool"
        }
    }

    @Test func writeFailsNamingThePathWhenTheSpoolWasNotPrepared() throws {
        let root = try SpoolScratch.folder()
        defer { SpoolScratch.remove(root) }
        let spool = MailSpool(directory: root + "/missing")
        let error = try #require(throws: SpoolError.self) {
            try spool.write([1, 2, 3], name: "a.eml")
        }
        #expect(error.path == root + "/missing/tmp/a.eml")
        #expect(error.description.contains(root + "/missing/tmp/a.eml"))
        #expect(error.description.contains("No such file or directory"))
        #expect(error.description.contains("writable by the kenshu user"))
        #expect(!FileManager.default.fileExists(atPath: root + "/missing"))
    }

    @Test(.enabled(if: geteuid() != 0, "running as root, which ignores folder permissions"))
    func writeFailsCleanlyWhenTheSpoolIsReadOnly() throws {
        let spool = try SpoolScratch.preparedSpool()
        defer {
            chmod(spool.path(of: .tmp), 0o750)
            SpoolScratch.remove(spool.directory)
        }
        chmod(spool.path(of: .tmp), 0o550)
        let error = try #require(throws: SpoolError.self) {
            try spool.write([1, 2, 3], name: "a.eml")
        }
        #expect(error.description.contains(spool.path(of: "a.eml", in: .tmp)))
        #expect(error.errorNumber == EACCES)
        #expect(spool.waiting().isEmpty)
    }

    @Test func aFailedRenameLeavesNothingBehindInTmp() throws {
        let spool = try SpoolScratch.preparedSpool()
        defer { SpoolScratch.remove(spool.directory) }
        try FileManager.default.removeItem(atPath: spool.path(of: .new))
        SpoolScratch.touch(spool.path(of: .new))

        #expect(throws: SpoolError.self) { try spool.write([1, 2, 3], name: "a.eml") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: spool.path(of: .tmp)).isEmpty)
    }

    @Test func aNameAlreadyInTheSpoolIsNotOverwritten() throws {
        let spool = try SpoolScratch.preparedSpool()
        defer { SpoolScratch.remove(spool.directory) }
        try spool.write([1], name: "a.eml")
        #expect(throws: SpoolError.self) { try spool.write([2], name: "a.eml") }
        try spool.markDelivered("a.eml")
        #expect(throws: SpoolError.self) { try spool.write([3], name: "a.eml") }
        #expect(try SpoolScratch.contents(spool.path(of: "a.eml", in: .cur)) == [1])
    }

    @Test(arguments: ["", "../evil.eml", "x/y.eml", ".hidden.eml", "nul\u{0}.eml"])
    func namesThatCouldEscapeOrHideAreRefused(name: String) throws {
        let spool = try SpoolScratch.preparedSpool()
        defer { SpoolScratch.remove(spool.directory) }
        #expect(throws: SpoolError.self) { try spool.write([1], name: name) }
        #expect(throws: SpoolError.self) { try spool.markDelivered(name) }
        #expect(spool.location(of: name) == nil)
    }
}

/// Scratch folders and file facts for the spool and delivery tests.
enum SpoolScratch {
    /// A new empty folder under the system's temporary folder.
    static func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-mail-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A prepared spool in a new scratch folder.
    static func preparedSpool() throws -> MailSpool {
        let spool = MailSpool(directory: try folder() + "/outgoing")
        try spool.prepare()
        return spool
    }

    /// Removes a scratch folder (for a spool: the folder that holds it).
    static func remove(_ path: String) {
        let folder = path.hasSuffix("/outgoing") ? String(path.dropLast("/outgoing".count)) : path
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Creates (or empties) a file holding `data`.
    static func touch(_ path: String, _ data: Data = Data()) {
        #expect(FileManager.default.createFile(atPath: path, contents: data), "cannot create \(path)")
    }

    /// A file's bytes.
    static func contents(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// A file's permission bits.
    static func mode(_ path: String) -> mode_t {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return info.st_mode & 0o7777
    }
}
