import Foundation
import GRDB
import KenshuCore
import Testing
@testable import KenshuStore

/// Opening the store: writers that open a new or older store at once never both migrate it,
/// and a reader never creates or migrates one.
struct StoreOpeningTests {
    let provider = CourseProvider(id: "jamp", name: "市町村職員中央研修所", url: "https://www.jamp.gr.jp/")

    @Test func writersOpeningANewStoreAtOnceAllSucceed() async throws {
        for _ in 0..<10 {
            try await withTemporaryStorePath { path in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<4 {
                        group.addTask { _ = try KenshuStore.open(path: path) }
                    }
                    try await group.waitForAll()
                }
                let store = try KenshuStore.open(path: path, access: .readOnly)
                #expect(try store.read { db in try Migrations.migrator.hasCompletedMigrations(db) })
            }
        }
    }

    @Test func writersUpgradingAnOlderStoreAtOnceAllSucceed() async throws {
        try await withTemporaryStorePath { path in
            try writeFormerStore(at: path, migratedUpTo: "009-course-written-by-import", provider: provider) { _ in }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask { _ = try KenshuStore.open(path: path) }
                }
                try await group.waitForAll()
            }
        }
    }

    @Test func aReaderFindingNoStoreSaysSoAndCreatesNothing() throws {
        try withTemporaryStorePath { path in
            #expect {
                try KenshuStore.open(path: path, access: .readOnly)
            } throws: { error in
                guard case StoreError.notCreated(let named) = error else { return false }
                return named == path && "\(error)".contains("kenshu run")
            }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test func aReaderNeverMigratesAnOlderStore() throws {
        try withTemporaryStorePath { path in
            try writeFormerStore(at: path, migratedUpTo: "009-course-written-by-import", provider: provider) { _ in }
            #expect {
                try KenshuStore.open(path: path, access: .readOnly)
            } throws: { error in
                guard case StoreError.needsMigration = error else { return false }
                return true
            }
            let applied = try DatabaseQueue(path: path).read { db in try Migrations.migrator.appliedMigrations(db) }
            #expect(applied.last == "009-course-written-by-import")
        }
    }

    @Test func aReaderRefusesAStoreOfANewerKenshu() throws {
        try withTemporaryStorePath { path in
            _ = try KenshuStore.open(path: path)
            try DatabaseQueue(path: path).write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('999-from-the-future')")
            }
            #expect {
                try KenshuStore.open(path: path, access: .readOnly)
            } throws: { error in
                guard case StoreError.newerThanProgram = error else { return false }
                return true
            }
        }
    }
}
