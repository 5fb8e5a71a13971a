import Foundation
import KenshuConfig
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

    /// The export's name as the policy and the HR office call it.
    public var japaneseName: String {
        switch self {
        case .roster: "職員名簿"
        case .evaluations: "人事評価"
        case .history: "研修履歴"
        }
    }
}

/// What an import did, for the command's summary and `--json`.
public struct StaffImportSummary: Sendable, Codable, Equatable {
    public var kind: StaffDataKind
    public var file: String
    public var encoding: String
    /// Data rows read.
    public var rows: Int
    /// What changed, in words (`追加 3・更新 12・…`).
    public var changes: String
    /// Header cells that named no known column and were skipped.
    public var ignoredColumns: [String]
    /// What the import changes, weighed against the threshold.
    public var review: StaffImportReview?
    /// False for a dry run: the summary says what the import would do; nothing was stored.
    public var applied: Bool = true
    /// The very file the store's data came from: recognised by its fingerprint, not read.
    public var unchanged: Bool = false
}

/// How an import of one export is run.
public struct StaffImportOptions: Sendable {
    public var encoding: TextEncodingChoice
    /// The threshold and the columns the exports lack (`data.review`, `data.absentColumns`).
    public var review: ImportReviewSettings
    /// Apply the import even when its review would hold it back (`--accept`).
    public var accept: Bool
    /// Work out and report what the import would change, and store nothing (`--dry-run`).
    public var dryRun: Bool
    /// What the import log names as the file (the console: the uploaded file's name, not the
    /// folder it was received into); the path when nil.
    public var source: String?

    public init(encoding: TextEncodingChoice = .auto, review: ImportReviewSettings = ImportReviewSettings(),
                accept: Bool = false, dryRun: Bool = false) {
        self.encoding = encoding
        self.review = review
        self.accept = accept
        self.dryRun = dryRun
    }
}

