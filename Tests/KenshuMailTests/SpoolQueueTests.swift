import Foundation
import Testing

@testable import KenshuMail

/// Names, listing and moving mails through the spool.
struct SpoolQueueTests {
    @Test func fileNamesStartWithTheTimeAndEndInEml() throws {
        let date = Date(timeIntervalSince1970: 1_795_730_400.123456)  // 2026-11-26T22:00:00.123456Z
        let name = MailSpool.fileName(week: "2026-W48", kind: "staff", recipient: "10028", at: date)
        #expect(name.hasPrefix("20261126T220000.123456Z.2026-W48.staff.10028.\(getpid())-"))
        #expect(name.hasSuffix(".eml"))
        #expect(MailSpool.isValidName(name))
    }

    @Test func hostileRecipientsMakeSafeNames() {
        let name = MailSpool.fileName(week: "../..", kind: "/etc", recipient: ".山田 太郎\n", at: Date())
        #expect(!name.contains("/"))
        #expect(!name.hasPrefix("."))
        #expect(name.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 })
        #expect(MailSpool.isValidName(name))
    }

    @Test func namesSortByTimeAndAreUniqueAtTheSameMoment() {
        let now = Date()
        let names = (0..<1000).map { _ in MailSpool.fileName(week: "2026-W48", kind: "staff", recipient: "1", at: now) }
        #expect(Set(names).count == 1000)
        let times = (0..<50).map { now.addingTimeInterval(Double($0) * 0.000_37 + Double($0 * $0) * 3) }
        let ordered = times.map { MailSpool.fileName(week: "2026-W48", kind: "staff", recipient: "9", at: $0) }
        #expect(ordered.shuffled().sorted() == ordered)
    }

    @Test func markDeliveredMovesTheMailToCur() throws {
        let spool = try SpoolScratch.preparedSpool()
        defer { SpoolScratch.remove(spool.directory) }
        try spool.write(Array("mail".utf8), name: "a.eml")
        try spool.markDelivered("a.eml")
        #expect(spool.location(of: "a.eml") == .cur)
        #expect(spool.waiting().isEmpty)
        #expect(try SpoolScratch.contents(spool.path(of: "a.eml", in: .cur)) == Array("mail".utf8))
    }

    @Test func markDeliveredOfAMissingMailNamesThePath() throws {
        let spool = try SpoolScratch.preparedSpool()
        defer { SpoolScratch.remove(spool.directory) }
        let error = try #require(throws: SpoolError.self) { try spool.markDelivered("gone.eml") }
        #expect(error.description.contains(spool.path(of: "gone.eml", in: .new)))
    }

    @Test func waitingListsOnlyMailsSorted() throws {
        let spool = try SpoolScratch.preparedSpool()
        defer { SpoolScratch.remove(spool.directory) }
        for name in [".hidden.eml", "readme.txt", "b.eml", "a.eml", "c.eml.part"] {
            SpoolScratch.touch(spool.path(of: name, in: .new))
        }
        SpoolScratch.touch(spool.path(of: "t.eml", in: .tmp))
        #expect(spool.waiting() == ["a.eml", "b.eml"])
        #expect(spool.location(of: "t.eml") == .tmp)
    }

    @Test func leftoversInTmpAreListedAndRemovable() throws {
        let spool = try SpoolScratch.preparedSpool()
        defer { SpoolScratch.remove(spool.directory) }
        SpoolScratch.touch(spool.path(of: "crashed.eml", in: .tmp), Data([1]))
        #expect(spool.temporary() == ["crashed.eml"])
        spool.removeTemporary("crashed.eml")
        #expect(spool.temporary().isEmpty)
        #expect(spool.location(of: "crashed.eml") == nil)
    }
}
