import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KenshuConfig
import KenshuCore
import KenshuStore

/// Feeds published at a URL (`feeds.sources: - url: …`): fetched with a conditional GET
/// (`If-None-Match` with the last ETag, `If-Modified-Since` with the last `Last-Modified`)
/// within a timeout, saved whole under the state folder (`feeds/`, written as `.part` and
/// renamed), then imported like any feed. Each fetch is recorded, so a restart does not fetch
/// sooner than the interval says.
public enum FeedPolling {
    /// What a fetch brought.
    public enum Fetch: Sendable, Equatable {
        /// 304: the copy imported last time is current.
        case notModified
        /// A new copy at `path`.
        case downloaded(path: String, etag: String?, lastModified: String?)
        /// No copy: the reason (network, timeout, HTTP status).
        case failed(String)
    }

    /// When a feed last fetched as `previous` is next due: `interval` seconds after that
    /// fetch; nil for a feed never fetched (due at once).
    public static func nextFetch(after previous: FeedPollRecord?, interval: Int) -> Date? {
        previous.map { $0.checkedAt.addingTimeInterval(Double(interval)) }
    }

    /// Whether `feed` is due at `now`: never fetched, or fetched `interval` seconds ago.
    public static func isDue(_ previous: FeedPollRecord?, interval: Int, now: Date) -> Bool {
        guard let next = nextFetch(after: previous, interval: interval) else { return true }
        return now >= next
    }

    /// Fetches `feed` into `directory`.
    public static func fetch(_ feed: FeedSettings.PolledFeed, previous: FeedPollRecord?, timeout: Int, into directory: String) async -> Fetch {
        guard let url = URL(string: feed.url) else { return .failed("\(feed.url) is not a URL") }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: Double(timeout))
        request.setValue("kenshu (HR development office course import)", forHTTPHeaderField: "User-Agent")
        if let etag = previous?.etag { request.setValue(etag, forHTTPHeaderField: "If-None-Match") }
        if let modified = previous?.lastModified { request.setValue(modified, forHTTPHeaderField: "If-Modified-Since") }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = Double(timeout)
        configuration.timeoutIntervalForResource = Double(timeout)
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let temporary: URL
        let response: URLResponse
        do {
            (temporary, response) = try await session.download(for: request)
        } catch {
            return .failed("\(feed.url): \(describe(error))")
        }
        defer { try? FileManager.default.removeItem(at: temporary) }
        guard let http = response as? HTTPURLResponse else { return .failed("\(feed.url): not an HTTP response") }
        switch http.statusCode {
        case 304:
            return .notModified
        case 200:
            let target = directory + "/" + feed.downloadName
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                let partial = target + ".part"
                try? FileManager.default.removeItem(atPath: partial)
                try FileManager.default.moveItem(atPath: temporary.path, toPath: partial)
                // Renamed whole into place: an import never sees half a download.
                guard rename(partial, target) == 0 else {
                    return .failed("\(feed.url): cannot rename \(partial) to \(target): \(String(cString: strerror(errno)))")
                }
            } catch {
                return .failed("\(feed.url): cannot save the feed to \(target): \(error.localizedDescription)")
            }
            return .downloaded(path: target, etag: http.value(forHTTPHeaderField: "ETag"),
                               lastModified: http.value(forHTTPHeaderField: "Last-Modified"))
        default:
            return .failed("\(feed.url): HTTP \(http.statusCode) \(HTTPURLResponse.localizedString(forStatusCode: http.statusCode))")
        }
    }

    /// Imports what `fetch` brought with `importer` and records the poll in `store` (blocking:
    /// run it off the async pool).
    public static func finish(_ feed: FeedSettings.PolledFeed, fetch: Fetch, previous: FeedPollRecord?, at now: Date,
                              importer: @autoclosure () throws(KenshuError) -> FeedImporter,
                              store: KenshuStore) throws(KenshuError) -> FeedPollRecord {
        var record = FeedPollRecord(url: feed.url, etag: previous?.etag, lastModified: previous?.lastModified, checkedAt: now,
                                    changedAt: previous?.changedAt, outcome: "unchanged", detail: "not modified since the last fetch")
        switch fetch {
        case .notModified:
            break
        case .failed(let reason):
            record.outcome = "failed"
            record.detail = reason
        case .downloaded(let path, let etag, let lastModified):
            (record.etag, record.lastModified, record.changedAt) = (etag, lastModified, now)
            do {
                let summary = try FeedImport.run(file: path, profile: feed.profile, provider: feed.provider, validateOnly: false,
                                                 importer: try importer())
                record.outcome = "imported"
                record.detail = FeedImport.describe(summary)
            } catch {
                guard error.kind == .badInput else { throw error }
                record.outcome = "rejected"
                record.detail = error.message
            }
        }
        do {
            try store.recordFeedPoll(record)
        } catch {
            throw KenshuError(.runtime, error.description)
        }
        return record
    }

    private static func describe(_ error: any Error) -> String {
        let error = error as NSError
        if error.domain == NSURLErrorDomain, error.code == NSURLErrorTimedOut { return "timed out" }
        return (error.userInfo[NSLocalizedDescriptionKey] as? String) ?? error.localizedDescription
    }
}
