import Foundation
import GRDB
import KenshuCore
import KenshuPOSIX

/// A feed import, successful or rejected, as logged for `status`.
public struct FeedImportEntry: Sendable, Codable, Equatable {
    public var source: String
    public var format: String
    public var providers: [String]
    public var succeeded: Bool
    public var summary: String
    public var warnings: Int
    public var message: String?
    public var finishedAt: Date

    public init(source: String, format: String, providers: [String], succeeded: Bool, summary: String, warnings: Int,
                message: String? = nil, finishedAt: Date) {
        self.source = source
        self.format = format
        self.providers = providers
        self.succeeded = succeeded
        self.summary = summary
        self.warnings = warnings
        self.message = message
        self.finishedAt = finishedAt
    }
}

/// One provider's catalogue in numbers, with its last import.
public struct ProviderCatalogCounts: Sendable, Codable, Equatable {
    public var id: String
    public var name: String
    public var courses: Int
    public var retired: Int
    public var presentations: Int
    public var lastImport: FeedImportEntry?
}

extension KenshuStore {
    /// Replaces, in one transaction, the catalogues of the providers a feed holds. `feed`
    /// streams the courses into the replacement it is given; if it throws (a feed rejected
    /// half-way), nothing is changed and the error is rethrown as it was. The import is
    /// logged in the same transaction. With `dryRun`, everything is done and then rolled
    /// back: the changes say what the import would do.
    public func replaceCatalog(
        source: String, format: String, warnings: Int? = nil, now: Date = Date(), dryRun: Bool = false,
        _ feed: (CatalogReplacement) throws -> Int
    ) throws -> CatalogChanges {
        struct RolledBack: Error {
            let changes: CatalogChanges
        }
        do {
            return try writer.write { db in
                try Self.withPageCache(kibibytes: Self.importCacheKiB, db) {
                    let replacement = try CatalogReplacement(db: db, now: now)
                    let warningCount = try feed(replacement)
                    let changes = try replacement.finish()
                    if dryRun { throw RolledBack(changes: changes) }
                    if changes.added + changes.updated + changes.retired > 0 || replacement.providerRowsChanged {
                        try KenshuStore.noteDataChanged(db)
                    }
                    try Self.insert(FeedImportEntry(source: source, format: format, providers: changes.providers,
                                                    succeeded: true, summary: changes.description,
                                                    warnings: warnings ?? warningCount, finishedAt: now), db)
                    return changes
                }
            }
        } catch let rolledBack as RolledBack {
            return rolledBack.changes
        } catch let error as DatabaseError {
            throw StoreError.database(String(describing: error))
        }
    }

    /// The page cache of a catalogue import's connection, in KiB. An import looks up and
    /// writes the narrow B-trees (the course key index, `course_listing`) in the feed's
    /// order, not in key order: SQLite's default 2 MB does not keep them in memory, and a
    /// page would be read and written again and again. 16 MiB holds both B-trees of 200,000
    /// courses; not more, because a larger cache makes the import no faster and its peak RSS
    /// grows by what the cache holds.
    static let importCacheKiB = 16_384

    /// Runs `body` with the connection's page cache at `kibibytes`, as it was again after:
    /// the writer's connection lives on, and needs no more once the import is over.
    private static func withPageCache<T>(kibibytes: Int, _ db: Database, _ body: () throws -> T) throws -> T {
        let saved = try Int.fetchOne(db, sql: "PRAGMA cache_size")
        try db.execute(sql: "PRAGMA cache_size = -\(kibibytes)")
        // A failure to restore leaves only a bigger cache, not a reason to fail the import.
        defer { if let saved { try? db.execute(sql: "PRAGMA cache_size = \(saved)") } }
        return try body()
    }

    /// Logs a rejected feed (the catalogue is untouched).
    public func recordFeedImport(_ entry: FeedImportEntry) throws(StoreError) {
        try write { db in try Self.insert(entry, db) }
    }

    /// The newest import of the feed at `old` names it at `new` (the inbox moved it to
    /// `imported/` or `rejected/`), in its source and its message.
    public func noteFeedMoved(from old: String, to new: String) throws(StoreError) {
        try write { db in
            try db.execute(sql: """
                UPDATE feed_import SET source = ?2, message = REPLACE(message, ?1, ?2)
                WHERE id = (SELECT MAX(id) FROM feed_import WHERE source = ?1)
                """, arguments: [old, new])
        }
    }

