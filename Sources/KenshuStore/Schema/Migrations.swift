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
        migrator.registerMigration("002-courses") { db in
            try db.create(table: "provider") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("url", .text)
            }
            // One row per course ever advertised; a course missing from a later full feed
            // is retired (retired_at set), never deleted: history and recommendations point at it.
            try db.create(table: "course") { t in
                t.column("provider_id", .text).notNull().references("provider")
                t.column("course_id", .text).notNull()
                t.column("title", .text).notNull()
                // NFKC, white space folded: the same course from two providers shares it.
                t.column("title_key", .text).notNull()
                t.column("kind", .text)
                t.column("digital_tier", .text)
                // The whole course, presentations included, as canonical JSON: what changed is
                // a string comparison, and one row is one course (a feed writes many).
                t.column("data", .text).notNull()
                t.column("presentations", .integer).notNull()
                // The first start and last end among its presentations, for date filters.
                t.column("first_start", .text)
                t.column("last_end", .text)
                t.column("first_seen_at", .datetime).notNull()
                t.column("updated_at", .datetime).notNull()
                t.column("retired_at", .datetime)
                // The import that last listed it, so retiring needs no list of ids in memory.
                t.column("last_import", .integer).notNull()
                t.primaryKey(["provider_id", "course_id"])
            }
            // No secondary indexes: a feed writes every course row, and the queries read a
            // provider's courses through the primary key's first column.
            try db.create(table: "feed_import") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("source", .text).notNull()
                t.column("format", .text).notNull()
                // Providers the feed held, comma-separated (empty when rejected before any).
                t.column("providers", .text).notNull()
                t.column("succeeded", .boolean).notNull()
                t.column("summary", .text).notNull()
                t.column("warnings", .integer).notNull()
                t.column("message", .text)
                t.column("finished_at", .datetime).notNull()
            }
        }
        migrator.registerMigration("003-recommendation-log") { db in
            // What each week's run recommended to whom: for the no-uptake cool-down, and for
            // the mails, which tell a course not recommended the week before as new.
            try db.create(table: "recommendation_log") { t in
                t.column("week", .text).notNull()
                t.column("staff_id", .text).notNull().references("staff", onDelete: .cascade)
                t.column("provider_id", .text).notNull()
                t.column("course_id", .text).notNull()
                t.column("presentation_id", .text).notNull()
                t.column("score", .double).notNull()
                t.column("mandatory", .boolean).notNull()
                t.primaryKey(["week", "staff_id", "provider_id", "course_id"])
            }
        }
        migrator.registerMigration("004-mentor-pairs") { db in
            // メンター制度: every pair ever made; an active pair has no end date.
            try db.create(table: "mentor_pair") { t in
                t.column("mentor_id", .text).notNull()
                t.column("mentee_id", .text).notNull()
                t.column("started_on", .text).notNull()
                t.column("ended_on", .text)
                t.column("reasons", .text).notNull()
                t.primaryKey(["mentor_id", "mentee_id", "started_on"])
            }
        }
        migrator.registerMigration("005-mentor-groups") { db in
            // メンター同士で課題を共有: each active mentor's peer group, kept week to week.
            try db.create(table: "mentor_group") { t in
                t.primaryKey("mentor_id", .text)
                t.column("group_no", .integer).notNull()
            }
        }
        migrator.registerMigration("006-mail") { db in
            // Exactly once per (ISO week, kind, recipient): a row is written before the spool
            // file ('writing') and marked 'spooled' once the file is in new/; a start-up
            // reconciliation settles rows a crash left in between.
            try db.create(table: "mail_log") { t in
                t.column("week", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("recipient", .text).notNull()
                t.column("file", .text).notNull()
                t.column("state", .text).notNull()
                t.column("written_at", .datetime).notNull()
                t.primaryKey(["week", "kind", "recipient"])
            }
            // Delivery attempts of spool files that sendmail refused, for the back-off.
            try db.create(table: "mail_delivery") { t in
                t.primaryKey("file", .text)
                t.column("failures", .integer).notNull()
                t.column("last_error", .text).notNull()
                t.column("next_attempt_at", .datetime).notNull()
            }
        }
        migrator.registerMigration("007-daemon") { db in
            // The weekly cycle of each ISO week that completed, so that the daemon's schedule
            // runs a week once, also across restarts.
            try db.create(table: "weekly_run") { t in
                t.primaryKey("week", .text)
                t.column("day", .text).notNull()
                t.column("finished_at", .datetime).notNull()
                t.column("summary", .text).notNull()
            }
            // Polled feeds: the validators of the last copy (conditional GET) and how the last
            // fetch went.
            try db.create(table: "feed_poll") { t in
                t.primaryKey("url", .text)
                t.column("etag", .text)
                t.column("last_modified", .text)
                t.column("checked_at", .datetime).notNull()
                t.column("changed_at", .datetime)
                t.column("outcome", .text).notNull()
                t.column("detail", .text).notNull()
            }
        }
        migrator.registerMigration("008-course-listing") { db in
            // The import that last listed each course, beside the course rather than in its
            // ~1 KB row: a weekly feed lists every course again, and marking an unchanged one
            // then rewrites a few bytes of this narrow table, not the whole course row.
            try db.create(table: "course_listing", options: .withoutRowID) { t in
                t.column("provider_id", .text).notNull()
                t.column("course_id", .text).notNull()
                t.column("last_import", .integer).notNull()
                t.primaryKey(["provider_id", "course_id"])
            }
            try db.execute(sql: """
                INSERT INTO course_listing (provider_id, course_id, last_import)
                SELECT provider_id, course_id, last_import FROM course
                """)
            try db.alter(table: "course") { t in t.drop(column: "last_import") }
        }
        migrator.registerMigration("009-course-written-by-import") { db in
            // The import that last wrote the course row (added it, changed it or brought it
            // back from retirement), which therefore listed it: a first import then writes
            // only the course rows, no `course_listing` row beside each. A course was last
            // listed by the import in this column or the one in its `course_listing` row,
            // whichever is later. Only courses that the latest import of their provider wrote
            // may lack a `course_listing` row (see `CatalogReplacement.finish`); rows from
            // before have 0 here and a `course_listing` row.
            try db.alter(table: "course") { t in
                t.add(column: "written_by_import", .integer).notNull().defaults(to: 0)
            }
        }
        migrator.registerMigration("010-compact-course-json") { db in
            // Course rows in `CourseJSON`'s compact form (no provider or title, which the
            // columns hold; no empty lists; dates as text): a quarter smaller. Rewritten here so
            // that the next import of an unchanged feed finds its courses unchanged.
            try rewriteCourseJSON(db)
        }
        migrator.registerMigration("011-mail-hold") { db in
            // Weeks whose mails the pre-mail gate held back, and why (one sentence a line),
            // until a cycle of that week passes the gate.
            try db.create(table: "mail_hold") { t in
                t.primaryKey("week", .text)
                t.column("checked_at", .datetime).notNull()
                t.column("problems", .text).notNull()
            }
        }
        migrator.registerMigration("012-import-fingerprint") { db in
            // The imported file's size and content hash: the same file again is recognised
            // without parsing it row by row.
            try db.alter(table: "import_run") { t in
                t.add(column: "fingerprint", .text)
            }
        }
        migrator.registerMigration("013-weekly-run-inputs") { db in
            // What a completed cycle was computed from besides the store (the rules' and the
            // policy catalogue's fingerprints): an unchanged re-run reuses its results.
            try db.alter(table: "weekly_run") { t in
                t.add(column: "inputs", .text)
            }
        }
        migrator.registerMigration("014-data-version") { db in
            // A number every change to what the matching reads (staff, ratings, trainings,
            // courses) raises, and the number a completed cycle was computed from: a command
            // for one person reuses the cycle's seat allocation while the two are the same.
            try db.create(table: "data_version") { t in
                t.primaryKey("id", .integer).check { $0 == 1 }
                t.column("version", .integer).notNull()
            }
            try db.execute(sql: "INSERT INTO data_version (id, version) VALUES (1, 0)")
            try db.alter(table: "weekly_run") { t in
                t.add(column: "data_version", .integer)
            }
            // The rating periods the store holds: the latest is found without reading every
            // rating (`evaluation` has no index on its period). Periods are only ever added:
            // an import replaces the periods it holds, and staff are never deleted.
            try db.create(table: "evaluation_period") { t in
                t.primaryKey("period", .integer)
            }
            try db.execute(sql: "INSERT INTO evaluation_period (period) SELECT DISTINCT period FROM evaluation")
        }
        migrator.registerMigration("015-console-audit") { db in
            // The HR console's audit log: who did what, when and from where (logins, logouts,
            // and later rule changes and uploads). Only ever appended to.
            try db.create(table: "console_audit") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .datetime).notNull().indexed()
                t.column("account", .text).notNull()
                t.column("address", .text).notNull()
                t.column("action", .text).notNull()
                t.column("detail", .text).notNull()
            }
        }
        return migrator
    }
}
