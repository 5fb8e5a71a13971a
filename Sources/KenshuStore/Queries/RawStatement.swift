import GRDB
internal import GRDBSQLite

/// One prepared SQLite statement of the catalogue import, bound straight from Swift values
/// (no `StatementArguments` boxing every value): a feed runs it for each of a million
/// courses. Used inside the import's transaction only, on its connection; finalised when
/// released.
final class RawStatement {
    private let connection: OpaquePointer
    private let statement: OpaquePointer
    let sql: String

    init(_ db: Database, sql: String) throws {
        guard let connection = db.sqliteConnection else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE, message: "the database connection is closed", sql: sql)
        }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)),
                                sql: sql)
        }
        self.connection = connection
        self.statement = statement
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(statement)
    }

    /// SQLite copies what is bound (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// Binds parameter `index` (1-based) to text, or NULL.
    func bind(_ index: Int32, _ text: String?) {
        guard var text else {
            sqlite3_bind_null(statement, index)
            return
        }
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { bindText(index, $0) }
        }
    }

    /// Binds parameter `index` to text given as UTF-8 bytes (copied).
    func bind(_ index: Int32, utf8 bytes: UnsafeBufferPointer<UInt8>) {
        bytes.withMemoryRebound(to: CChar.self) { bindText(index, $0) }
    }

    private func bindText(_ index: Int32, _ chars: UnsafeBufferPointer<CChar>) {
        // A pointer even for "": SQLite binds NULL for a nil one.
        if let base = chars.baseAddress {
            sqlite3_bind_text(statement, index, base, Int32(chars.count), Self.transient)
        } else {
            sqlite3_bind_text(statement, index, "", 0, Self.transient)
        }
    }

    func bind(_ index: Int32, _ value: Int64) {
        sqlite3_bind_int64(statement, index, value)
    }

    /// Runs a statement that returns no rows; returns how many rows it changed.
    @discardableResult
    func execute() throws -> Int {
        defer { sqlite3_reset(statement) }
        let code = sqlite3_step(statement)
        guard code == SQLITE_DONE else { throw error(code) }
        return Int(sqlite3_changes(connection))
    }

    /// Runs a query and returns the first column of its first row as an integer; nil when
    /// there is no row.
    func integer() throws -> Int64? {
        defer { sqlite3_reset(statement) }
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return sqlite3_column_int64(statement, 0)
        case SQLITE_DONE: return nil
        case let code: throw error(code)
        }
    }

    private func error(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }
}
