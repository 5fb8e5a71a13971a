import Foundation
import GRDB
import KenshuCore
import Testing
@testable import KenshuStore

/// Migration 010: course rows written in the former JSON form are rewritten compact, read as
/// the same courses, and the next import of the same feed finds every course unchanged.
struct CompactCourseJSONMigrationTests {
    let provider = CourseProvider(id: "jamp", name: "市町村職員中央研修所", url: "https://www.jamp.gr.jp/")

    func course(_ id: String) -> Course {
        Course(provider: provider, id: id, title: "政策形成研修", summary: "政策を形成する力を養う。", subjects: ["政策法務"],
               presentations: [Presentation(id: "\(id)-1", start: LocalDate(year: 2027, month: 1, day: 20),
                                            end: LocalDate(year: 2027, month: 1, day: 22), attendance: .onsite, seats: 30)])
    }

    /// The row's JSON as the store wrote it before migration 010.
    func formerJSON(_ id: String) -> String {
        """
        {"abilities":[],"families":[],"id":"\(id)","presentations":[{"attendance":"onsite",\
        "end":{"day":22,"month":1,"year":2027},"id":"\(id)-1","seats":30,"start":{"day":20,"month":1,"year":2027}}],\
        "provider":{"id":"jamp","name":"市町村職員中央研修所","url":"https://www.jamp.gr.jp/"},"ranks":[],\
        "subjects":["政策法務"],"summary":"政策を形成する力を養う。","title":"政策形成研修"}
        """
    }

    @Test func formerRowsAreRewrittenCompactAndAnUnchangedFeedStaysUnchanged() throws {
        try withTemporaryStorePath { path in
            // A store as 009 left it: two courses in the former form, and one row that does not read.
            try writeFormerStore(at: path, migratedUpTo: "009-course-written-by-import", provider: provider) { db in
                for (id, json) in [("A", formerJSON("A")), ("B", formerJSON("B")), ("Z", "not json")] {
                    try db.execute(sql: """
                        INSERT INTO course (provider_id, course_id, title, title_key, data, presentations, first_seen_at,
                                            updated_at, written_by_import)
                        VALUES (?, ?, '政策形成研修', '政策形成研修', ?, 1, '2026-11-01 00:00:00.000', '2026-11-01 00:00:00.000', 1)
                        """, arguments: [provider.id, id, json])
                }
                try db.execute(sql: "UPDATE course SET retired_at = '2026-11-02 00:00:00.000' WHERE course_id = 'Z'")
            }
            let store = try KenshuStore.open(path: path)
            let data = try store.read { db in try String.fetchAll(db, sql: "SELECT data FROM course ORDER BY course_id") }
            #expect(data == [CourseJSON.encode(course("A")), CourseJSON.encode(course("B")), "not json"])
            #expect(data[0].utf8.count < formerJSON("A").utf8.count * 3 / 4)
            #expect(try store.courses(provider: provider.id) == [course("A"), course("B")])

            let changes = try store.replaceCatalog(source: "new.xml", format: "test") { replacement in
                try replacement.store(course("A"))
                try replacement.store(course("B"))
                return 0
            }
            #expect(changes == CatalogChanges(providers: [provider.id], unchanged: 2))
        }
    }
}
