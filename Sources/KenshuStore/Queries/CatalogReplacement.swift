import Foundation
import GRDB
import KenshuCore

/// What a feed import changed in the course catalogue.
public struct CatalogChanges: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The providers whose catalogues the feed replaced.
    public var providers: [String] = []
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    /// Listed before, missing now: kept, marked retired.
    public var retired = 0
    /// Listed twice in the feed: the later listings skipped.
    public var duplicates = 0

    public init(providers: [String] = [], added: Int = 0, updated: Int = 0, unchanged: Int = 0, retired: Int = 0) {
        self.providers = providers
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
        self.retired = retired
    }

    public var description: String { "追加 \(added)・更新 \(updated)・変更なし \(unchanged)・掲載終了 \(retired)" }
}

/// Writes one feed's courses inside the import's transaction, one course at a time (a feed
/// is never held whole in memory), then retires what the feed no longer lists.
public final class CatalogReplacement {
    private let db: Database
    private let now: Date
    /// `now` as stored: converted once, not for every course (a date formatter is slow).
    private let nowValue: DatabaseValue
    private let nowText: String
    private let generation: Int64
    private var changes = CatalogChanges()
    private var providers: [String] = []
    /// The feed's providers that had no course in the store before this import: all their
    /// courses are this import's, none to retire.
    private var newProviders: Set<String> = []
    /// Whether a provider's row was added or its name or address changed.
    private(set) var providerRowsChanged = false
    private let statements: CourseStatements
    /// The last course's canonical JSON, its buffer reused for the next.
    private var json = JSONBytes()
    /// How the last course was settled: a feed's courses tend to be all new (a first import),
    /// all unchanged and not yet marked in `course_listing` (the import after it) or all
    /// unchanged and marked (the weekly one), so the statement that settles that case is
    /// tried first.
    private var last: Settled = .marked

    /// The ways of settling a course that one statement can try.
    private enum Settled {
        /// Inserted: a new course.
        case inserted
        /// Unchanged, its `course_listing` row rewritten.
        case marked
        /// Unchanged, its first `course_listing` row made.
        case markedFirst
        /// Updated, or a duplicate: the next course is looked up first.
        case other
    }

    init(db: Database, now: Date) throws {
        self.db = db
        self.now = now
        nowValue = now.databaseValue
        guard let nowText = String.fromDatabaseValue(nowValue) else {
            throw DatabaseError(message: "cannot store the date \(now)")
        }
        self.nowText = nowText
        // Unique per import: the id the import's own log row is about to get (this is the
        // only writer, inside its transaction).
        // `feed_import.id` is AUTOINCREMENT: sqlite_sequence keeps the highest id ever given,
        // so a generation is never used twice, even after log rows were deleted: MAX(id) alone
        // gives an emptied log's ids again, and an import would then take the courses an
        // earlier import listed under its id for ones it had listed itself.
        generation = (try Int64.fetchOne(db, sql: """
            SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'feed_import'), 0),
                       COALESCE((SELECT MAX(id) FROM feed_import), 0))
            """) ?? 0) + 1
        statements = try CourseStatements(db)
    }

    /// What storing one course did.
    public enum Outcome: Sendable, Equatable {
        case added, updated, unchanged
        /// The feed lists this provider's course id a second time: the first listing stays,
        /// this one is skipped.
        case duplicate
    }

    /// Stores one course of the feed: added, updated (content changed, or listed again after
    /// retirement), unchanged, or a duplicate of one this import already stored.
    @discardableResult
    public func store(_ course: Course) throws -> Outcome {
        try noteProvider(course.provider)
        json.removeAll()
        CourseJSON.encode(course, into: &json)
        let outcome = try settle(course)
        switch outcome {
        case .added: changes.added += 1
        case .updated: changes.updated += 1
        case .unchanged: changes.unchanged += 1
        case .duplicate: changes.duplicates += 1
        }
        return outcome
    }

