import GRDB
import KenshuCore

/// What an evaluations import changed.
public struct EvaluationChanges: Sendable, Equatable, CustomStringConvertible {
    /// Periods (年度) the file covered; their old ratings were replaced.
    public var periods: [Int] = []
    public var removed = 0
    public var inserted = 0

    public var description: String {
        "periods \(periods.map(String.init).joined(separator: ", ")): replaced \(removed) rating(s) with \(inserted)"
    }
}

extension KenshuStore {
    /// Replaces, in one transaction, all ratings of the periods that `evaluations` covers:
    /// the file is the HR system's full export of those periods. Other periods stay.
    public func replaceEvaluations(_ evaluations: [Evaluation], run: ImportRun) throws(StoreError) -> EvaluationChanges {
        try write { db in
            var changes = EvaluationChanges()
            changes.periods = Set(evaluations.map(\.period)).sorted()
            for period in changes.periods {
                try db.execute(sql: "DELETE FROM evaluation WHERE period = ?", arguments: [period])
                changes.removed += db.changesCount
            }
            // One prepared statement for every row: a city's export has a hundred thousand.
            let insert = try db.cachedStatement(
                sql: "INSERT INTO evaluation (staff_id, period, ability, rater, score) VALUES (?, ?, ?, ?, ?)")
            for evaluation in evaluations {
                try insert.execute(arguments: [evaluation.staffID, evaluation.period, evaluation.ability,
                                               evaluation.rater.rawValue, evaluation.score])
            }
            changes.inserted = evaluations.count
            var logged = run
            logged.summary = changes.description
            try logged.insert(db)
            return changes
        }
    }

    /// All ratings of one member of staff.
    public func evaluations(staffID: String) throws(StoreError) -> [Evaluation] {
        let records = try read { db in
            try EvaluationRecord.filter(Column("staff_id") == staffID).order(Column("period"), Column("ability")).fetchAll(db)
        }
        var result: [Evaluation] = []
        for record in records { result.append(try record.evaluation()) }
        return result
    }

    /// The ratings of the latest period, for everyone, by staff id (a weekly run needs all).
    public func latestEvaluationsByStaff() throws(StoreError) -> [String: [Evaluation]] {
        let records = try read { db in
            try EvaluationRecord.filter(sql: "period = (SELECT MAX(period) FROM evaluation)").fetchAll(db)
        }
        var result: [String: [Evaluation]] = [:]
        for record in records { result[record.staffId, default: []].append(try record.evaluation()) }
        return result
    }
}
