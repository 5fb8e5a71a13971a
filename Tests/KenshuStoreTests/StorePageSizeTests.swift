import Foundation
import GRDB
import KenshuCore
import Testing
@testable import KenshuStore

/// The page size: 16 KiB for a store `open` creates, the old size kept for one made before.
struct StorePageSizeTests {
    func temporaryPath() throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder, folder.appendingPathComponent("kenshu.sqlite").path)
    }

    func pageSize(_ store: KenshuStore) throws -> Int? {
        try store.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") }
    }

    @Test func aNewStoreHasSixteenKiBPages() throws {
        let (folder, path) = try temporaryPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try pageSize(KenshuStore.open(path: path)) == 16_384)
        // Opened again, as the daemon and the command line do.
        #expect(try pageSize(KenshuStore.open(path: path)) == 16_384)
    }

    @Test func anExistingStoreKeepsItsPageSizeAndImports() throws {
        let (folder, path) = try temporaryPath()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try Migrations.migrator.migrate(queue, upTo: "008-course-listing")
        }
        let store = try KenshuStore.open(path: path)
        #expect(try pageSize(store) == 4_096)
        let provider = CourseProvider(id: "jamp", name: "市町村職員中央研修所")
        let changes = try store.replaceCatalog(source: "feed.xml", format: "test") { replacement in
            try replacement.store(Course(provider: provider, id: "A", title: "政策形成研修"))
            return 0
        }
        #expect(changes == CatalogChanges(providers: ["jamp"], added: 1))
    }
}

/// The bigger page cache of a catalogue import is the writer's for the import only.
struct ImportCacheTests {
    struct Rejected: Error {}

    @Test func theWritersCacheSizeIsRestoredAfterAnImportAndAfterARejectedOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try KenshuStore.open(path: folder.appendingPathComponent("kenshu.sqlite").path)
        func cacheSize() throws -> Int? { try store.write { db in try Int.fetchOne(db, sql: "PRAGMA cache_size") } }
        let before = try cacheSize()
        let course = Course(provider: CourseProvider(id: "jamp", name: "市町村職員中央研修所"), id: "A", title: "政策形成研修")
        _ = try store.replaceCatalog(source: "feed.xml", format: "test") { replacement in
            try replacement.store(course)
            return 0
        }
        #expect(try cacheSize() == before)
        #expect(throws: Rejected.self) {
            try store.replaceCatalog(source: "feed.xml", format: "test") { _ in throw Rejected() }
        }
        #expect(try cacheSize() == before)
    }
}
