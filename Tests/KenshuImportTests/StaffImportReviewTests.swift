import Foundation
import KenshuConfig
import KenshuCore
import KenshuStore
import KenshuTesting
import Testing
@testable import KenshuImport

/// Import guards: a known column missing or renamed is refused naming it; an import that
/// would blank a field, or deactivate or change more than the threshold's share of what is
/// stored, is held back with a summary until accepted; a dry run stores nothing.
struct StaffImportReviewTests {
    let catalog: PolicyCatalog
    /// Removed after each test.
    let scratch: TemporaryFolder
    let folder: URL
    /// The example city's roster: its header and its rows' fields.
    let rosterHeader: [String]
    let rosterRows: [[String]]

    init() throws {
        catalog = try PolicyCatalogLoader.load(catalogDirectory: RepositoryPaths.root.appendingPathComponent("Catalog").path)
        scratch = try TemporaryFolder("kenshu-review")
        folder = scratch.url
        let text = try String(contentsOfFile: RepositoryPaths.example("roster.csv"), encoding: .utf8)
        let records = try CSVReader(text: text, file: "roster.csv").records().map { $0.fields.map(\.value) }
        rosterHeader = records[0]
        rosterRows = Array(records.dropFirst())
    }

    func file(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The example roster without the column at `index` (header and every row).
    func rosterWithout(column index: Int) -> String {
        Self.csv(([rosterHeader] + rosterRows).map { fields in fields.enumerated().filter { $0.offset != index }.map(\.element) })
    }

    /// Records as CSV, each field quoted.
    static func csv(_ records: [[String]]) -> String {
        records.map { fields in
            fields.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }

    func importRoster(_ store: KenshuStore, _ path: String, absent: [String] = [], threshold: Double = 0.1,
                      accept: Bool = false, dryRun: Bool = false) throws(StaffImportError) -> StaffImportSummary {
        let review = ImportReviewSettings(threshold: threshold, absentColumns: ["roster": absent])
        return try StaffDataImporter(store: store, catalog: catalog)
            .importFile(.roster, path: path, options: StaffImportOptions(review: review, accept: accept, dryRun: dryRun))
    }

    func exampleStore() throws -> KenshuStore {
        let store = try KenshuStore.inMemory()
        _ = try importRoster(store, RepositoryPaths.example("roster.csv"))
        return store
    }

    @Test func aRenamedColumnIsRefusedNamingItWithADidYouMean() throws {
        let store = try exampleStore()
        let before = try store.allStaff()
        let text = try String(contentsOfFile: RepositoryPaths.example("roster.csv"), encoding: .utf8)
        let path = try file("renamed.csv", text.replacingOccurrences(of: "採用日", with: "採用年月日"))
        #expect {
            _ = try importRoster(store, path)
        } throws: { error in
            guard case StaffImportError.invalid(let errors) = error, let first = errors.errors.first else { return false }
            return first.description.contains("採用日 (hired_on)") && first.description.contains("「採用年月日」→「採用日」")
                && first.description.contains("data.absentColumns.roster") && first.location.line == 1
        }
        #expect(try store.allStaff() == before)
    }

    /// Over every column of the example roster: without it the file is refused, naming it,
    /// and with the column declared absent, an import that would blank a field that at least
    /// two staff have filled is held back naming the field, and nothing changes.
    @Test func everyColumnOfTheExampleRosterIsGuarded() throws {
        let store = try exampleStore()
        let before = try store.allStaff()
        for (index, name) in rosterHeader.enumerated() {
            let path = try file("without-\(index).csv", rosterWithout(column: index))
            let required = RosterParser.columns.first { $0.japanese == name }?.required ?? false
            do {
                _ = try importRoster(store, path)
                Issue.record("\(name): a roster without it was imported")
            } catch {
                guard case .invalid(let errors) = error else { Issue.record("\(name): \(error)"); continue }
                #expect(errors.description.contains(name), "\(errors)")
            }
            guard !required else { continue }
            let filled = rosterRows.filter { !$0[index].isEmpty }.count
            do {
                let summary = try importRoster(store, path, absent: [name])
                #expect(filled < 2, "\(name): filled for \(filled), yet imported: \(summary.changes)")
            } catch {
                guard case .held(_, let review) = error else { Issue.record("\(name): \(error)"); continue }
                #expect(filled >= 2)
                #expect(review.reasons.contains { $0.contains(name) }, "\(name): \(review.reasons)")
                #expect(review.description.contains("--accept"))
            }
            #expect(try store.allStaff() == before, "\(name)")
        }
    }

    @Test func aRosterThatWouldDeactivateMoreThanTheThresholdIsHeldUntilAccepted() throws {
        let store = try exampleStore()
        let before = try store.allStaff()
        let half = try file("half.csv", Self.csv([rosterHeader] + rosterRows.prefix(200)))
        #expect {
            _ = try importRoster(store, half)
        } throws: { error in
            guard case StaffImportError.held(_, let review) = error else { return false }
            return review.impact == ImportImpact(before: 456, removed: 256, changed: 0, fields: review.impact.fields)
                && review.description.contains("在職の職員 456 人のうち 256 人を名簿から外す")
        }
        #expect(try store.allStaff() == before)
        let status = try store.latestImports()
        #expect(status.first { $0.kind == "roster" }?.succeeded == false)

        let dryRun = try importRoster(store, half, dryRun: true)
        #expect(!dryRun.applied)
        #expect(dryRun.review?.isHeld == true)
        #expect(try store.allStaff() == before)

        #expect(try importRoster(store, half, threshold: 0.6).applied)
        #expect(try store.allStaff().filter(\.active).count == 200)
    }

