import Foundation
import KenshuConfig
import KenshuCore
import KenshuCycle
import KenshuImport
import KenshuStore
import Logging
import ServiceLifecycle

/// Fetches the feeds published by URL (`feeds.sources: - url: …`) every `feeds.poll.interval`,
/// with a conditional GET and a timeout, and imports what changed. One feed failing (network,
/// HTTP error, rejected feed) is logged and recorded, and never stops the others.
struct FeedPoller: Service {
    let parts: ServiceEnvironment

    func run() async throws {
        var announced: Date?
        repeat {
            let session = await parts.state.session
            let feeds = session.configuration.feeds.polled
            guard !feeds.isEmpty else { continue }
            // One read of the last fetches per round, not one per feed.
            let previous: [String: FeedPollRecord]
            do {
                previous = try await parts.work.run { () throws(KenshuError) in try Self.previousPolls(session: session) }
            } catch {
                parts.logger.error("poll: cannot read the last fetches: \(error.message)")
                continue
            }
            let interval = session.configuration.feeds.poll.interval
            var nextDue: [Date] = []
            for feed in feeds {
                var last = previous[feed.url]
                if FeedPolling.isDue(last, interval: interval, now: parts.clock.now) {
                    if Task.isShuttingDownGracefully { return }
                    last = await poll(feed, previous: last, session: session)
                }
                nextDue += FeedPolling.nextFetch(after: last, interval: interval).map { [$0] } ?? []
            }
            // Said once for each new time, so the journal shows when the next fetch comes.
            if let next = nextDue.min(), next != announced {
                announced = next
                parts.logger.info("poll: next fetch due at \(next.formatted(.iso8601)) (\(feeds.count) feed(s) published by URL)")
            }
        } while await pause(.seconds(15))
    }

    /// Fetches and imports `feed`; the poll as recorded, or nil when it could not be recorded.
    private func poll(_ feed: FeedSettings.PolledFeed, previous: FeedPollRecord?, session: Session) async -> FeedPollRecord? {
        let poll = session.configuration.feeds.poll
        do {
            let fetched = await FeedPolling.fetch(feed, previous: previous, timeout: poll.timeout,
                                                  into: session.configuration.downloadDirectory)
            let now = parts.clock.now
            let record = try await parts.work.run { () throws(KenshuError) in
                try FeedPolling.finish(feed, fetch: fetched, previous: previous, at: now,
                                       importer: try FeedImport.importer(setup: session.setup, store: session.store),
                                       store: session.store)
            }
            switch record.outcome {
            case "imported":
                parts.logger.info("poll: imported \(feed.url): \(record.detail)")
                await parts.state.noteImport("\(feed.url) imported", at: now)
            case "unchanged":
                parts.logger.debug("poll: \(feed.url) not modified")
            default:
                parts.logger.error("poll: \(feed.url) \(record.outcome): \(record.detail)")
            }
            return record
        } catch {
            parts.logger.error("poll: \(feed.url): \(error.message)")
            return nil
        }
    }

    private static func previousPolls(session: Session) throws(KenshuError) -> [String: FeedPollRecord] {
        do {
            return Dictionary(try session.store.feedPolls().map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
        } catch {
            throw KenshuError(.runtime, error.description)
        }
    }
}
