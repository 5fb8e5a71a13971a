import GRDB
import KenshuCore

/// What an evaluations import changed.
public struct EvaluationChanges: Sendable, Equatable, CustomStringConvertible {
    /// Periods (年度) the file covered; their old ratings were replaced.
    public var periods: [Int] = []
    public var removed = 0
    public var inserted = 0

    public var description: String {
        "\(periods.map(String.init).joined(separator: "・"))年度の評価 \(removed) 件を \(inserted) 件に置き換え"
    }
}

extension KenshuStore {
    /// Replaces, in one transaction, all ratings of the periods that `evaluations` covers:
    /// the file is the HR system's full export of those periods. Other periods stay.
    public func replaceEvaluations(_ evaluations: [Evaluation], run: ImportRun) throws(StoreError) -> EvaluationChanges {
        try replaceEvaluations(evaluations, run: run, decide: { _ in true }).changes
    }

    /// The same, applied only when `decide` approves of its impact (else nothing changes):
    /// `before` counts the staff rated in the covered periods, `removed` those of them the
    /// file leaves without a rating there, `changed` those whose ratings differ.
    public func replaceEvaluations(
        _ evaluations: [Evaluation], run: ImportRun, decide: ImportDecision
    ) throws(StoreError) -> (changes: EvaluationChanges, impact: ImportImpact, applied: Bool) {
        let ((changes, impact), applied) = try writeCommittingIf { db in
            var changes = EvaluationChanges()
            changes.periods = Set(evaluations.map(\.period)).sorted()
            // Each rating as one integer (ability, rater, score), each person's period as the
            // sorted list of them: a city's export has a hundred thousand ratings.
            var raters: [String: Int] = [:]
            func rating(_ ability: Int, _ rater: String, _ score: Int) -> Int {
                let code: Int
                if let known = raters[rater] {
                    code = known
                } else {
                    code = raters.count
                    raters[rater] = code
                }
                return (ability * 1_000 + code) * 1_000 + score
            }
            var incoming: [RatedKey: [Int]] = [:]
            for evaluation in evaluations {
                incoming[RatedKey(staffID: evaluation.staffID, period: evaluation.period), default: []]
                    .append(rating(evaluation.ability, evaluation.rater.rawValue, evaluation.score))
            }
            var stored: [RatedKey: [Int]] = [:]
            for period in changes.periods {
                let rows = try Row.fetchCursor(db, sql: "SELECT staff_id, ability, rater, score FROM evaluation WHERE period = ?",
                                               arguments: [period])
                while let row = try rows.next() {
                    stored[RatedKey(staffID: row[0], period: period), default: []]
                        .append(rating(row[1], row[2], row[3]))
                }
            }
            var removedStaff = Set<String>()
            var changedStaff = Set<String>()
            for (key, ratings) in stored {
                guard let new = incoming[key] else {
                    removedStaff.insert(key.staffID)
                    continue
                }
                if ratings.sorted() != new.sorted() { changedStaff.insert(key.staffID) }
            }
            let impact = ImportImpact(before: Set(stored.keys.map(\.staffID)).count, removed: removedStaff.count,
                                      changed: changedStaff.subtracting(removedStaff).count)
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
            for period in changes.periods {
                try db.execute(sql: "INSERT OR IGNORE INTO evaluation_period (period) VALUES (?)", arguments: [period])
            }
            try KenshuStore.noteDataChanged(db)
            var logged = run
            logged.summary = changes.description
            try logged.insert(db)
            return ((changes, impact), decide(impact))
        }
        return (changes, impact, applied)
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
        try latestEvaluations(filter: "", arguments: [])
    }

    /// The ratings of the latest period (the latest any rating in the store has) of the staff
    /// with `ids`, by staff id.
    public func latestEvaluations(staffIDs ids: [String]) throws(StoreError) -> [String: [Evaluation]] {
        guard !ids.isEmpty else { return [:] }
        return try latestEvaluations(filter: " AND staff_id IN (\(ids.map { _ in "?" }.joined(separator: ",")))",
                                     arguments: StatementArguments(ids))
    }

    private func latestEvaluations(filter: String, arguments: StatementArguments) throws(StoreError) -> [String: [Evaluation]] {
        let records = try read { db in
            try EvaluationRecord.filter(sql: "period = (SELECT MAX(period) FROM evaluation_period)" + filter, arguments: arguments)
                .fetchAll(db)
        }
        var result: [String: [Evaluation]] = [:]
        for record in records { result[record.staffId, default: []].append(try record.evaluation()) }
        return result
    }
}

/// One person's ratings of one period.
private struct RatedKey: Hashable {
    var staffID: String
    var period: Int
}