    @Test func aSmallChangeGoesAhead() throws {
        let store = try exampleStore()
        // 40 of 456 staff leave (8.8 %): under the 10 % threshold.
        let path = try file("most.csv", Self.csv([rosterHeader] + rosterRows.dropLast(40)))
        let summary = try importRoster(store, path)
        #expect(summary.applied)
        #expect(summary.review?.isHeld == false)
        #expect(summary.changes.contains("名簿から外れた 40"))
    }

    @Test func evaluationsThatDropMostStaffOfAPeriodAreHeld() throws {
        let store = try exampleStore()
        let importer = StaffDataImporter(store: store, catalog: catalog)
        _ = try importer.importFile(.evaluations, path: RepositoryPaths.example("evaluations.csv"))
        // The same content in other bytes (CRLF) is read and reviewed: nothing removed or changed.
        let crlf = try file("crlf.csv", try String(contentsOfFile: RepositoryPaths.example("evaluations.csv"), encoding: .utf8)
            .replacingOccurrences(of: "\n", with: "\r\n"))
        let again = try importer.importFile(.evaluations, path: crlf, options: StaffImportOptions())
        #expect(again.review?.impact.removed == 0)
        #expect(again.review?.impact.changed == 0)
        #expect(again.review?.impact.before ?? 0 > 400)
        let lines = try String(contentsOfFile: RepositoryPaths.example("evaluations.csv"), encoding: .utf8).split(separator: "\n")
        let path = try file("few.csv", lines.prefix(50).joined(separator: "\n") + "\n")
        #expect {
            _ = try importer.importFile(.evaluations, path: path, options: StaffImportOptions())
        } throws: { error in
            guard case StaffImportError.held(_, let review) = error else { return false }
            return review.reasons.first?.contains("評価のある職員") == true
        }
    }

    @Test func historyThatBlanksReportDatesIsHeld() throws {
        let store = try exampleStore()
        let importer = StaffDataImporter(store: store, catalog: catalog)
        _ = try importer.importFile(.history, path: RepositoryPaths.example("history.csv"))
        let text = try String(contentsOfFile: RepositoryPaths.example("history.csv"), encoding: .utf8)
        let records = try CSVReader(text: text, file: "history.csv").records().map { $0.fields.map(\.value) }
        let blanked = records.dropFirst().map { fields in Array(fields.dropLast()) + [""] }
        let path = try file("blank.csv", Self.csv([records[0]] + blanked))
        #expect {
            _ = try importer.importFile(.history, path: path, options: StaffImportOptions())
        } throws: { error in
            guard case StaffImportError.held(_, let review) = error else { return false }
            return review.reasons.contains { $0.contains("復命書提出日") }
        }
        let accepted = try importer.importFile(.history, path: path, options: StaffImportOptions(accept: true))
        #expect(accepted.applied)
    }
}
