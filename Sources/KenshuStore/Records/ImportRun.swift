import Foundation
import GRDB

/// One import of an HR export (roster, evaluations, history), kept for `status`:
/// what was read, what changed, and whether it was applied.
public struct ImportRun: Sendable, Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "import_run"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public var id: Int64?
    /// `roster`, `evaluations`, `history`.
    public var kind: String
    /// The file imported.
    public var source: String
    /// The encoding it was read in.
    public var encoding: String?
    /// Data rows read.
    public var rows: Int
    /// What changed, e.g. `追加 3・更新 12・変更なし 400・名簿から外れた 1・名簿に戻った 0` (stores
    /// written before 2026-12 have it in English: see `ImportSummaryText`).
    public var summary: String
    public var succeeded: Bool
    /// The error, when it failed.
    public var message: String?
    public var finishedAt: Date
    /// The file's `FileFingerprint`, for a successful import.
    public var fingerprint: String?

    public init(kind: String, source: String, encoding: String?, rows: Int, summary: String,
                succeeded: Bool, message: String? = nil, finishedAt: Date, fingerprint: String? = nil) {
        self.kind = kind
        self.source = source
        self.encoding = encoding
        self.rows = rows
        self.summary = summary
        self.succeeded = succeeded
        self.message = message
        self.finishedAt = finishedAt
        self.fingerprint = fingerprint
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
