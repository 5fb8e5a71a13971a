import Foundation
import KenshuApp
import KenshuConfig
import KenshuStore
import Logging
import ServiceLifecycle

/// Fetches the feeds published by URL (`feeds.sources: - url: …`) every `feeds.poll.interval`,
/// with a conditional GET and a timeout, and imports what changed. One feed failing (network,
/// HTTP error, rejected feed) is logged and recorded, and never stops the others.
struct FeedPoller: Service {
    let parts: DaemonParts

    func run() async throws {
        repeat {
            let context = await parts.state.context
            for feed in context.configuration.feeds.polled {
                if Task.isShuttingDownGracefully { return }
                await poll(feed, context: context)
            }
        } while await pause(.seconds(15))
    }

    private func poll(_ feed: FeedSettings.PolledFeed, context: AppContext) async {
        let poll = context.configuration.feeds.poll
        do {
            let previous = try await parts.work.run { () throws(AppError) in try Self.previousPoll(of: feed.url, context: context) }
            guard FeedPolling.isDue(previous, interval: poll.interval, now: parts.clock.now) else { return }
            let fetched = await FeedPolling.fetch(feed, previous: previous, timeout: poll.timeout,
                                                  into: context.configuration.downloadDirectory)
            let now = parts.clock.now
            let record = try await parts.work.run { () throws(AppError) in
                try FeedPolling.finish(feed, fetch: fetched, previous: previous, at: now, context: context)
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
        } catch {
            parts.logger.error("poll: \(feed.url): \(error.message)")
        }
    }

    private static func previousPoll(of url: String, context: AppContext) throws(AppError) -> FeedPollRecord? {
        let store = try context.openStore()
        do {
            return try store.feedPoll(url: url)
        } catch {
            throw AppError(.runtime, error.description)
        }
    }
}
