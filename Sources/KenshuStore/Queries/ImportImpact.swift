import GRDB

/// What a staff-data import would do to what is stored, beyond its counts: what the import
/// review weighs before it is applied (a renamed column blanking a field for everyone, a
/// truncated roster deactivating half the staff).
public struct ImportImpact: Sendable, Equatable, Codable {
    /// Records of the kind stored before that the import concerns: active staff (roster);
    /// staff rated in the periods the file covers (evaluations); known trainings the file
    /// lists again (history).
    public var before = 0
    /// Of those, how many it takes away: staff no longer listed (deactivated); staff left
    /// without ratings for a period they had them in.
    public var removed = 0
    /// Of those, how many it changes.
    public var changed = 0
    /// Per field (the column's key, `hired_on`): what happens to it among the records kept.
    public var fields: [String: FieldImpact] = [:]

    public init(before: Int = 0, removed: Int = 0, changed: Int = 0, fields: [String: FieldImpact] = [:]) {
        self.before = before
        self.removed = removed
        self.changed = changed
        self.fields = fields
    }

    /// Notes one field of one kept record, as it was and as it would be.
    mutating func note(_ field: String, old: String?, new: String?) {
        let wasFilled = !(old ?? "").isEmpty
        let isFilled = !(new ?? "").isEmpty
        guard wasFilled || isFilled else { return }
        var impact = fields[field] ?? FieldImpact()
        if wasFilled { impact.filled += 1 }
        if wasFilled && !isFilled { impact.blanked += 1 }
        if (old ?? "") != (new ?? "") { impact.changed += 1 }
        fields[field] = impact
    }
}

/// One field's part of an `ImportImpact`.
public struct FieldImpact: Sendable, Equatable, Codable {
    /// Records that had the field filled.
    public var filled = 0
    /// Of those, how many would have it blank.
    public var blanked = 0
    /// Records whose value would change (blanked included).
    public var changed = 0

    public init(filled: Int = 0, blanked: Int = 0, changed: Int = 0) {
        self.filled = filled
        self.blanked = blanked
        self.changed = changed
    }
}

/// Whether an import goes ahead once its impact is known.
public typealias ImportDecision = @Sendable (ImportImpact) -> Bool

extension KenshuStore {
    /// Runs `body` in one transaction, committed only when the `Bool` it returns is true (an
    /// import held back by its review, or a dry run, leaves the store as it was).
    func writeCommittingIf<T>(_ body: (Database) throws -> (T, Bool)) throws(StoreError) -> (T, Bool) {
        do {
            return try writer.writeWithoutTransaction { db in
                var outcome: (T, Bool)?
                try db.inTransaction {
                    let result = try body(db)
                    outcome = result
                    return result.1 ? .commit : .rollback
                }
                guard let outcome else { throw StoreError.database("the import's transaction ended without a result") }
                return outcome
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(String(describing: error))
        }
    }
}
