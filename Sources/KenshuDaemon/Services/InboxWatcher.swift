import Foundation
import KenshuCore
import KenshuCycle
import KenshuImport
import Logging
import ServiceLifecycle

/// Imports the feeds dropped into the inbox (`incoming/`), every `watch.interval` seconds:
/// complete `*.xml` files only — hidden files and `*.part` / `*.tmp` are uploads in progress,
/// and a file still growing is left until it has stood still for `watch.settle` seconds.
/// Imported feeds move to `imported/`, rejected ones to `rejected/` with `NAME.error.txt`.
struct InboxWatcher: Service {
    let parts: ServiceEnvironment

    func run() async throws {
        repeat {
            let session = await parts.state.session
            let settings = session.configuration.serve
            let inbox = session.configuration.inboxDirectory
            if !FeedInbox.waiting(in: inbox, settledFor: settings.inboxSettle, now: parts.clock.now).isEmpty {
                await importWaiting(session: session, inbox: inbox, settle: settings.inboxSettle)
            }
        } while await pause(.seconds(await parts.state.session.configuration.serve.inboxInterval))
    }

    private func importWaiting(session: Session, inbox: String, settle: Int) async {
        await parts.state.noteActivity("importing feeds from the inbox")
        do {
            let outcomes = try await parts.work.run { () throws(KenshuError) in
                try FeedInbox.process(directory: inbox, settledFor: settle,
                                      importer: try FeedImport.importer(setup: session.setup, store: session.store))
            }
            for outcome in outcomes {
                let name = (outcome.file as NSString).lastPathComponent
                if let summary = outcome.summary {
                    parts.logger.info("inbox: imported \(name): \(FeedImport.describe(summary))")
                    await parts.state.noteImport("\(name) imported", at: parts.clock.now)
                } else {
                    parts.logger.error("inbox: rejected \(name) (see \(outcome.movedTo).error.txt): \(outcome.error ?? "")")
                    await parts.state.noteImport("\(name) rejected", at: parts.clock.now)
                }
            }
        } catch {
            parts.logger.error("inbox: \(error.message)")
        }
        await parts.state.noteActivity(nil)
    }
}
