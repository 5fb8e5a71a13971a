import Foundation
import KenshuConfig
import KenshuCore
import KenshuCycle
import KenshuImport
import KenshuTesting
import Testing

/// `status` names an inbox feed where the inbox put it: `rejected/` or `imported/`.
struct InboxStatusTests {
    @Test func aRejectedInboxFeedIsListedUnderRejected() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let session = try Session.open(try Setup.load(configPath: city.config))
        let inbox = session.configuration.inboxDirectory
        try FeedInbox.prepare(directory: inbox)
        let whole = try Data(contentsOf: URL(fileURLWithPath: TemporaryCity.example("feeds/academy.xml")))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: inbox + "/cut.xml"))
        try whole.write(to: URL(fileURLWithPath: inbox + "/academy.xml"))
        let importer = try FeedImport.importer(setup: session.setup, store: session.store)
        let outcomes = try FeedInbox.process(directory: inbox, importer: importer)
        #expect(outcomes.map(\.movedTo) == [inbox + "/imported/academy.xml", inbox + "/rejected/cut.xml"])

        let status = try StatusReport.gather(session: session)
        let rejected = try #require(status.rejectedFeeds.first)
        #expect(rejected.source == inbox + "/rejected/cut.xml")
        #expect(rejected.message?.contains(inbox + "/rejected/cut.xml") == true, "\(rejected.message ?? "")")
        #expect(rejected.message?.contains("truncated") == true)
        #expect(status.providers.first?.lastImport?.source == inbox + "/imported/academy.xml")
        let note = try String(contentsOfFile: inbox + "/rejected/cut.xml.error.txt", encoding: .utf8)
        #expect(note.contains(inbox + "/rejected/cut.xml"))
        #expect(!note.contains(inbox + "/cut.xml"))
    }
}
