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
