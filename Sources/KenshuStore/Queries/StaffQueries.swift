import Foundation
import GRDB
import KenshuCore

/// What a roster import changed.
public struct RosterChanges: Sendable, Equatable, CustomStringConvertible {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    /// No longer listed: kept with their history, marked inactive.
    public var deactivated = 0
    /// Listed again after having been inactive.
    public var reactivated = 0

    public var description: String {
        "追加 \(added)・更新 \(updated)・変更なし \(unchanged)・名簿から外れた \(deactivated)・名簿に戻った \(reactivated)"
    }
}

extension KenshuStore {
    /// Replaces the roster with `members` in one transaction: new staff are added, changed
    /// ones updated, staff no longer listed marked inactive (never deleted). The import run
    /// is logged in the same transaction.
    public func replaceRoster(_ members: [StaffMember], run: ImportRun) throws(StoreError) -> RosterChanges {
        try replaceRoster(members, run: run, decide: { _ in true }).changes
    }

    /// The same, applied only when `decide` approves of its impact (else nothing changes).
    public func replaceRoster(
        _ members: [StaffMember], run: ImportRun, decide: ImportDecision
    ) throws(StoreError) -> (changes: RosterChanges, impact: ImportImpact, applied: Bool) {
        let ((changes, impact), applied) = try writeCommittingIf { db in
            let now = run.finishedAt
            var existing = Dictionary(uniqueKeysWithValues: try StaffRecord.fetchAll(db).map { ($0.id, $0) })
            var changes = RosterChanges()
            var impact = ImportImpact(before: existing.values.filter(\.active).count)
            for member in members {
                var record = StaffRecord(member, updatedAt: now)
                record.active = true
                if let old = existing.removeValue(forKey: member.id) {
                    if old.active { old.noteFields(to: record, in: &impact) }
                    if old.sameData(as: record) {
                        changes.unchanged += 1
                        continue
                    }
                    if !old.active { changes.reactivated += 1 } else { changes.updated += 1 }
                    try record.update(db)
                } else {
                    changes.added += 1
                    try record.insert(db)
                }
            }
            for var old in existing.values where old.active {
                old.active = false
                old.updatedAt = now
                try old.update(db)
                changes.deactivated += 1
            }
            impact.removed = changes.deactivated
            if changes.added + changes.updated + changes.reactivated + changes.deactivated > 0 {
                try KenshuStore.noteDataChanged(db)
            }
            impact.changed = changes.updated
            var logged = run
            logged.summary = changes.description
            try logged.insert(db)
            return ((changes, impact), decide(impact))
        }
        return (changes, impact, applied)
    }

    /// Every member of staff, active or not, by id.
    public func allStaff() throws(StoreError) -> [StaffMember] {
        try members(try read { db in try StaffRecord.order(Column("id")).fetchAll(db) })
    }

    /// The staff with `ids` that the store knows (active or not), by id.
    public func staff(ids: [String]) throws(StoreError) -> [StaffMember] {
        guard !ids.isEmpty else { return [] }
        return try members(try read { db in
            try StaffRecord.filter(ids.contains(Column("id"))).order(Column("id")).fetchAll(db)
        })
    }

    /// The active staff whose 上司 is `managerID`, by id.
    public func activeTeam(of managerID: String) throws(StoreError) -> [StaffMember] {
        try members(try read { db in
            try StaffRecord.filter(Column("manager_id") == managerID && Column("active") == true).order(Column("id")).fetchAll(db)
        })
    }

    private func members(_ records: [StaffRecord]) throws(StoreError) -> [StaffMember] {
        var members: [StaffMember] = []
        members.reserveCapacity(records.count)
        for record in records { members.append(try record.member()) }
        return members
    }

    /// Ids of all staff the store knows (active or not).
    public func staffIDs() throws(StoreError) -> Set<String> {
        Set(try read { db in try String.fetchAll(db, sql: "SELECT id FROM staff") })
    }
}

/// A member of staff as a search lists them.
public struct StaffSearchHit: Sendable, Equatable {
    public var id: String
    public var name: String
    public var department: String
    public var title: String
    public var active: Bool
}

extension KenshuStore {
    /// Staff whose id is `text` or starts with it, or whose name contains it (spaces ignored),
    /// by id, at most `limit`.
    public func searchStaff(_ text: String, limit: Int) throws(StoreError) -> [StaffSearchHit] {
        let plain = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{3000}", with: "")
        guard !plain.isEmpty else { return [] }
        let escaped = plain.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, name, department, title, active FROM staff
                WHERE id LIKE ? ESCAPE '\\' OR replace(replace(name, ' ', ''), '\u{3000}', '') LIKE ? ESCAPE '\\'
                ORDER BY id LIMIT ?
                """, arguments: [escaped + "%", "%" + escaped + "%", limit])
                .map { row in
                    StaffSearchHit(id: row["id"], name: row["name"], department: row["department"], title: row["title"],
                                   active: row["active"])
                }
        }
    }
}
