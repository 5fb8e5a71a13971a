import Foundation
import KenshuImport
import Testing

/// Which files of the inbox count as complete feeds.
struct InboxSettleTests {
    @Test func onlySettledVisibleXMLFilesWait() throws {
        let inbox = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-inbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: inbox) }
        for name in ["a.xml", "b.XML", ".c.xml", "d.xml.part", "e.xml.tmp", "f.txt"] {
            try Data("<x/>".utf8).write(to: inbox.appendingPathComponent(name))
        }
        try FileManager.default.createDirectory(at: inbox.appendingPathComponent("dir.xml"), withIntermediateDirectories: true)
        let now = Date()
        // Just written: a file still growing is left for a later look.
        #expect(FeedInbox.waiting(in: inbox.path, settledFor: 5, now: now).isEmpty)
        let later = FeedInbox.waiting(in: inbox.path, settledFor: 5, now: now.addingTimeInterval(6))
        #expect(later.map { ($0 as NSString).lastPathComponent } == ["a.xml", "b.XML"])
        #expect(FeedInbox.waiting(in: inbox.path).count == 2)
    }
}
