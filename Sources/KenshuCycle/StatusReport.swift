import Foundation
import KenshuCore
import KenshuMail
import KenshuStore

/// What `kenshu status` shows: what the store holds, the last imports, and the data-quality
/// warnings the HR office should fix at the source.
public struct StatusReport: Sendable, Codable {
    public var database: String
    public var staff: StaffCounts
    public var evaluations: EvaluationCounts
    public var history: HistoryCounts
    public var imports: [ImportEntry]
    /// Each provider's catalogue and its last feed import.
    public var providers: [ProviderCatalogCounts]
    /// Rejected feeds that name no provider (not a known format, unreadable …), newest first.
    public var rejectedFeeds: [FeedImportEntry]
    public var warnings: [DataQualityWarning]
    /// The outgoing mail spool.
    public var spool: SpoolCounts
    /// The last weekly cycle that completed (`kenshu run`, or the daemon's schedule).
    public var lastWeeklyRun: WeeklyRunRecord?
    /// Feeds published by URL: each one's last fetch.
    public var feedPolls: [FeedPollRecord]
    /// The newest week whose mails the pre-mail gate held back (until a cycle of it passes).
    public var mailHold: MailHoldRecord?

    /// Mails waiting in `new/`, delivered ones in `cur/`, and those the MTA refused so far.
    public struct SpoolCounts: Sendable, Codable {
        public var directory: String
        public var waiting: Int
        public var delivered: Int
        public var failing: Int
    }

    /// Staff, active and inactive, in total and per job family.
    public struct StaffCounts: Sendable, Codable {
        public var active: Int
        public var inactive: Int
        public var byFamily: [String: StoreCounts.ActiveCount]
    }

    public struct EvaluationCounts: Sendable, Codable {
        public var ratings: Int
        public var periods: [Int]
        public var latestPeriod: Int?
    }

    public struct HistoryCounts: Sendable, Codable {
        public var records: Int
        public var withoutReport: Int
    }

    /// The newest import of one kind, and the newest that succeeded if that one failed.
    public struct ImportEntry: Sendable, Codable {
        public var kind: String
        public var source: String
        public var finishedAt: Date
        public var succeeded: Bool
        public var rows: Int
        public var summary: String
        public var message: String?
        public var lastSuccessAt: Date?
    }

    private static func spoolCounts(store: KenshuStore, session: Session) throws(StoreError) -> SpoolCounts {
        let directory = session.configuration.spoolDirectory
        let cur = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/cur")) ?? []
        return SpoolCounts(directory: directory, waiting: MailSpool(directory: directory).waiting().count,
                           delivered: cur.filter { $0.hasSuffix(".eml") }.count, failing: try session.store.deliveryFailures().count)
    }

    /// Each HR export's newest import (with the newest success when that one failed).
    public static func lastImports(store: KenshuStore) throws(StoreError) -> [ImportEntry] {
        let successes = Dictionary(try store.latestSuccessfulImports().map { ($0.kind, $0.finishedAt) },
                                   uniquingKeysWith: { first, _ in first })
        return try store.latestImports().map { run in
            ImportEntry(kind: run.kind, source: run.source, finishedAt: run.finishedAt, succeeded: run.succeeded,
                        rows: run.rows, summary: run.summary, message: run.message,
                        lastSuccessAt: run.succeeded ? nil : successes[run.kind])
        }
    }

    /// The newest rejected feeds that name no provider.
    public static func rejectedFeeds(store: KenshuStore) throws(StoreError) -> [FeedImportEntry] {
        try store.latestFeedImports(limit: 10).filter { !$0.succeeded && $0.providers.isEmpty }
    }

    /// The data-quality warnings: every member of staff read and checked (the costly part of
    /// the report; they change only with the data and the rules).
    public static func dataQualityWarnings(session: Session) throws(KenshuError) -> [DataQualityWarning] {
        do {
            let latest = try session.store.counts().evaluationPeriods.first
            return try warnings(session: session, latestPeriod: latest)
        } catch {
            throw KenshuError(.runtime, error.description)
        }
    }

    private static func warnings(session: Session, latestPeriod latest: Int?) throws(StoreError) -> [DataQualityWarning] {
        let evaluated = try latest.map { period throws(StoreError) in try session.store.staffIDsWithEvaluations(period: period) }
        return DataQualityCheck(resolver: session.resolver)
            .warnings(staff: try session.store.allStaff(), evaluatedStaff: evaluated, latestPeriod: latest)
    }

    /// Gathers the report from the session.store; `warnings`, when given, are this data's
    /// `dataQualityWarnings` kept from before (the console keeps them per data version).
    public static func gather(session: Session, warnings known: [DataQualityWarning]? = nil) throws(KenshuError) -> StatusReport {
        do {
            let counts = try session.store.counts()
            let latest = counts.evaluationPeriods.first
            var warnings = known ?? []
            if known == nil { warnings = try self.warnings(session: session, latestPeriod: latest) }
            let byFamily = counts.staffByFamily
            return StatusReport(
                database: session.configuration.databasePath,
                staff: StaffCounts(active: byFamily.values.reduce(0) { $0 + $1.active },
                                   inactive: byFamily.values.reduce(0) { $0 + $1.inactive }, byFamily: byFamily),
                evaluations: EvaluationCounts(ratings: counts.evaluations, periods: counts.evaluationPeriods, latestPeriod: latest),
                history: HistoryCounts(records: counts.trainingRecords, withoutReport: counts.trainingRecordsWithoutReport),
                imports: try lastImports(store: session.store), providers: try session.store.providerCatalogs(),
                rejectedFeeds: try rejectedFeeds(store: session.store),
                warnings: warnings,
                spool: try spoolCounts(store: session.store, session: session),
                lastWeeklyRun: try session.store.latestWeeklyRun(),
                feedPolls: try session.store.feedPolls(),
                mailHold: try session.store.latestMailHold())
        } catch {
            throw KenshuError(.runtime, error.description)
        }
    }
}
