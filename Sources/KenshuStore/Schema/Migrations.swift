import GRDB

/// The store's schema as a numbered list of migrations. A migration, once released, never
/// changes: a new need is a new migration at the end.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("001-staff") { db in
            try db.create(table: "staff") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("email", .text)
                t.column("family", .text).notNull()
                t.column("department", .text).notNull()
                t.column("section", .text).notNull()
                t.column("title", .text).notNull()
                t.column("hired_on", .text)
                t.column("rank_since", .text)
                t.column("track", .text)
                t.column("digital_tier", .text)
                t.column("mentor_trained", .boolean).notNull()
                t.column("manager_id", .text)
                t.column("opted_out", .boolean).notNull()
                t.column("active", .boolean).notNull()
                t.column("updated_at", .datetime).notNull()
            }
            try db.create(table: "evaluation") { t in
                t.column("staff_id", .text).notNull().references("staff", onDelete: .cascade)
                t.column("period", .integer).notNull()
                t.column("ability", .integer).notNull().check { (1...10).contains($0) }
                t.column("rater", .text).notNull()
                t.column("score", .integer).notNull().check { (1...5).contains($0) }
                t.primaryKey(["staff_id", "period", "ability", "rater"])
            }
            try db.create(table: "training_history") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("staff_id", .text).notNull().references("staff", onDelete: .cascade)
                t.column("provider", .text).notNull()
                t.column("course_id", .text).notNull()
                t.column("title", .text).notNull()
                t.column("completed_on", .text).notNull()
                t.column("report_filed_on", .text)
                t.uniqueKey(["staff_id", "provider", "course_id", "title", "completed_on"])
            }
            try db.create(index: "training_history_by_staff", on: "training_history", columns: ["staff_id"])
            try db.create(table: "import_run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("kind", .text).notNull()
                t.column("source", .text).notNull()
                t.column("encoding", .text)
                t.column("rows", .integer).notNull()
                t.column("summary", .text).notNull()
                t.column("succeeded", .boolean).notNull()
                t.column("message", .text)
                t.column("finished_at", .datetime).notNull()
            }
        }
        return migrator
    }
}
