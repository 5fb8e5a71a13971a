import Foundation
import KenshuCore
import Testing
@testable import KenshuStore

/// The store: all-or-nothing replacement, inactive staff kept, the import log.
struct StoreTests {
    func member(_ id: String, title: String = "主事", department: String = "総務課") -> StaffMember {
        StaffMember(id: id, name: "職員 \(id)", email: "s\(id)@example.jp", family: .general, department: department,
                    section: "", title: title, hiredOn: LocalDate(year: 2020, month: 4, day: 1), rankSince: nil,
                    track: "generalist", digitalTier: nil, mentorTrained: false, managerID: nil, optedOut: false)
    }

    func run(_ kind: String) -> ImportRun {
        ImportRun(kind: kind, source: "\(kind).csv", encoding: "UTF-8", rows: 0, summary: "", succeeded: true, finishedAt: Date())
    }

    @Test func rosterReplacementAddsUpdatesAndDeactivates() throws {
        let store = try KenshuStore.inMemory()
        let first = try store.replaceRoster([member("1"), member("2"), member("3")], run: run("roster"))
        #expect(first == RosterChanges(added: 3))
        let second = try store.replaceRoster([member("1"), member("2", title: "主任")], run: run("roster"))
        #expect(second == RosterChanges(updated: 1, unchanged: 1, deactivated: 1))
        let staff = try store.allStaff()
        #expect(staff.map(\.id) == ["1", "2", "3"])
        #expect(staff.map(\.active) == [true, true, false])
        let third = try store.replaceRoster([member("1"), member("2", title: "主任"), member("3")], run: run("roster"))
        #expect(third == RosterChanges(unchanged: 2, reactivated: 1))
    }

    @Test func reimportingTheSameRosterChangesNothing() throws {
        let store = try KenshuStore.inMemory()
        _ = try store.replaceRoster([member("1"), member("2")], run: run("roster"))
        #expect(try store.replaceRoster([member("1"), member("2")], run: run("roster")) == RosterChanges(unchanged: 2))
    }

    @Test func evaluationsReplaceOnlyThePeriodsInTheFile() throws {
        let store = try KenshuStore.inMemory()
        _ = try store.replaceRoster([member("1")], run: run("roster"))
        _ = try store.replaceEvaluations([
            Evaluation(staffID: "1", ability: 1, score: 3, rater: .primary, period: 2024),
            Evaluation(staffID: "1", ability: 1, score: 2, rater: .primary, period: 2025),
        ], run: run("evaluations"))
        let changes = try store.replaceEvaluations([
            Evaluation(staffID: "1", ability: 2, score: 4, rater: .selfRating, period: 2025),
        ], run: run("evaluations"))
        #expect(changes.periods == [2025])
        #expect(changes.removed == 1)
        let ratings = try store.evaluations(staffID: "1")
        #expect(ratings.map(\.period) == [2024, 2025])
        #expect(ratings.last?.ability == 2)
    }

    @Test func aFailingTransactionLeavesTheStoreAsItWas() throws {
        let store = try KenshuStore.inMemory()
        _ = try store.replaceRoster([member("1")], run: run("roster"))
        // A rating for someone the store does not know breaks the foreign key mid-transaction.
        #expect(throws: StoreError.self) {
            try store.replaceEvaluations([
                Evaluation(staffID: "1", ability: 1, score: 3, rater: .primary, period: 2025),
                Evaluation(staffID: "404", ability: 1, score: 3, rater: .primary, period: 2025),
            ], run: run("evaluations"))
        }
        #expect(try store.evaluations(staffID: "1").isEmpty)
        #expect(try store.latestImports().map(\.kind) == ["roster"])
    }

    @Test func historyMergesAndUpdatesReportDates() throws {
        let store = try KenshuStore.inMemory()
        _ = try store.replaceRoster([member("1")], run: run("roster"))
        let completed = try #require(LocalDate(year: 2026, month: 6, day: 1))
        let record = TrainingRecord(staffID: "1", provider: "市町村アカデミー", courseID: "A-1", title: "政策法務",
                                    completedOn: completed, reportFiledOn: nil)
        #expect(try store.mergeHistory([record], run: run("history")) == HistoryChanges(added: 1))
        var filed = record
        filed.reportFiledOn = completed.adding(days: 7)
        #expect(try store.mergeHistory([filed], run: run("history")) == HistoryChanges(updated: 1))
        #expect(try store.mergeHistory([filed], run: run("history")) == HistoryChanges(unchanged: 1))
        #expect(try store.history(staffID: "1") == [filed])
    }

    @Test func countsAndTheImportLog() throws {
        let store = try KenshuStore.inMemory()
        _ = try store.replaceRoster([member("1"), member("2")], run: run("roster"))
        _ = try store.replaceRoster([member("1")], run: run("roster"))
        try store.recordImport(ImportRun(kind: "roster", source: "bad.csv", encoding: nil, rows: 0, summary: "rejected",
                                         succeeded: false, message: "bad.csv:3:5: …", finishedAt: Date()))
        let counts = try store.counts()
        #expect(counts.staffByFamily["一般職"] == .init(active: 1, inactive: 1))
        let latest = try store.latestImports()
        #expect(latest.count == 1)
        #expect(latest.first?.succeeded == false)
        #expect(try store.latestSuccessfulImports().first?.summary.contains("名簿から外れた 1") == true)
    }

    @Test func opensAFileStoreInWALModeAndReopensIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("state/kenshu.sqlite").path
        do {
            let store = try KenshuStore.open(path: path)
            _ = try store.replaceRoster([member("1")], run: run("roster"))
        }
        let reopened = try KenshuStore.open(path: path)
        #expect(try reopened.allStaff().count == 1)
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
    }
}
