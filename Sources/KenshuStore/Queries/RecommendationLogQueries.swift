import GRDB
import KenshuCore

/// One recommendation as the week's run made it.
public struct LoggedRecommendation: Sendable, Equatable {
    public var staffID: String
    public var provider: String
    public var courseID: String
    public var presentationID: String
    public var score: Double
    public var mandatory: Bool

    public init(staffID: String, provider: String, courseID: String, presentationID: String, score: Double, mandatory: Bool) {
        self.staffID = staffID
        self.provider = provider
        self.courseID = courseID
        self.presentationID = presentationID
        self.score = score
        self.mandatory = mandatory
    }
}

extension KenshuStore {
    /// Records a week's recommendations, replacing what an earlier run of the same week recorded.
    public func recordRecommendations(week: ISOWeek, _ entries: [LoggedRecommendation]) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM recommendation_log WHERE week = ?", arguments: [week.description])
            let insert = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO recommendation_log (week, staff_id, provider_id, course_id, presentation_id, score, mandatory)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for entry in entries {
                try insert.execute(arguments: [week.description, entry.staffID, entry.provider, entry.courseID,
                                               entry.presentationID, entry.score, entry.mandatory])
            }
        }
    }

    /// Per member of staff (of those with `staffIDs`, or everyone when nil), the courses
    /// (`provider`␟`courseID`) recommended in every one of the `count` weeks before `week`.
    public func recommendedEveryWeek(
        before week: ISOWeek, count: Int, staffIDs: [String]? = nil
    ) throws(StoreError) -> [String: Set<String>] {
        guard count > 0 else { return [:] }
        let weeks = (1...count).map { week.minus(weeks: $0).description }
        let (staffFilter, staffArguments) = Self.staffFilter(staffIDs)
        let rows = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT staff_id, provider_id, course_id FROM recommendation_log
                WHERE week IN (\(Self.placeholders(weeks.count)))\(staffFilter)
                GROUP BY staff_id, provider_id, course_id HAVING COUNT(DISTINCT week) = ?
                """, arguments: StatementArguments(weeks) + staffArguments + StatementArguments([count]))
        }
        return Self.coursesByStaff(rows)
    }

    /// Per member of staff (of those with `staffIDs`, or everyone when nil), the courses
    /// (`provider`␟`courseID`) recorded for `week`.
    public func recommendations(week: ISOWeek, staffIDs: [String]? = nil) throws(StoreError) -> [String: Set<String>] {
        let (staffFilter, staffArguments) = Self.staffFilter(staffIDs)
        return Self.coursesByStaff(try read { db in
            try Row.fetchAll(db, sql: "SELECT staff_id, provider_id, course_id FROM recommendation_log WHERE week = ?" + staffFilter,
                             arguments: [week.description] + staffArguments)
        })
    }

    /// How many staff `week`'s run recommended something to, and how many recommendations in all.
    public func recommendationCounts(week: ISOWeek) throws(StoreError) -> (staff: Int, recommendations: Int) {
        try read { db in
            let row = try Row.fetchOne(db, sql: """
                SELECT COUNT(DISTINCT staff_id) AS staff, COUNT(*) AS recommendations FROM recommendation_log WHERE week = ?
                """, arguments: [week.description])
            return (row?["staff"] ?? 0, row?["recommendations"] ?? 0)
        }
    }

    /// What `week`'s run recommended to the staff with `staffIDs`, by staff id.
    public func recordedRecommendations(week: ISOWeek, staffIDs: [String]) throws(StoreError) -> [String: [LoggedRecommendation]] {
        guard !staffIDs.isEmpty else { return [:] }
        let (staffFilter, staffArguments) = Self.staffFilter(staffIDs)
        let rows = try read { db in
            try Row.fetchAll(db, sql: """
                SELECT staff_id, provider_id, course_id, presentation_id, score, mandatory FROM recommendation_log
                WHERE week = ?\(staffFilter)
                """, arguments: [week.description] + staffArguments)
        }
        var result: [String: [LoggedRecommendation]] = [:]
        for row in rows {
            let entry = LoggedRecommendation(staffID: row["staff_id"], provider: row["provider_id"], courseID: row["course_id"],
                                             presentationID: row["presentation_id"], score: row["score"],
                                             mandatory: row["mandatory"])
            result[entry.staffID, default: []].append(entry)
        }
        return result
    }

    /// ` AND staff_id IN (?, …)` and its arguments; nothing for nil (everyone).
    private static func staffFilter(_ ids: [String]?) -> (String, StatementArguments) {
        guard let ids else { return ("", []) }
        return (" AND staff_id IN (\(placeholders(ids.count)))", StatementArguments(ids))
    }

    private static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ",")
    }

    private static func coursesByStaff(_ rows: [Row]) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for row in rows {
            let staff: String = row["staff_id"]
            let provider: String = row["provider_id"]
            let course: String = row["course_id"]
            result[staff, default: []].insert(CourseKey.make(provider: provider, courseID: course))
        }
        return result
    }
}
