import Foundation
import GRDB
import KenshuCore
import Testing
@testable import KenshuStore

/// The columns beside a course's JSON, as the catalogue's queries read them.
struct CourseColumnsTests {
    let provider = CourseProvider(id: "jamp", name: "市町村職員中央研修所")

    @Test func datesAreStoredAsTheirDescriptionAndTitlesWithTheirKey() throws {
        let store = try KenshuStore.inMemory()
        let early = LocalDate(year: 987, month: 1, day: 5)
        let late = LocalDate(year: 2027, month: 12, day: 31)
        let courses = [
            Course(provider: provider, id: "A", title: "接遇・クレーム対応研修（第２期）", presentations: [
                Presentation(id: "1", start: late), Presentation(id: "2", start: early, end: LocalDate(year: 2026, month: 10, day: 9)),
            ]),
            Course(provider: provider, id: "B", title: "ｾｷｭﾘﾃｨ研修"),
        ]
        _ = try store.replaceCatalog(source: "feed.xml", format: "test") { replacement in
            for course in courses { try replacement.store(course) }
            return 0
        }
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT title_key, first_start, last_end FROM course ORDER BY course_id")
        }
        #expect(rows.map { $0["title_key"] as String? } == ["接遇・クレーム対応研修(第2期)", "セキュリティ研修"])
        #expect(rows.map { $0["first_start"] as String? } == [early?.description, nil])
        #expect(rows.map { $0["last_end"] as String? } == [late?.description, nil])
        #expect(early?.description == "0987-01-05")
    }
}
