import Foundation
import GRDB
import KenshuCore
@testable import KenshuStore

/// Runs `body` with the path of a store file (`kenshu.sqlite`) in a new temporary folder,
/// which is removed afterwards.
func withTemporaryStorePath<T>(_ body: (String) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder.appendingPathComponent("kenshu.sqlite").path)
}

/// Writes a store at `path` as an older Kenshu left it: migrated up to `migration`, with
/// `provider` and its first feed import (id 1) in it; `fill` adds the rows the test needs.
func writeFormerStore(
    at path: String, migratedUpTo migration: String, provider: CourseProvider, fill: (Database) throws -> Void
) throws {
    let queue = try DatabaseQueue(path: path)
    try Migrations.migrator.migrate(queue, upTo: migration)
    try queue.write { db in
        try db.execute(sql: "INSERT INTO provider (id, name, url) VALUES (?, ?, ?)",
                       arguments: [provider.id, provider.name, provider.url])
        try db.execute(sql: """
            INSERT INTO feed_import (source, format, providers, succeeded, summary, warnings, finished_at)
            VALUES ('old.xml', 'XCRI-CAP 1.2', ?, 1, '', 0, '2026-11-01 00:00:00.000')
            """, arguments: [provider.id])
        try fill(db)
    }
}

/// `withTemporaryStorePath` for a body that awaits.
func withTemporaryStorePath<T>(_ body: (String) async throws -> T) async throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try await body(folder.appendingPathComponent("kenshu.sqlite").path)
}