    private static func insert(_ entry: FeedImportEntry, _ db: Database) throws {
        try db.execute(sql: """
            INSERT INTO feed_import (source, format, providers, succeeded, summary, warnings, message, finished_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [entry.source, entry.format, entry.providers.joined(separator: ","), entry.succeeded,
                             entry.summary, entry.warnings, entry.message, entry.finishedAt])
    }

    /// The latest feed imports, newest first.
    public func latestFeedImports(limit: Int = 20) throws(StoreError) -> [FeedImportEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM feed_import ORDER BY id DESC LIMIT ?", arguments: [limit]).map(Self.entry)
        }
    }

    /// Every provider's catalogue, with its last import (successful or not).
    public func providerCatalogs() throws(StoreError) -> [ProviderCatalogCounts] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT p.id, p.name,
                  (SELECT COUNT(*) FROM course c WHERE c.provider_id = p.id AND c.retired_at IS NULL) AS courses,
                  (SELECT COUNT(*) FROM course c WHERE c.provider_id = p.id AND c.retired_at IS NOT NULL) AS retired,
                  (SELECT COALESCE(SUM(c.presentations), 0) FROM course c
                     WHERE c.provider_id = p.id AND c.retired_at IS NULL) AS presentations
                FROM provider p ORDER BY p.id
                """)
            let imports = try Row.fetchAll(db, sql: "SELECT * FROM feed_import ORDER BY id DESC LIMIT 500").map(Self.entry)
            return rows.map { row in
                let id: String = row["id"]
                return ProviderCatalogCounts(id: id, name: row["name"], courses: row["courses"], retired: row["retired"],
                                             presentations: row["presentations"],
                                             lastImport: imports.first { $0.providers.contains(id) })
            }
        }
    }

    /// The active (not retired) courses of one provider, in id order.
    public func courses(provider: String) throws(StoreError) -> [Course] {
        try activeCourses(filter: "AND c.provider_id = ?", arguments: [provider], what: "a course of \(provider)")
    }

    /// At most `limit` of one provider's active courses in id order, from the `offset`th: a
    /// page of a long catalogue without reading the rest.
    public func courses(provider: String, limit: Int, offset: Int) throws(StoreError) -> [Course] {
        try activeCourses(filter: "AND c.provider_id = ?", arguments: [provider, limit, offset], what: "a course of \(provider)",
                          page: "LIMIT ? OFFSET ?")
    }

    /// Every active course of every provider, with the same course from two providers
    /// merged into one listing that names both. Kept decoded with the data version it was read
    /// at (in the same read transaction), so a long-lived reader (the console: each person's
    /// page) decodes the catalogue once per change, not once per request; every catalogue
    /// write raises the data version.
    public func courseListings() throws(StoreError) -> [CourseListing] {
        try versionedCourseListings().listings
    }

    /// `courseListings`, with the data version they were read at.
    public func versionedCourseListings() throws(StoreError) -> (version: Int, listings: [CourseListing]) {
        let memo = listingsMemo.withLock { $0 }
        let (version, rows) = try read { db in
            let version = try Self.dataVersion(db)
            return (version, version == memo?.version ? nil : try Self.activeCourseRows(db, filter: "", arguments: []))
        }
        guard let rows else { return (version, memo?.listings ?? []) }
        let listings = CourseListing.merge(try Self.decode(rows, what: "a stored course"), titleKey: CourseTitleKey.make)
        listingsMemo.withLock { $0 = (version, listings) }
        return (version, listings)
    }

    /// The active courses that `filter` (SQL added to the WHERE clause) picks, in provider and
    /// id order (cut by `page`, a LIMIT clause, when given): each row's JSON with the row's title and its provider as the provider table has it.
    private func activeCourses(filter: String, arguments: StatementArguments, what: String, page: String = "") throws(StoreError) -> [Course] {
        try Self.decode(try read { db in try Self.activeCourseRows(db, filter: filter, arguments: arguments, page: page) }, what: what)
    }

    /// The rows of `activeCourses`: each course's JSON and title, and its provider.
    private static func activeCourseRows(_ db: Database, filter: String, arguments: StatementArguments, page: String = "") throws -> [Row] {
        try Row.fetchAll(db, sql: """
            SELECT c.data, c.title, p.id, p.name, p.url FROM course c JOIN provider p ON p.id = c.provider_id
            WHERE c.retired_at IS NULL \(filter) ORDER BY c.provider_id, c.course_id \(page)
            """, arguments: arguments)
    }

    /// The courses of `activeCourseRows`, the JSON decoded on both cores.
    private static func decode(_ rows: [Row], what: String) throws(StoreError) -> [Course] {
        // The columns as values, so that both cores can decode the JSON (most of the time).
        let values = rows.map { row in
            (data: row[0] as String, title: row[1] as String, provider: CourseProvider(id: row[2], name: row[3], url: row[4]))
        }
        let decoder = JSONDecoder()
        let decoded = ParallelMap.map(values) { value -> Result<Course, StoreError> in
            do {
                let stored = try decoder.decode(StoredCourse.self, from: Data(value.data.utf8))
                return .success(stored.course(provider: value.provider, title: value.title))
            } catch {
                return .failure(.corrupt("\(what): \(error)"))
            }
        }
        var courses: [Course] = []
        courses.reserveCapacity(decoded.count)
        for result in decoded { courses.append(try result.get()) }
        return courses
    }

    private static func entry(_ row: Row) -> FeedImportEntry {
        let providers: String = row["providers"]
        return FeedImportEntry(source: row["source"], format: row["format"],
                               providers: providers.split(separator: ",").map(String.init), succeeded: row["succeeded"],
                               summary: row["summary"], warnings: row["warnings"], message: row["message"],
                               finishedAt: row["finished_at"])
    }
}
