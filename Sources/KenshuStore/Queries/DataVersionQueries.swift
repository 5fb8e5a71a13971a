import GRDB

extension KenshuStore {
    /// A number that grows with every change to what the matching reads: staff, ratings,
    /// completed trainings and courses. Two reads that see the same number saw the same data.
    public func dataVersion() throws(StoreError) -> Int {
        try read { db in try Self.dataVersion(db) }
    }

    static func dataVersion(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT version FROM data_version WHERE id = 1") ?? 0
    }

    /// Raises the data version, inside the transaction that changes the data (so a rolled-back
    /// import leaves it as it was).
    static func noteDataChanged(_ db: Database) throws {
        try db.execute(sql: "UPDATE data_version SET version = version + 1 WHERE id = 1")
    }
}
