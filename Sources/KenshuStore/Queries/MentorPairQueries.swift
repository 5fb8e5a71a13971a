import GRDB
import KenshuCore

extension KenshuStore {
    /// The pairs now running.
    public func activeMentorPairs() throws(StoreError) -> [(mentor: String, mentee: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT mentor_id, mentee_id FROM mentor_pair WHERE ended_on IS NULL ORDER BY mentee_id")
                .map { ($0["mentor_id"], $0["mentee_id"]) }
        }
    }

    /// The pairs that ran before and ended, as [mentor, mentee]: never made again.
    public func pastMentorPairs() throws(StoreError) -> Set<[String]> {
        try read { db in
            Set(try Row.fetchAll(db, sql: "SELECT mentor_id, mentee_id FROM mentor_pair WHERE ended_on IS NOT NULL")
                .map { [$0["mentor_id"], $0["mentee_id"]] })
        }
    }

    /// Records a run in one transaction: new pairs start on `day`, ended pairs end on it.
    public func recordMentorPairs(
        new: [(mentor: String, mentee: String, reasons: [String])], ended: [(mentor: String, mentee: String)], on day: LocalDate
    ) throws(StoreError) {
        try write { db in
            for pair in ended {
                try db.execute(sql: "UPDATE mentor_pair SET ended_on = ? WHERE mentor_id = ? AND mentee_id = ? AND ended_on IS NULL",
                               arguments: [day.description, pair.mentor, pair.mentee])
            }
            for pair in new {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO mentor_pair (mentor_id, mentee_id, started_on, ended_on, reasons) VALUES (?, ?, ?, NULL, ?)
                    """, arguments: [pair.mentor, pair.mentee, day.description, pair.reasons.joined(separator: "\n")])
            }
        }
    }

    /// Last recorded peer group per mentor.
    public func mentorGroups() throws(StoreError) -> [String: Int] {
        try read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT mentor_id, group_no FROM mentor_group")
                .map { ($0["mentor_id"], $0["group_no"]) })
        }
    }

    /// Replaces the peer groups.
    public func recordMentorGroups(_ groups: [String: Int]) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM mentor_group")
            for (mentor, group) in groups {
                try db.execute(sql: "INSERT INTO mentor_group (mentor_id, group_no) VALUES (?, ?)", arguments: [mentor, group])
            }
        }
    }
}

extension KenshuStore {
    /// Pairs that started between `from` and `through` (both included) and still run: the
    /// week's new pairs, which the mails announce.
    public func mentorPairsStarted(from: LocalDate, through: LocalDate) throws(StoreError) -> [(mentor: String, mentee: String)] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT mentor_id, mentee_id FROM mentor_pair
                WHERE ended_on IS NULL AND started_on >= ? AND started_on <= ? ORDER BY mentee_id
                """, arguments: [from.description, through.description])
                .map { ($0["mentor_id"], $0["mentee_id"]) }
        }
    }
}

/// A pair now running, as recorded when it was made.
public struct RunningMentorPair: Sendable, Equatable {
    public var mentor: String
    public var mentee: String
    public var startedOn: String
    /// Why it was made, one reason a line.
    public var reasons: [String]
}

extension KenshuStore {
    /// The pairs now running with their start and reasons, by mentee: the console's メンター page.
    public func runningMentorPairs() throws(StoreError) -> [RunningMentorPair] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT mentor_id, mentee_id, started_on, reasons FROM mentor_pair WHERE ended_on IS NULL ORDER BY mentee_id, mentor_id
                """).map { row in
                let reasons: String = row["reasons"]
                return RunningMentorPair(mentor: row["mentor_id"], mentee: row["mentee_id"], startedOn: row["started_on"],
                                         reasons: reasons.split(separator: "\n").map(String.init))
            }
        }
    }
}

extension KenshuStore {
    /// Changes whenever a mentor run is recorded (pairs started or ended): with the data
    /// version, what a kept mentor run was computed from.
    public func mentorPairsSignature() throws(StoreError) -> String {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(*), COUNT(ended_on), COALESCE(MAX(started_on), ''), COALESCE(MAX(ended_on), '') FROM mentor_pair
                """) else { return "" }
            return "\(row[0] as Int)/\(row[1] as Int)/\(row[2] as String)/\(row[3] as String)"
        }
    }
}