    private func settle(_ course: Course) throws -> Outcome {
        // The likely case in one statement.
        switch last {
        case .inserted: if try insert(course, ifAbsent: true) { return .added }
        case .marked: if try mark(course, with: statements.markIfSame, ifSame: true) { return .unchanged }
        case .markedFirst: if try mark(course, with: statements.markFirstIfSame, ifSame: true) { return .unchanged }
        case .other: break
        }
        // What the store holds for this id, compared inside SQLite (the stored JSON never
        // crosses into Swift): 3 listed already by this import (written, or marked in
        // `course_listing`), 2 the same and active, 4 the same and active with no
        // `course_listing` row yet, 1 different or retired, nil not there. "The same" is
        // every stored field of the course: its JSON and the title, which only a column holds.
        let lookup = statements.lookup
        lookup.bind(1, generation)
        json.withBytes { lookup.bind(2, utf8: $0) }
        lookup.bind(3, course.provider.id)
        lookup.bind(4, course.id)
        lookup.bind(5, course.title)
        switch try lookup.integer() {
        case 3:
            last = .other
            return .duplicate
        case 2:
            try mark(course, with: statements.mark, ifSame: false)
            last = .marked
            return .unchanged
        case 4:
            try mark(course, with: statements.markFirst, ifSame: false)
            last = .markedFirst
            return .unchanged
        case nil:
            try insert(course, ifAbsent: false)
            last = .inserted
            return .added
        default:
            // The row written says this import listed it: no `course_listing` row needed.
            let update = statements.update
            bindColumns(of: course, to: update)
            try update.execute()
            last = .other
            return .updated
        }
    }

    /// Inserts the course; with `ifAbsent`, only when the store has no course with its id
    /// (false then). Its row says this import wrote it, which marks it listed: a new course
    /// gets no `course_listing` row, so storing it is one write, not two.
    @discardableResult
    private func insert(_ course: Course, ifAbsent: Bool) throws -> Bool {
        let insert = ifAbsent ? statements.insertIfAbsent : statements.insert
        bindColumns(of: course, to: insert)
        return try insert.execute() == 1
    }

    /// Marks the course as listed by this import in `course_listing`, the course row left
    /// alone, with one of the `mark…` statements (`ifSame`: one of the `…IfSame` ones, given
    /// the course's JSON and title); false when it changed no row.
    @discardableResult
    private func mark(_ course: Course, with statement: RawStatement, ifSame: Bool) throws -> Bool {
        statement.bind(1, generation)
        statement.bind(2, course.provider.id)
        statement.bind(3, course.id)
        if ifSame {
            json.withBytes { statement.bind(4, utf8: $0) }
            statement.bind(5, course.title)
        }
        return try statement.execute() == 1
    }

    /// Binds what `CourseStatements.columns` lists, in that order.
    private func bindColumns(of course: Course, to statement: RawStatement) {
        statement.bind(1, course.provider.id)
        statement.bind(2, course.id)
        statement.bind(3, course.title)
        statement.bind(4, CourseTitleKey.make(course.title))
        statement.bind(5, course.kind)
        statement.bind(6, course.digitalTier)
        json.withBytes { statement.bind(7, utf8: $0) }
        statement.bind(8, Int64(course.presentations.count))
        var firstStart: LocalDate?
        var lastEnd: LocalDate?
        for presentation in course.presentations {
            if let start = presentation.start, firstStart.map({ start < $0 }) ?? true { firstStart = start }
            if let end = presentation.end ?? presentation.start, lastEnd.map({ end > $0 }) ?? true { lastEnd = end }
        }
        bind(firstStart, at: 9, to: statement)
        bind(lastEnd, at: 10, to: statement)
        statement.bind(11, nowText)
        statement.bind(12, generation)
    }

    /// Binds the date as `LocalDate.description` writes it (`2027-01-20`), from its bytes:
    /// no String is made for the two dates of every course.
    private func bind(_ date: LocalDate?, at index: Int32, to statement: RawStatement) {
        guard let date else { return statement.bind(index, nil as String?) }
        guard date.withISOBytes({ statement.bind(index, utf8: $0) }) != nil else {
            return statement.bind(index, date.description)
        }
    }

