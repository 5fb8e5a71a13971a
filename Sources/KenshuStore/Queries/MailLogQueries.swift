import Foundation
import GRDB
import KenshuCore

/// One mail of a week in the ledger that makes spooling exactly once.
public struct MailLogEntry: Sendable, Equatable {
    /// Written before the spool file; settled by reconciliation after a crash.
    public enum State: String, Sendable {
        case writing, spooled
    }

    public var week: String
    /// `staff`, `manager` or `hr`.
    public var kind: String
    /// A staff id, or the HR address.
    public var recipient: String
    /// The spool file's name.
    public var file: String
    public var state: State

    /// How `mailLog(week:)` keys its entries.
    public static func key(kind: String, recipient: String) -> String { kind + "\u{1F}" + recipient }

    public init(week: String, kind: String, recipient: String, file: String, state: State) {
        self.week = week
        self.kind = kind
        self.recipient = recipient
        self.file = file
        self.state = state
    }
}

extension KenshuStore {
    /// The week's ledger, keyed by `MailLogEntry.key(kind:recipient:)`.
    public func mailLog(week: String) throws(StoreError) -> [String: MailLogEntry] {
        let entries = try read { db in
            try Row.fetchAll(db, sql: "SELECT week, kind, recipient, file, state FROM mail_log WHERE week = ?",
                             arguments: [week]).map(Self.mailLogEntry)
        }
        return Dictionary(entries.map { (MailLogEntry.key(kind: $0.kind, recipient: $0.recipient), $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Rows a run left in `writing` (a crash between the ledger and the spool), any week.
    public func unsettledMail() throws(StoreError) -> [MailLogEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT week, kind, recipient, file, state FROM mail_log WHERE state = 'writing'")
                .map(Self.mailLogEntry)
        }
    }

    /// Claims a mail before its file is written (replacing an older row of the same key,
    /// as `--force` does).
    public func beginMail(_ entry: MailLogEntry, at time: Date) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO mail_log (week, kind, recipient, file, state, written_at) VALUES (?, ?, ?, ?, 'writing', ?)
                """, arguments: [entry.week, entry.kind, entry.recipient, entry.file, time])
        }
    }

    /// Claims several mails at once, in one transaction (see `beginMail`).
    public func beginMails(_ entries: [MailLogEntry], at time: Date) throws(StoreError) {
        try write { db in
            let insert = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO mail_log (week, kind, recipient, file, state, written_at) VALUES (?, ?, ?, ?, 'writing', ?)
                """)
            for entry in entries { try insert.execute(arguments: [entry.week, entry.kind, entry.recipient, entry.file, time]) }
        }
    }

    /// The mail's file is in new/.
    public func markMailSpooled(week: String, kind: String, recipient: String) throws(StoreError) {
        try markMailsSpooled([MailLogEntry(week: week, kind: kind, recipient: recipient, file: "", state: .writing)])
    }

    /// The files of these claims (by week, kind and recipient) are in new/: one transaction.
    public func markMailsSpooled(_ entries: [MailLogEntry]) throws(StoreError) {
        try write { db in
            let update = try db.cachedStatement(sql: "UPDATE mail_log SET state = 'spooled' WHERE week = ? AND kind = ? AND recipient = ?")
            for entry in entries { try update.execute(arguments: [entry.week, entry.kind, entry.recipient]) }
        }
    }

    /// Forgets a claim whose file never reached new/, so that the mail is written again.
    public func forgetMail(week: String, kind: String, recipient: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM mail_log WHERE week = ? AND kind = ? AND recipient = ? AND state = 'writing'",
                           arguments: [week, kind, recipient])
        }
    }

    /// Failed deliveries so far of a spool file, and when it may be tried again.
    public func deliveryFailures() throws(StoreError) -> [String: (failures: Int, nextAttempt: Date)] {
        let rows = try read { db in
            try Row.fetchAll(db, sql: "SELECT file, failures, next_attempt_at FROM mail_delivery")
        }
        var result: [String: (failures: Int, nextAttempt: Date)] = [:]
        for row in rows {
            let file: String = row["file"]
            result[file] = (row["failures"], row["next_attempt_at"])
        }
        return result
    }

    /// Records a failed delivery.
    public func recordDeliveryFailure(file: String, failures: Int, error: String, nextAttempt: Date) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO mail_delivery (file, failures, last_error, next_attempt_at) VALUES (?, ?, ?, ?)
                """, arguments: [file, failures, error, nextAttempt])
        }
    }

    /// Clears a file's failures once it was delivered.
    public func clearDeliveryFailures(file: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: "DELETE FROM mail_delivery WHERE file = ?", arguments: [file])
        }
    }

    private static func mailLogEntry(_ row: Row) -> MailLogEntry {
        MailLogEntry(week: row["week"], kind: row["kind"], recipient: row["recipient"], file: row["file"],
                     state: MailLogEntry.State(rawValue: row["state"]) ?? .writing)
    }
}
