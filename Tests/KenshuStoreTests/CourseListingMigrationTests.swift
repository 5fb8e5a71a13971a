import Foundation
import GRDB
import KenshuCore
import Testing
@testable import KenshuStore

/// Migration 008: the import that last listed a course moves from the course row to `course_listing`,
/// and a store migrated with courses in it imports, keeps and retires as before.
struct CourseListingMigrationTests {
    let provider = CourseProvider(id: "jamp", name: "市町村職員中央研修所")

    func course(_ id: String) -> Course {
        Course(provider: provider, id: id, title: "政策形成研修", presentations: [
            Presentation(id: "\(id)-1", start: LocalDate(year: 2027, month: 1, day: 20), seats: 30),
        ])
    }

    @Test func aStoreWithCoursesMigratesAndItsNextImportRetiresWhatTheFeedNoLongerLists() throws {
        try withTemporaryStorePath { path in
            // A store as 007 left it, two courses listed by import 1.
            try writeFormerStore(at: path, migratedUpTo: "007-daemon", provider: provider) { db in
                for id in ["A", "B"] {
                    try db.execute(sql: """
                        INSERT INTO course (provider_id, course_id, title, title_key, data, presentations, first_seen_at,
                                            updated_at, last_import)
                        VALUES (?, ?, '政策形成研修', '政策形成研修', ?, 1, '2026-11-01 00:00:00.000', '2026-11-01 00:00:00.000', 1)
                        """, arguments: [provider.id, id, CourseJSON.encode(course(id))])
                }
            }
            let store = try KenshuStore.open(path: path)
            let listed = try store.read { db in
                try Row.fetchAll(db, sql: "SELECT course_id, last_import FROM course_listing ORDER BY course_id")
                    .map { "\($0["course_id"] as String? ?? "")=\($0["last_import"] as Int? ?? 0)" }
            }
            #expect(listed == ["A=1", "B=1"])
            let columns = try store.read { db in try db.columns(in: "course").map(\.name) }
            #expect(!columns.contains("last_import"))

            let changes = try store.replaceCatalog(source: "new.xml", format: "test") { replacement in
                try replacement.store(course("A"))
                try replacement.store(course("C"))
                return 0
            }
            #expect(changes == CatalogChanges(providers: [provider.id], added: 1, unchanged: 1, retired: 1))
            #expect(try store.courses(provider: provider.id).map(\.id) == ["A", "C"])
            let again = try store.replaceCatalog(source: "new.xml", format: "test") { replacement in
                try replacement.store(course("A"))
                try replacement.store(course("C"))
                return 0
            }
            #expect(again == CatalogChanges(providers: [provider.id], unchanged: 2))
        }
    }
}
