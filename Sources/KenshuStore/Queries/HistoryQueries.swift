import GRDB
import KenshuCore

/// What a history import changed.
public struct HistoryChanges: Sendable, Equatable, CustomStringConvertible {
    public var added = 0
    /// Known trainings whose report date (復命書提出日) changed.
    public var updated = 0
    public var unchanged = 0

    public var description: String { "added \(added), updated \(updated), unchanged \(unchanged)" }
}

extension KenshuStore {
    /// Merges training records in one transaction: history accumulates, so records not in
    /// the file stay; a known record (same person, provider, course, title, date) gets the
    /// file's report date.
    public func mergeHistory(_ records: [TrainingRecord], run: ImportRun) throws(StoreError) -> HistoryChanges {
        try write { db in
            var changes = HistoryChanges()
            for record in records {
                let row = TrainingHistoryRecord(record)
                let existing = try TrainingHistoryRecord
                    .filter(Column("staff_id") == row.staffId && Column("provider") == row.provider
                        && Column("course_id") == row.courseId && Column("title") == row.title
                        && Column("completed_on") == row.completedOn)
                    .fetchOne(db)
                if var existing {
                    if existing.reportFiledOn == row.reportFiledOn {
                        changes.unchanged += 1
                    } else {
                        existing.reportFiledOn = row.reportFiledOn
                        try existing.update(db)
                        changes.updated += 1
                    }
                } else {
                    try row.insert(db)
                    changes.added += 1
                }
            }
            var logged = run
            logged.summary = changes.description
            try logged.insert(db)
            return changes
        }
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
}
