import Foundation
import KenshuCore
import KenshuStore

/// The HR system's exports Kenshu imports.
public enum StaffDataKind: String, Sendable, CaseIterable, Codable {
    /// 職員名簿.
    case roster
    /// 人事評価.
    case evaluations
    /// 研修履歴.
    case history
}

/// What an import did, for the command's summary and `--json`.
public struct StaffImportSummary: Sendable, Codable, Equatable {
    public var kind: StaffDataKind
    public var file: String
    public var encoding: String
    /// Data rows read.
    public var rows: Int
    /// What changed, in words (`added 3, updated 12, …`).
    public var changes: String
    /// Header cells that named no known column and were skipped.
    public var ignoredColumns: [String]
}

/// An import that was not applied; the store is as it was before.
public enum StaffImportError: Error, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case invalid(InputErrors)
    case store(StoreError)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): \(reason)"
        case .invalid(let errors): errors.description
        case .store(let error): error.description
        }
    }
}

/// Imports one CSV export, all or nothing: the whole file is read and checked first, and
/// only a file without errors is applied, in one transaction. A rejected file is logged as
/// a failed import (for `status`) and leaves the data as it was.
public struct StaffDataImporter: Sendable {
    let store: KenshuStore
    let catalog: PolicyCatalog
    let now: @Sendable () -> Date

    public init(store: KenshuStore, catalog: PolicyCatalog, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.catalog = catalog
        self.now = now
    }

    public func importFile(
        _ kind: StaffDataKind, path: String, encoding: TextEncodingChoice = .auto
    ) throws(StaffImportError) -> StaffImportSummary {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read (a folder, or permissions?)" : "no such file"
            throw .unreadable(path: path, reason: reason)
        }
        var detected: DetectedEncoding?
        do {
            let decoded = try TextDecoding.decode([UInt8](data), as: encoding, file: path)
            detected = decoded.encoding
            let records = try CSVReader(text: decoded.text, file: path).records()
            return try apply(kind, records: records, path: path, encoding: decoded.encoding)
        } catch let error as InputError {
            throw fail(kind, path: path, encoding: detected, errors: InputErrors([error]))
        } catch let errors as InputErrors {
            throw fail(kind, path: path, encoding: detected, errors: errors)
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .store(.database(String(describing: error)))
        }
    }

    private func apply(
        _ kind: StaffDataKind, records: [CSVRecord], path: String, encoding: DetectedEncoding
    ) throws -> StaffImportSummary {
        let columns: [ColumnSpec] = switch kind {
        case .roster: RosterParser.columns
        case .evaluations: EvaluationsParser.columns
        case .history: HistoryParser.columns
        }
        let table = try CSVTable(records: records, columns: columns, file: path)
        let run = ImportRun(kind: kind.rawValue, source: path, encoding: encoding.rawValue, rows: table.rows.count,
                            summary: "", succeeded: true, finishedAt: now())
        let changes: String
        switch kind {
        case .roster:
            let members = try RosterParser(catalog: catalog).parse(table)
            changes = try store.replaceRoster(members, run: run).description
        case .evaluations:
            let evaluations = try EvaluationsParser(abilities: AbilityIndex(catalog.abilities), knownStaff: try store.staffIDs()).parse(table)
            changes = try store.replaceEvaluations(evaluations, run: run).description
        case .history:
            let records = try HistoryParser(knownStaff: try store.staffIDs()).parse(table)
            changes = try store.mergeHistory(records, run: run).description
        }
        return StaffImportSummary(kind: kind, file: path, encoding: encoding.rawValue, rows: table.rows.count,
                                  changes: changes, ignoredColumns: table.ignoredColumns)
    }

    /// Logs the rejected import (best effort: the store being unwritable must not hide the
    /// file's own errors) and returns the error to throw.
    private func fail(_ kind: StaffDataKind, path: String, encoding: DetectedEncoding?, errors: InputErrors) -> StaffImportError {
        let first = errors.errors.first?.description ?? "rejected"
        let count = errors.errors.count + errors.omitted
        let run = ImportRun(kind: kind.rawValue, source: path, encoding: encoding?.rawValue, rows: 0,
                            summary: "rejected: \(count) error(s)", succeeded: false, message: first, finishedAt: now())
        try? store.recordImport(run)
        return .invalid(errors)
    }
}