    /// Retires the courses of the feed's providers that this import did not list: neither
    /// wrote (`written_by_import`) nor marked in `course_listing`.
    func finish() throws -> CatalogChanges {
        for provider in providers where !newProviders.contains(provider) {
            // A course no import marked since one wrote it has no `course_listing` row. Those
            // this import did not write get one, naming the import that wrote them, so that
            // the narrow table finds every course to retire, and after this import only the
            // courses it wrote have none. The counts of the two tables' keys tell whether
            // there are any without reading the course rows (SQLite counts a B-tree's cells
            // page by page): the whole tables' first, cheap, and the provider's only when
            // those differ.
            let unmarked = try Int.fetchOne(db, sql: """
                SELECT CASE WHEN (SELECT COUNT(*) FROM course) = (SELECT COUNT(*) FROM course_listing) THEN 0
                  ELSE (SELECT COUNT(*) FROM course WHERE provider_id = ?1)
                    - (SELECT COUNT(*) FROM course_listing WHERE provider_id = ?1) END
                """, arguments: [provider])
            if unmarked != 0 {
                // ORDER BY: the two sides are merged in key order, which costs less than hashing them.
                try db.execute(
                    sql: """
                        INSERT INTO course_listing (provider_id, course_id, last_import)
                        SELECT provider_id, course_id, written_by_import FROM course
                        WHERE provider_id = ?1 AND written_by_import <> ?2 AND course_id IN
                          (SELECT course_id FROM course WHERE provider_id = ?1
                           EXCEPT SELECT course_id FROM course_listing WHERE provider_id = ?1 ORDER BY 1)
                        """,
                    arguments: [provider, generation])
            }
            try db.execute(
                sql: """
                    UPDATE course SET retired_at = ?1 WHERE provider_id = ?2 AND retired_at IS NULL AND written_by_import <> ?3
                    AND course_id IN (SELECT course_id FROM course_listing WHERE provider_id = ?2 AND last_import <> ?3)
                    """,
                arguments: [nowValue, provider, generation])
            changes.retired += db.changesCount
        }
        changes.providers = providers
        return changes
    }

    private func noteProvider(_ provider: CourseProvider) throws {
        guard providers.last != provider.id else { return }
        if !providers.contains(provider.id) {
            providers.append(provider.id)
            // Before this import stores any of its courses.
            let stored = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM course WHERE provider_id = ?)", arguments: [provider.id])
            if stored != true { newProviders.insert(provider.id) }
        }
        try db.execute(
            sql: """
                INSERT INTO provider (id, name, url) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, url = excluded.url
                WHERE name IS NOT excluded.name OR url IS NOT excluded.url
                """,
            arguments: [provider.id, provider.name, provider.url])
        if db.changesCount > 0 { providerRowsChanged = true }
    }
}

/// The statements a catalogue import runs for each course, prepared once per import.
private struct CourseStatements {
    /// The columns a course's values fill, as `CatalogReplacement` binds them (?1 … ?12).
    static let columns = """
        provider_id, course_id, title, title_key, kind, digital_tier, data, presentations, first_start, last_end,
        updated_at, written_by_import
        """
    static let values = "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12"

    let lookup: RawStatement
    let insert: RawStatement
    let insertIfAbsent: RawStatement
    let update: RawStatement
    /// The course's `course_listing` row set to this import (?1), for the course with provider
    /// ?2 and id ?3; `markFirst` makes the row, for a course that has none yet.
    let mark: RawStatement
    let markFirst: RawStatement
    /// The same, only when the course is stored, active, not yet listed by this import, its
    /// JSON is ?4 and its title ?5; `markIfSame` needs the row there, `markFirstIfSame` needs it absent.
    /// Two statements, not one upsert: `INSERT … SELECT … ON CONFLICT DO UPDATE` writes a
    /// statement journal for every course made its first row (gigabytes for a large feed).
    let markIfSame: RawStatement
    let markFirstIfSame: RawStatement

