import GRDB
import KenshuCore

/// What a history import changed.
public struct HistoryChanges: Sendable, Equatable, CustomStringConvertible {
    public var added = 0
    /// Known trainings whose report date (復命書提出日) changed.
    public var updated = 0
    public var unchanged = 0

    public var description: String { "追加 \(added)・更新 \(updated)・変更なし \(unchanged)" }
}

/// The identity of a completed training: who, where, which course, and when.
private struct HistoryKey: Hashable {
    var staffID: String
    var provider: String
    var courseID: String
    var title: String
    var completedOn: String
}

extension KenshuStore {
    /// Merges training records in one transaction: history accumulates, so records not in
    /// the file stay; a known record (same person, provider, course, title, date) gets the
    /// file's report date.
    public func mergeHistory(_ records: [TrainingRecord], run: ImportRun) throws(StoreError) -> HistoryChanges {
        try mergeHistory(records, run: run, decide: { _ in true }).changes
    }

    /// The same, applied only when `decide` approves of its impact (else nothing changes):
    /// `before` counts the known trainings the file lists again, `changed` those whose report
    /// date it changes, and `fields["report_filed_on"]` those it would blank.
    public func mergeHistory(
        _ records: [TrainingRecord], run: ImportRun, decide: ImportDecision
    ) throws(StoreError) -> (changes: HistoryChanges, impact: ImportImpact, applied: Bool) {
        let ((changes, impact), applied) = try writeCommittingIf { db in
            var changes = HistoryChanges()
            var impact = ImportImpact()
            // The report date of every known training, by its identity, read once.
            var known: [HistoryKey: (id: Int64, reportFiledOn: String?)] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, staff_id, provider, course_id, title, completed_on, report_filed_on FROM training_history
                """)
            while let row = try rows.next() {
                let key = HistoryKey(staffID: row["staff_id"], provider: row["provider"], courseID: row["course_id"],
                                     title: row["title"], completedOn: row["completed_on"])
                known[key] = (row["id"], row["report_filed_on"])
            }
            let insert = try db.cachedStatement(sql: """
                INSERT INTO training_history (staff_id, provider, course_id, title, completed_on, report_filed_on)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
            let update = try db.cachedStatement(sql: "UPDATE training_history SET report_filed_on = ? WHERE id = ?")
            for record in records {
                let completed = record.completedOn.description
                let filed = record.reportFiledOn?.description
                let key = HistoryKey(staffID: record.staffID, provider: record.provider, courseID: record.courseID,
                                     title: record.title, completedOn: completed)
                if let existing = known[key] {
                    impact.before += 1
                    impact.note("report_filed_on", old: existing.reportFiledOn, new: filed)
                    if existing.reportFiledOn == filed {
                        changes.unchanged += 1
                    } else {
                        try update.execute(arguments: [filed, existing.id])
                        changes.updated += 1
                    }
                } else {
                    try insert.execute(arguments: [record.staffID, record.provider, record.courseID, record.title,
                                                   completed, filed])
                    changes.added += 1
                }
            }
            impact.changed = changes.updated
            if changes.added + changes.updated > 0 { try KenshuStore.noteDataChanged(db) }
            var logged = run
            logged.summary = changes.description
            try logged.insert(db)
            return ((changes, impact), decide(impact))
        }
        return (changes, impact, applied)
    }

    /// Completed trainings of one member of staff, oldest first.
    public func history(staffID: String) throws(StoreError) -> [TrainingRecord] {
        let rows = try read { db in
            try TrainingHistoryRecord.filter(Column("staff_id") == staffID).order(Column("completed_on")).fetchAll(db)
        }
        var result: [TrainingRecord] = []
        for row in rows { result.append(try row.trainingRecord()) }
        return result
    }

    /// The completed trainings of the staff with `ids`, oldest first, by staff id.
    public func history(staffIDs ids: [String]) throws(StoreError) -> [String: [TrainingRecord]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try read { db in
            try TrainingHistoryRecord.filter(ids.contains(Column("staff_id"))).order(Column("completed_on")).fetchAll(db)
        }
        var result: [String: [TrainingRecord]] = [:]
        for row in rows { result[row.staffId, default: []].append(try row.trainingRecord()) }
        return result
    }

    /// Everyone's completed trainings, by staff id.
    public func historyByStaff() throws(StoreError) -> [String: [TrainingRecord]] {
        let rows = try read { db in try TrainingHistoryRecord.order(Column("completed_on")).fetchAll(db) }
        var result: [String: [TrainingRecord]] = [:]
        for row in rows { result[row.staffId, default: []].append(try row.trainingRecord()) }
        return result
    }
}
