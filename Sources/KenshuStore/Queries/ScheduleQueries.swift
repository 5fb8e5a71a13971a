import Foundation
import GRDB

/// A weekly cycle that completed: the ISO week it was for, the day it evaluated as of.
public struct WeeklyRunRecord: Sendable, Equatable, Codable {
    public var week: String
    public var day: String
    public var finishedAt: Date
    /// One line: what the cycle did (mails spooled, feeds imported).
    public var summary: String
    /// The fingerprints of what it was computed from besides the store (rules, catalogue).
    public var inputs: String?
    /// The store's data version it was computed from (`KenshuStore.dataVersion()`).
    public var dataVersion: Int?

    public init(week: String, day: String, finishedAt: Date, summary: String, inputs: String? = nil, dataVersion: Int? = nil) {
        self.week = week
        self.day = day
        self.finishedAt = finishedAt
        self.summary = summary
        self.inputs = inputs
        self.dataVersion = dataVersion
    }
}

/// The last fetch of a polled feed: its validators for the next conditional GET, and how it went.
public struct FeedPollRecord: Sendable, Equatable, Codable {
    public var url: String
    public var etag: String?
    public var lastModified: String?
    public var checkedAt: Date
    /// When a fetch last brought a new copy.
    public var changedAt: Date?
    /// `imported`, `unchanged`, `rejected` or `failed`.
    public var outcome: String
    public var detail: String

    public init(url: String, etag: String?, lastModified: String?, checkedAt: Date, changedAt: Date?, outcome: String, detail: String) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.checkedAt = checkedAt
        self.changedAt = changedAt
        self.outcome = outcome
        self.detail = detail
    }
}

/// A week whose mails the pre-mail gate held back, and why.
public struct MailHoldRecord: Sendable, Equatable, Codable {
    public var week: String
    public var checkedAt: Date
    /// One sentence each, as the HR office's notice says them.
    public var problems: [String]

    public init(week: String, checkedAt: Date, problems: [String]) {
        self.week = week
        self.checkedAt = checkedAt
        self.problems = problems
    }
}

extension KenshuStore {
    /// Notes that the gate held the week's mails back (replacing an earlier note of the week).
    public func recordMailHold(_ hold: MailHoldRecord) throws(StoreError) {
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO mail_hold (week, checked_at, problems) VALUES (?, ?, ?)",
                           arguments: [hold.week, hold.checkedAt, hold.problems.joined(separator: "\n")])
        }
    }

    /// Forgets the week's hold: a cycle of that week passed the gate.
    public func clearMailHold(week: String) throws(StoreError) {
        try write { db in try db.execute(sql: "DELETE FROM mail_hold WHERE week = ?", arguments: [week]) }
    }

    /// The newest week still held back, if any.
    public func latestMailHold() throws(StoreError) -> MailHoldRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM mail_hold ORDER BY checked_at DESC LIMIT 1").map { row in
                let problems: String = row["problems"]
                return MailHoldRecord(week: row["week"], checkedAt: row["checked_at"],
                                      problems: problems.split(separator: "\n").map(String.init))
            }
        }
    }

    /// Notes that the week's cycle completed (a later one for the same week replaces it).
    public func recordWeeklyRun(_ run: WeeklyRunRecord) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO weekly_run (week, day, finished_at, summary, inputs, data_version) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [run.week, run.day, run.finishedAt, run.summary, run.inputs, run.dataVersion])
        }
    }

    /// The ISO weeks whose cycle completed.
    public func completedWeeks() throws(StoreError) -> Set<String> {
        Set(try read { db in try String.fetchAll(db, sql: "SELECT week FROM weekly_run") })
    }

    /// The completed cycle of `week`, if there is one.
    public func weeklyRun(week: String) throws(StoreError) -> WeeklyRunRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM weekly_run WHERE week = ?", arguments: [week]).map(Self.weeklyRun)
        }
    }

    /// The most recent completed cycle.
    public func latestWeeklyRun() throws(StoreError) -> WeeklyRunRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM weekly_run ORDER BY finished_at DESC LIMIT 1").map(Self.weeklyRun)
        }
    }

    /// Every polled feed's last fetch, by URL.
    public func feedPolls() throws(StoreError) -> [FeedPollRecord] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM feed_poll ORDER BY url").map(Self.feedPoll) }
    }

    public func recordFeedPoll(_ poll: FeedPollRecord) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO feed_poll (url, etag, last_modified, checked_at, changed_at, outcome, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [poll.url, poll.etag, poll.lastModified, poll.checkedAt, poll.changedAt, poll.outcome, poll.detail])
        }
    }

    private static func weeklyRun(_ row: Row) -> WeeklyRunRecord {
        WeeklyRunRecord(week: row["week"], day: row["day"], finishedAt: row["finished_at"], summary: row["summary"],
                        inputs: row["inputs"], dataVersion: row["data_version"])
    }

    private static func feedPoll(_ row: Row) -> FeedPollRecord {
        FeedPollRecord(url: row["url"], etag: row["etag"], lastModified: row["last_modified"], checkedAt: row["checked_at"],
                       changedAt: row["changed_at"], outcome: row["outcome"], detail: row["detail"])
    }
}
