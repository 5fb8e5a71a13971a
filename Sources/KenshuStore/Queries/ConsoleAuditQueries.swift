import Foundation
import GRDB

/// One line of the HR console's audit log (監査ログ): who did what, when, from where.
public struct ConsoleAuditEntry: Sendable, Equatable, Codable {
    public var at: Date
    /// The console account (the name tried, for a failed login).
    public var account: String
    /// The client's address as the console saw it.
    public var address: String
    /// What happened, e.g. `login`, `login-failed`, `logout`.
    public var action: String
    /// More about it, in Japanese (may be empty).
    public var detail: String

    public init(at: Date, account: String, address: String, action: String, detail: String) {
        self.at = at
        self.account = account
        self.address = address
        self.action = action
        self.detail = detail
    }
}

extension KenshuStore {
    /// Appends `entry` to the console's audit log (needs a store opened read-write).
    public func appendConsoleAudit(_ entry: ConsoleAuditEntry) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: "INSERT INTO console_audit (at, account, address, action, detail) VALUES (?, ?, ?, ?, ?)",
                arguments: [entry.at, entry.account, entry.address, entry.action, entry.detail])
        }
    }

    /// The newest `limit` entries of the console's audit log, newest first.
    public func consoleAudit(limit: Int) throws(StoreError) -> [ConsoleAuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT at, account, address, action, detail FROM console_audit ORDER BY id DESC LIMIT ?",
                             arguments: [limit])
                .map { row in
                    ConsoleAuditEntry(at: row["at"], account: row["account"], address: row["address"],
                                      action: row["action"], detail: row["detail"])
                }
        }
    }
}