    init(_ db: Database) throws {
        let insertSQL = "INSERT INTO course (\(Self.columns), first_seen_at, retired_at) VALUES (\(Self.values), ?11, NULL)"
        lookup = try RawStatement(db, sql: """
            SELECT CASE WHEN c.written_by_import = ?1 OR l.last_import = ?1 THEN 3
              WHEN c.retired_at IS NOT NULL OR c.data <> ?2 OR c.title <> ?5 THEN 1
              WHEN l.last_import IS NULL THEN 4 ELSE 2 END
            FROM course c LEFT JOIN course_listing l ON l.provider_id = c.provider_id AND l.course_id = c.course_id
            WHERE c.provider_id = ?3 AND c.course_id = ?4
            """)
        insert = try RawStatement(db, sql: insertSQL)
        insertIfAbsent = try RawStatement(db, sql: insertSQL + " ON CONFLICT(provider_id, course_id) DO NOTHING")
        update = try RawStatement(db, sql: """
            UPDATE course SET title = ?3, title_key = ?4, kind = ?5, digital_tier = ?6, data = ?7, presentations = ?8,
            first_start = ?9, last_end = ?10, updated_at = ?11, retired_at = NULL, written_by_import = ?12
            WHERE provider_id = ?1 AND course_id = ?2
            """)
        let markSQL = "UPDATE course_listing SET last_import = ?1 WHERE provider_id = ?2 AND course_id = ?3"
        mark = try RawStatement(db, sql: markSQL)
        markFirst = try RawStatement(
            db, sql: "INSERT INTO course_listing (provider_id, course_id, last_import) VALUES (?2, ?3, ?1)")
        let sameSQL = """
            FROM course WHERE provider_id = ?2 AND course_id = ?3 AND retired_at IS NULL AND written_by_import <> ?1
            AND data = ?4 AND title = ?5
            """
        markIfSame = try RawStatement(db, sql: markSQL + " AND last_import <> ?1 AND EXISTS (SELECT 1 \(sameSQL))")
        markFirstIfSame = try RawStatement(db, sql: """
            INSERT OR IGNORE INTO course_listing (provider_id, course_id, last_import) SELECT provider_id, course_id, ?1
            \(sameSQL)
            """)
    }
}

/// The key under which the same course from two providers meets: the title in Unicode NFKC
/// (全角/半角 folded), white space removed, lower-cased.
public enum CourseTitleKey {
    public static func make(_ title: String) -> String {
        // Most titles are already their own key: no compatibility characters, upper case or spaces.
        if !title.unicodeScalars.contains(where: { needsFolding($0) }) { return title }
        return foldedByScalar(title) ?? foldedByFoundation(title)
    }

    /// The key of a title whose every scalar NFKC leaves alone or maps to one ASCII character
    /// (fullwidth ASCII, the ideographic space), folded one scalar at a time; nil when the
    /// title has any other scalar. None of these scalars composes with a neighbour, so NFKC
    /// of the title is NFKC of each. This way titles with `・`, `「」`, `（）`, ＡＢＣ or capitals,
    /// common in feeds, skip Foundation's NFKC and `lowercased()`, which cost too much to run
    /// for every course of a feed.
    static func foldedByScalar(_ title: String) -> String? {
        var key = String.UnicodeScalarView()
        for scalar in title.unicodeScalars {
            switch scalar.value {
            case 0x09...0x0D, 0x20, 0x3000:
                continue
            case 0x41...0x5A:
                key.append(Unicode.Scalar(UInt8(scalar.value + 0x20)))
            case 0xFF21...0xFF3A:
                key.append(Unicode.Scalar(UInt8(scalar.value - 0xFEE0 + 0x20)))
            case 0xFF01...0xFF5E:
                key.append(Unicode.Scalar(UInt8(scalar.value - 0xFEE0)))
            case 0x21...0x7E, 0x3001...0x301F, 0x3041...0x3096, 0x30A1...0x30FE, 0x4E00...0x9FFF:
                key.append(scalar)
            default:
                return nil
            }
        }
        return String(key)
    }

    /// The key through Foundation: any title.
    static func foldedByFoundation(_ title: String) -> String {
        let folded = needsCompatibilityMapping(title) ? title.precomposedStringWithCompatibilityMapping : title
        var key = String.UnicodeScalarView()
        for scalar in folded.lowercased().unicodeScalars where !scalar.isUnicodeWhitespace { key.append(scalar) }
        return String(key)
    }

    private static func needsFolding(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A: true
        case 0x21...0x7E, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC...0x30FE, 0x4E00...0x9FFF: false
        default: true
        }
    }

    /// False when every scalar is one NFKC leaves alone (printable ASCII, hiragana, katakana,
    /// CJK ideographs, white space): most titles, which then skip the costly mapping.
    static func needsCompatibilityMapping(_ title: String) -> Bool {
        title.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x20...0x7E, 0x3041...0x3096, 0x30A1...0x30FA, 0x30FC...0x30FE, 0x4E00...0x9FFF, 0x09, 0x0A, 0x0D: false
            default: true
            }
        }
    }
}
