import Foundation
import GRDB

/// The store: one SQLite file (WAL, foreign keys) holding staff, evaluations, training
/// history, the course catalogue, recommendations, mentor pairs, the mail ledger and the
/// import logs. This is the one place that opens the database.
public final class KenshuStore: Sendable {
    let writer: any DatabaseWriter

    private init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// The page size of a store this creates: 16 KiB. A course row is ~870 bytes, so a page
    /// holds 18 of them with little left over, and a first import writes fewer pages (each a
    /// WAL frame and a checkpoint copy) than with smaller pages. Not larger: a page is read or
    /// written whole for one small row, which costs more when a feed's courses come in another
    /// order than their keys. SQLite takes the size only before the file has its first page,
    /// and `DatabasePool` turns WAL on (which writes it) after `prepareDatabase`; an existing
    /// store keeps the page size it was made with (changing it means a VACUUM out of WAL mode,
    /// with every other connection closed).
    static let pageSize = 16_384

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    public static func open(path: String) throws(StoreError) -> KenshuStore {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotOpen(path: path, reason: "cannot create the folder \(folder): \(error.localizedDescription)")
        }
        do {
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(10)
            configuration.prepareDatabase { db in
                // Only the writer: a read-only connection cannot create the file.
                guard !db.configuration.readonly else { return }
                try db.execute(sql: "PRAGMA page_size = \(pageSize)")
            }
            let pool = try DatabasePool(path: path, configuration: configuration)
            try Migrations.migrator.migrate(pool)
            return KenshuStore(writer: pool)
        } catch {
            throw .cannotOpen(path: path, reason: String(describing: error))
        }
    }

    /// A private in-memory store, for tests.
    public static func inMemory() throws(StoreError) -> KenshuStore {
        do {
            let queue = try DatabaseQueue()
            try Migrations.migrator.migrate(queue)
            return KenshuStore(writer: queue)
        } catch {
            throw .database(String(describing: error))
        }
    }

    /// Runs `body` in one write transaction: all of it is applied, or none.
    func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.write(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(String(describing: error))
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try writer.read(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .database(String(describing: error))
        }
    }
}
