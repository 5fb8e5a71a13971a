import Foundation
import GRDB
import KenshuCore

extension Migrations {
    /// Rewrites every course row's JSON in `CourseJSON`'s current form, a batch of rows at a
    /// time (it never changes what a row says: `StoredCourse` reads every form written).
    static func rewriteCourseJSON(_ db: Database) throws {
        let decoder = JSONDecoder()
        var json = JSONBytes()
        let placeholder = CourseProvider(id: "", name: "")
        var after: Int64 = 0
        while true {
            let rows = try Row.fetchAll(
                db, sql: "SELECT rowid, data FROM course WHERE rowid > ? ORDER BY rowid LIMIT 5000", arguments: [after])
            guard let last = rows.last else { return }
            for row in rows {
                let rowid: Int64 = row[0]
                let text: String = row[1]
                // A row that does not read is left as it is: reading the catalogue reports it
                // (store corrupt), where opening the store should not fail on it.
                guard let stored = try? decoder.decode(StoredCourse.self, from: Data(text.utf8)) else { continue }
                // Provider and title are not part of the JSON: placeholders do.
                let course = stored.course(provider: placeholder, title: "")
                json.removeAll()
                CourseJSON.encode(course, into: &json)
                let compact = json.withBytes { String(decoding: $0, as: UTF8.self) }
                try db.execute(sql: "UPDATE course SET data = ? WHERE rowid = ?", arguments: [compact, rowid])
            }
            after = last[0]
        }
    }
}
