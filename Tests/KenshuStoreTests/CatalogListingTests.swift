import Foundation
import GRDB
import KenshuCore
import Testing
@testable import KenshuStore

/// Which import listed a course: the one that wrote its row (`written_by_import`, migration
/// 009) or the one in its `course_listing` row. Imports checked against a plain model of what
/// an import does, on stores new and migrated from 008.
struct CatalogListingTests {
    static let providers = [CourseProvider(id: "jamp", name: "市町村職員中央研修所"),
                            CourseProvider(id: "niigata", name: "新潟県自治研修所")]

    func course(_ id: String, _ provider: CourseProvider = providers[0], seats: Int = 30) -> Course {
        Course(provider: provider, id: id, title: "政策形成研修", presentations: [
            Presentation(id: "\(id)-1", start: LocalDate(year: 2027, month: 1, day: 20), seats: seats),
        ])
    }

    func replace(_ store: KenshuStore, _ courses: [Course], dryRun: Bool = false) throws
        -> (changes: CatalogChanges, outcomes: [CatalogReplacement.Outcome]) {
        var outcomes: [CatalogReplacement.Outcome] = []
        let changes = try store.replaceCatalog(source: "feed.xml", format: "test", dryRun: dryRun) { replacement in
            for course in courses { outcomes.append(try replacement.store(course)) }
            return 0
        }
        return (changes, outcomes)
    }

    func changes(added: Int = 0, updated: Int = 0, unchanged: Int = 0, retired: Int = 0, duplicates: Int = 0,
                 providers: [String] = ["jamp"]) -> CatalogChanges {
        var changes = CatalogChanges(providers: providers, added: added, updated: updated, unchanged: unchanged,
                                     retired: retired)
        changes.duplicates = duplicates
        return changes
    }

    @Test func aCourseIsListedByTheImportThatWroteItOrMarkedIt() throws {
        let store = try KenshuStore.inMemory()
        // 1: all new. 2: A and B unchanged (their first marks), C changed, D new, E missing.
        #expect(try replace(store, ["A", "B", "C", "E"].map { course($0) }).changes == changes(added: 4))
        let second = try replace(store, [course("A"), course("B"), course("C", seats: 5), course("D"), course("A")])
        #expect(second.outcomes == [.unchanged, .unchanged, .updated, .added, .duplicate])
        #expect(second.changes == changes(added: 1, updated: 1, unchanged: 2, retired: 1, duplicates: 1))
        // 3: D (written by 2, never marked) missing; C (written by 2) unchanged; E comes back.
        let third = try replace(store, [course("A"), course("C", seats: 5), course("E"), course("B"), course("E")])
        #expect(third.outcomes == [.unchanged, .unchanged, .updated, .unchanged, .duplicate])
        #expect(third.changes == changes(updated: 1, unchanged: 3, retired: 1, duplicates: 1))
        #expect(try store.courses(provider: "jamp").map(\.id) == ["A", "B", "C", "E"])
        // 4: the same feed again: every course marked, nothing retired.
        #expect(try replace(store, ["A", "C", "E", "B"].map { course($0, seats: $0 == "C" ? 5 : 30) }).changes
            == changes(unchanged: 4))
        // 5: nothing of jamp listed: all retired, whichever way each was listed last.
        #expect(try replace(store, [course("X", Self.providers[1])]).changes
            == changes(added: 1, providers: ["niigata"]))
        #expect(try replace(store, [course("Z")]).changes == changes(added: 1, retired: 4))
        #expect(try store.courses(provider: "jamp").map(\.id) == ["Z"])
        #expect(try store.courses(provider: "niigata").map(\.id) == ["X"])
    }

    @Test func aFirstImportWritesNoListingRows() throws {
        let store = try KenshuStore.inMemory()
        _ = try replace(store, ["A", "B"].map { course($0) })
        #expect(try listingCount(store) == 0)
        _ = try replace(store, ["A", "B"].map { course($0) })
        #expect(try listingCount(store) == 2)
    }

    func listingCount(_ store: KenshuStore) throws -> Int? {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM course_listing") }
    }

    @Test(arguments: [1, 2, 3, 4]) func importsDoWhatTheModelSays(seed: UInt64) throws {
        let store = try KenshuStore.inMemory()
        var model = CatalogModel()
        try runRandomImports(store, &model, seed: seed)
    }

    @Test func aStoreMigratedFrom008ImportsAsTheModelSays() throws {
        try withTemporaryStorePath { path in
            // As 008 left it: A and B listed by import 1, R retired by it (listed last by an older one).
            var model = CatalogModel()
            do {
                let queue = try DatabaseQueue(path: path)
                try Migrations.migrator.migrate(queue, upTo: "008-course-listing")
                try queue.write { db in
                    let provider = Self.providers[0]
                    try db.execute(sql: "INSERT INTO provider (id, name) VALUES (?, ?)", arguments: [provider.id, provider.name])
                    try db.execute(sql: """
                        INSERT INTO feed_import (source, format, providers, succeeded, summary, warnings, finished_at)
                        VALUES ('old.xml', 'XCRI-CAP 1.2', 'jamp', 1, '', 0, '2026-11-01 00:00:00.000')
                        """)
                    for (id, retired) in [("A", false), ("B", false), ("R", true)] {
                        try db.execute(sql: """
                            INSERT INTO course (provider_id, course_id, title, title_key, data, presentations, first_seen_at,
                                                updated_at, retired_at)
                            VALUES (?, ?, '政策形成研修', '政策形成研修', ?, 1, '2026-10-01 00:00:00.000', '2026-10-01 00:00:00.000', ?)
                            """, arguments: [provider.id, id, CourseJSON.encode(course(id)),
                                             retired ? "2026-11-01 00:00:00.000" : nil])
                        try db.execute(sql: "INSERT INTO course_listing (provider_id, course_id, last_import) VALUES (?, ?, ?)",
                                       arguments: [provider.id, id, retired ? 0 : 1])
                        model.stored[CatalogModel.Key(provider: provider.id, id: id)] = (course(id), !retired)
                    }
                }
            }
            let store = try KenshuStore.open(path: path)
            let (courses, listings, written) = try store.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM course"),
                 try String.fetchAll(db, sql: "SELECT course_id || '=' || last_import FROM course_listing ORDER BY course_id"),
                 try Int.fetchAll(db, sql: "SELECT written_by_import FROM course"))
            }
            #expect(courses == 3)
            #expect(listings == ["A=1", "B=1", "R=0"])
            #expect(written == [0, 0, 0])
            #expect(try store.courses(provider: "jamp").map(\.id) == ["A", "B"])
            // The first import after the migration: A unchanged, B missing, R back, C new.
            let first = try replace(store, [course("A"), course("R"), course("C")])
            #expect(first.changes == changes(added: 1, updated: 1, unchanged: 1, retired: 1))
            model.apply([course("A"), course("R"), course("C")])
            try runRandomImports(store, &model, seed: 9)
        }
    }

    /// Random feeds of two providers (ids from a small pool, contents that change, ids
    /// listed twice, a provider missing from a feed), some of them dry runs or rejected
    /// half-way, each checked against `model`.
    func runRandomImports(_ store: KenshuStore, _ model: inout CatalogModel, seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        struct Rejected: Error {}
        for round in 0..<40 {
            var feed: [Course] = []
            for provider in Self.providers where random.next(below: 5) > 0 {
                for _ in 0..<random.next(below: 10) {
                    feed.append(course("C\(random.next(below: 12))", provider, seats: 10 * (1 + random.next(below: 2))))
                }
            }
            // Runs of one kind, as real feeds have, besides the mixed ones.
            if round % 4 == 0 { feed = model.activeCourses(Self.providers[0]) }
            let kind = random.next(below: 8)
            if kind == 0 {
                #expect(throws: Rejected.self) {
                    try store.replaceCatalog(source: "feed.xml", format: "test") { replacement in
                        for course in feed { try replacement.store(course) }
                        throw Rejected()
                    }
                }
                continue
            }
            var expected = model
            let outcomes = expected.apply(feed)
            let result = try replace(store, feed, dryRun: kind == 1)
            #expect(result.outcomes == outcomes, "round \(round) of seed \(seed)")
            #expect(result.changes == expected.changes, "round \(round) of seed \(seed)")
            if kind != 1 { model = expected }
            for provider in Self.providers {
                #expect(try store.courses(provider: provider.id) == model.activeCourses(provider),
                        "round \(round) of seed \(seed)")
            }
        }
    }
}

