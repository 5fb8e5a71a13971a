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

    public var description: String { "added \(added), updated \(updated), unchanged \(unchanged), retired \(retired)" }
}

/// Writes one feed's courses inside the import's transaction, one course at a time (a feed
/// is never held whole in memory), then retires what the feed no longer lists.
public final class CatalogReplacement {
    private let db: Database
    private let now: Date
    /// `now` as stored: converted once, not for every course (a date formatter is slow).
    private let nowValue: DatabaseValue
    private let generation: Int64
    private var changes = CatalogChanges()
    private var providers: [String] = []

    init(db: Database, now: Date) throws {
        self.db = db
        self.now = now
        nowValue = now.databaseValue
        // Unique per import: the id the import's own log row is about to get (this is the
        // only writer, inside its transaction).
        generation = (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM feed_import") ?? 0) + 1
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
        let data = CourseJSON.encode(course)
        // What the store holds for this id, compared inside SQLite (the stored JSON never
        // crosses into Swift): 3 listed already by this import, 2 the same and active,
        // 1 different or retired, nil not there.
        let existing = try Int.fetchOne(
            db.cachedStatement(sql: """
                SELECT CASE WHEN last_import = ? THEN 3 WHEN retired_at IS NULL AND data = ? THEN 2 ELSE 1 END
                FROM course WHERE provider_id = ? AND course_id = ?
                """),
            arguments: [generation, data, course.provider.id, course.id])
        if let existing {
            if existing == 3 {
                changes.duplicates += 1
                return .duplicate
            }
            if existing == 2 {
                try db.cachedStatement(sql: "UPDATE course SET last_import = ? WHERE provider_id = ? AND course_id = ?")
                    .execute(arguments: [generation, course.provider.id, course.id])
                changes.unchanged += 1
                return .unchanged
            }
            try db.cachedStatement(sql: """
                UPDATE course SET title = ?, title_key = ?, kind = ?, digital_tier = ?, data = ?, presentations = ?,
                first_start = ?, last_end = ?, updated_at = ?, retired_at = NULL, last_import = ?
                WHERE provider_id = ? AND course_id = ?
                """).execute(arguments: [course.title, CourseTitleKey.make(course.title), course.kind, course.digitalTier,
                                         data, course.presentations.count, firstStart(course), lastEnd(course), nowValue,
                                         generation, course.provider.id, course.id])
            changes.updated += 1
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO course (provider_id, course_id, title, title_key, kind, digital_tier, data, presentations,
                first_start, last_end, first_seen_at, updated_at, retired_at, last_import)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)
                """).execute(arguments: [course.provider.id, course.id, course.title, CourseTitleKey.make(course.title),
                                         course.kind, course.digitalTier, data, course.presentations.count, firstStart(course),
                                         lastEnd(course), nowValue, nowValue, generation])
            changes.added += 1
        }
        return existing == nil ? .added : .updated
    }

    private func firstStart(_ course: Course) -> String? {
        course.presentations.compactMap(\.start).min()?.description
    }

    private func lastEnd(_ course: Course) -> String? {
        course.presentations.compactMap { $0.end ?? $0.start }.max()?.description
    }

    /// Retires the courses of the feed's providers that this import did not list.
    func finish() throws -> CatalogChanges {
        for provider in providers {
            try db.execute(
                sql: "UPDATE course SET retired_at = ? WHERE provider_id = ? AND last_import <> ? AND retired_at IS NULL",
                arguments: [nowValue, provider, generation])
            changes.retired += db.changesCount
        }
        changes.providers = providers
        return changes
    }

    private func noteProvider(_ provider: CourseProvider) throws {
        guard providers.last != provider.id else { return }
        if !providers.contains(provider.id) { providers.append(provider.id) }
        try db.execute(
            sql: "INSERT INTO provider (id, name, url) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name, url = excluded.url",
            arguments: [provider.id, provider.name, provider.url])
    }
}

/// The key under which the same course from two providers meets: the title in Unicode NFKC
/// (全角/半角 folded), white space removed, lower-cased.
public enum CourseTitleKey {
    public static func make(_ title: String) -> String {
        // Most titles are already their own key: no compatibility characters, upper case or spaces.
        if !title.unicodeScalars.contains(where: { needsFolding($0) }) { return title }
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