/// An import that was not applied; the store is as it was before.
public enum StaffImportError: Error, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case invalid(InputErrors)
    /// Its review held it back: it would change too much of what is stored.
    case held(path: String, StaffImportReview)
    case store(StoreError)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): \(reason)"
        case .invalid(let errors): errors.description
        case .held(let path, let review): "\(path): \(review.description)"
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
        try importFile(kind, path: path, options: StaffImportOptions(encoding: encoding))
    }

    /// Imports the file as `options` say: checked whole, then reviewed against what is
    /// stored, then applied in one transaction, unless the review holds it back or it is a
    /// dry run.
    public func importFile(
        _ kind: StaffDataKind, path: String, options: StaffImportOptions
    ) throws(StaffImportError) -> StaffImportSummary {
        var detected: DetectedEncoding?
        let outcome: (summary: StaffImportSummary, applied: Bool)
        do {
            // The file's bytes and text live only while its records are read: a city's
            // ratings export is a hundred megabytes, held three times over otherwise.
            switch try records(kind, path: path, options: options, detected: &detected) {
            case .sameAsLastImport(let summary):
                return summary
            case .records(let records, let encoding, let fingerprint):
                outcome = try apply(kind, records: records, path: path, encoding: encoding, fingerprint: fingerprint, options: options)
            }
        } catch let error as StaffImportError {
            throw error
        } catch let error as InputError {
            throw fail(kind, path: path, source: options.source, encoding: detected, errors: InputErrors([error]))
        } catch let errors as InputErrors {
            throw fail(kind, path: path, source: options.source, encoding: detected, errors: errors)
        } catch let error as StoreError {
            throw .store(error)
        } catch {
            throw .store(.database(String(describing: error)))
        }
        if !outcome.applied && !options.dryRun, let review = outcome.summary.review {
            try? store.recordImport(ImportRun(
                kind: kind.rawValue, source: options.source ?? path, encoding: detected?.rawValue, rows: outcome.summary.rows,
                summary: "保留（理由 \(review.reasons.count) 件）", succeeded: false,
                message: review.reasons.joined(separator: "; "), finishedAt: now()))
            throw .held(path: path, review)
        }
        return outcome.summary
    }

    /// The summary of an import of the very file the store's data of `kind` came from (the
    /// same size and content hash as its last successful import): nothing to parse or change.
    /// Logged as a successful import, so that status shows it was looked at.
    /// What reading a file gave: the same file as the last import of its kind, or its records.
    private enum ReadFile {
        case sameAsLastImport(StaffImportSummary)
        case records([CSVRecord], DetectedEncoding, fingerprint: String)
    }

    /// The file's records, decoded and parsed (or that it is the file last imported).
    private func records(
        _ kind: StaffDataKind, path: String, options: StaffImportOptions, detected: inout DetectedEncoding?
    ) throws -> ReadFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read (a folder, or permissions?)" : "no such file"
            throw StaffImportError.unreadable(path: path, reason: reason)
        }
        let bytes = [UInt8](data)
        let fingerprint = FileFingerprint.of(bytes)
        if let same = try sameAsLastImport(kind, path: path, fingerprint: fingerprint, options: options) {
            return .sameAsLastImport(same)
        }
        let decoded = try TextDecoding.decode(bytes, as: options.encoding, file: path)
        detected = decoded.encoding
        return .records(try CSVReader(text: decoded.text, file: path).records(), decoded.encoding, fingerprint: fingerprint)
    }

    private func sameAsLastImport(
        _ kind: StaffDataKind, path: String, fingerprint: String, options: StaffImportOptions
    ) throws(StaffImportError) -> StaffImportSummary? {
        let last: ImportRun?
        do {
            last = try store.latestSuccessfulImport(kind: kind.rawValue)
        } catch {
            throw .store(error)
        }
        guard let last, last.fingerprint == fingerprint else { return nil }
        let changes = "前回の取込と同じ内容のファイルのため、読み込みを省きました（変更なし）"
        if !options.dryRun {
            do {
                try store.recordImport(ImportRun(kind: kind.rawValue, source: options.source ?? path, encoding: last.encoding, rows: last.rows,
                                                 summary: changes, succeeded: true, finishedAt: now(), fingerprint: fingerprint))
            } catch {
                throw .store(error)
            }
        }
        return StaffImportSummary(kind: kind, file: path, encoding: last.encoding ?? "", rows: last.rows, changes: changes,
                                  ignoredColumns: [], review: nil, applied: !options.dryRun, unchanged: true)
    }

    private func apply(
        _ kind: StaffDataKind, records: [CSVRecord], path: String, encoding: DetectedEncoding, fingerprint: String,
        options: StaffImportOptions
    ) throws -> (summary: StaffImportSummary, applied: Bool) {
        let columns: [ColumnSpec] = switch kind {
        case .roster: RosterParser.columns
        case .evaluations: EvaluationsParser.columns
        case .history: HistoryParser.columns
        }
        let table = try CSVTable(records: records, columns: columns, file: path,
                                 absent: options.review.absentColumns[kind.rawValue] ?? [], kind: kind.rawValue)
        let run = ImportRun(kind: kind.rawValue, source: options.source ?? path, encoding: encoding.rawValue, rows: table.rows.count,
                            summary: "", succeeded: true, finishedAt: now(), fingerprint: fingerprint)
        let threshold = options.review.threshold
        let decide: ImportDecision = { [accept = options.accept, dryRun = options.dryRun] impact in
            !dryRun && (accept || !StaffImportReview(kind: kind, impact: impact, threshold: threshold, columns: columns).isHeld)
        }
        let changes: String
        let impact: ImportImpact
        let applied: Bool
        switch kind {
        case .roster:
            let members = try RosterParser(catalog: catalog).parse(table)
            let result = try store.replaceRoster(members, run: run, decide: decide)
            (changes, impact, applied) = (result.changes.description, result.impact, result.applied)
        case .evaluations:
            let evaluations = try EvaluationsParser(abilities: AbilityIndex(catalog.abilities), knownStaff: try store.staffIDs()).parse(table)
            let result = try store.replaceEvaluations(evaluations, run: run, decide: decide)
            (changes, impact, applied) = (result.changes.description, result.impact, result.applied)
        case .history:
            let records = try HistoryParser(knownStaff: try store.staffIDs()).parse(table)
            let result = try store.mergeHistory(records, run: run, decide: decide)
            (changes, impact, applied) = (result.changes.description, result.impact, result.applied)
        }
        let review = StaffImportReview(kind: kind, impact: impact, threshold: threshold, columns: columns)
        let summary = StaffImportSummary(kind: kind, file: path, encoding: encoding.rawValue, rows: table.rows.count,
                                         changes: changes, ignoredColumns: table.ignoredColumns, review: review, applied: applied)
        return (summary, applied)
    }

    /// Logs the rejected import (best effort: the store being unwritable must not hide the
    /// file's own errors) and returns the error to throw.
    /// `source`: what the log names as the file, also in the message (the path when nil).
    private func fail(_ kind: StaffDataKind, path: String, source: String?, encoding: DetectedEncoding?, errors: InputErrors)
        -> StaffImportError
    {
        var first = errors.errors.first?.description ?? "rejected"
        if let source { first = first.replacingOccurrences(of: path, with: source) }
        let count = errors.errors.count + errors.omitted
        let run = ImportRun(kind: kind.rawValue, source: source ?? path, encoding: encoding?.rawValue, rows: 0,
                            summary: "取込不可（エラー \(count) 件）", succeeded: false, message: first, finishedAt: now())
        try? store.recordImport(run)
        return .invalid(errors)
    }
}