/// What an import does, in plain Swift: the reference for `CatalogReplacement`.
struct CatalogModel {
    struct Key: Hashable {
        var provider: String
        var id: String
    }

    /// Every course ever stored, and whether it is active (not retired).
    var stored: [Key: (course: Course, active: Bool)] = [:]
    /// What the last `apply` changed.
    var changes = CatalogChanges()

    /// Imports `feed`; returns each course's outcome.
    @discardableResult
    mutating func apply(_ feed: [Course]) -> [CatalogReplacement.Outcome] {
        changes = CatalogChanges()
        var listed: Set<Key> = []
        var outcomes: [CatalogReplacement.Outcome] = []
        for course in feed {
            if !changes.providers.contains(course.provider.id) { changes.providers.append(course.provider.id) }
            let key = Key(provider: course.provider.id, id: course.id)
            guard listed.insert(key).inserted else {
                outcomes.append(.duplicate)
                changes.duplicates += 1
                continue
            }
            if let old = stored[key] {
                if old.active, old.course == course {
                    outcomes.append(.unchanged)
                    changes.unchanged += 1
                } else {
                    outcomes.append(.updated)
                    changes.updated += 1
                }
            } else {
                outcomes.append(.added)
                changes.added += 1
            }
            stored[key] = (course, true)
        }
        for (key, value) in stored where value.active && changes.providers.contains(key.provider) && !listed.contains(key) {
            stored[key]?.active = false
            changes.retired += 1
        }
        return outcomes
    }

    func activeCourses(_ provider: CourseProvider) -> [Course] {
        stored.filter { $0.key.provider == provider.id && $0.value.active }.map(\.value.course).sorted { $0.id < $1.id }
    }
}

/// A small seeded generator, so that a failing sequence of imports can be replayed.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
