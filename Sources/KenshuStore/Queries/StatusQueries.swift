import GRDB
import KenshuCore

/// Counts of what the store holds, for `kenshu status`.
public struct StoreCounts: Sendable, Equatable, Codable {
    /// Per job family (Japanese name): active and inactive staff.
    public var staffByFamily: [String: ActiveCount]
    public var evaluations: Int
    /// 年度 with ratings, newest first.
    public var evaluationPeriods: [Int]
    public var trainingRecords: Int
    /// Completed trainings with no 復命書 filed yet.
    public var trainingRecordsWithoutReport: Int

    /// Active and inactive members of a group.
    public struct ActiveCount: Sendable, Equatable, Codable {
        public var active: Int
        public var inactive: Int

        public init(active: Int, inactive: Int) {
            self.active = active
            self.inactive = inactive
        }
    }
}

/// What the store holds that decides whether a week can be mailed (see `mailReadiness`).
public struct MailReadiness: Sendable, Equatable, Codable {
    /// The newest evaluation period (年度), nil without ratings.
    public var latestPeriod: Int?
    public var activeStaff: Int
    /// Active staff with a rating in `latestPeriod`.
    public var evaluatedStaff: Int
    public var activeCourses: Int

    public init(latestPeriod: Int?, activeStaff: Int, evaluatedStaff: Int, activeCourses: Int) {
        self.latestPeriod = latestPeriod
        self.activeStaff = activeStaff
        self.evaluatedStaff = evaluatedStaff
        self.activeCourses = activeCourses
    }
}

extension KenshuStore {
    public func counts() throws(StoreError) -> StoreCounts {
        try read { db in
            var byFamily: [String: StoreCounts.ActiveCount] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT family, active, COUNT(*) AS n FROM staff GROUP BY family, active") {
                let family: String = row["family"]
                let active: Bool = row["active"]
                let count: Int = row["n"]
                var entry = byFamily[family] ?? .init(active: 0, inactive: 0)
                if active { entry.active += count } else { entry.inactive += count }
                byFamily[family] = entry
            }
            return StoreCounts(
                staffByFamily: byFamily,
                evaluations: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM evaluation") ?? 0,
                evaluationPeriods: try Int.fetchAll(db, sql: "SELECT DISTINCT period FROM evaluation ORDER BY period DESC"),
                trainingRecords: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM training_history") ?? 0,
                trainingRecordsWithoutReport: try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM training_history WHERE report_filed_on IS NULL") ?? 0)
        }
    }

    /// How far the latest evaluation period reaches: the active staff, and how many of them
    /// have a rating in that period; and the active courses of the catalogue. What the
    /// pre-mail gate weighs.
    public func mailReadiness() throws(StoreError) -> MailReadiness {
        try read { db in
            let period = try Int.fetchOne(db, sql: "SELECT MAX(period) FROM evaluation")
            let active = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staff WHERE active") ?? 0
            let evaluated = try period.map { period in
                try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM staff s WHERE s.active
                    AND EXISTS (SELECT 1 FROM evaluation e WHERE e.staff_id = s.id AND e.period = ?)
                    """, arguments: [period]) ?? 0
            } ?? 0
            let courses = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM course WHERE retired_at IS NULL") ?? 0
            return MailReadiness(latestPeriod: period, activeStaff: active, evaluatedStaff: evaluated, activeCourses: courses)
        }
    }

    /// Ids of staff with at least one rating in `period`.
    public func staffIDsWithEvaluations(period: Int) throws(StoreError) -> Set<String> {
        Set(try read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT staff_id FROM evaluation WHERE period = ?", arguments: [period])
        })
    }

    /// Logs an import that was not applied (the data tables stay as they were).
    public func recordImport(_ run: ImportRun) throws(StoreError) {
        try write { db in
            var logged = run
            try logged.insert(db)
        }
    }

    /// The newest import of each kind.
    public func latestImports() throws(StoreError) -> [ImportRun] {
        try read { db in
            try ImportRun.fetchAll(db, sql: """
                SELECT * FROM import_run WHERE id IN (SELECT MAX(id) FROM import_run GROUP BY kind) ORDER BY kind
                """)
        }
    }

    /// The newest successful import of `kind`: what the store holds of it came from that file.
    public func latestSuccessfulImport(kind: String) throws(StoreError) -> ImportRun? {
        try read { db in
            try ImportRun.fetchOne(db, sql: "SELECT * FROM import_run WHERE kind = ? AND succeeded ORDER BY id DESC LIMIT 1",
                                   arguments: [kind])
        }
    }

    /// The newest successful import of each kind.
    public func latestSuccessfulImports() throws(StoreError) -> [ImportRun] {
        try read { db in
            try ImportRun.fetchAll(db, sql: """
                SELECT * FROM import_run WHERE id IN
                  (SELECT MAX(id) FROM import_run WHERE succeeded GROUP BY kind) ORDER BY kind
                """)
        }
    }
}
