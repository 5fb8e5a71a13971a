import Foundation
import GRDB
import KenshuCore
import KenshuPOSIX
import Synchronization

/// The store: one SQLite file (WAL, foreign keys) holding staff, evaluations, training
/// history, the course catalogue, recommendations, mentor pairs, the mail ledger and the
/// import logs. This is the one place that opens the database.
public final class KenshuStore: Sendable {
    let writer: any DatabaseWriter
    /// The decoded course listings and the data version they were read at (`courseListings`).
    let listingsMemo = Mutex<(version: Int, listings: [CourseListing])?>(nil)

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

    /// How a command uses the store.
    public enum Access: Sendable {
        /// Creates the store when missing and brings its schema up to date.
        case readWrite
        /// Reads an existing, current store and never changes it: no file is created and
        /// no migration runs (a command that only shows something must not race a writer
        /// on an upgrade).
        case readOnly
    }

    /// Opens the store at `path`. With `.readWrite`, creates it when missing and migrates it
    /// while holding `<path>.lock`, so that two processes opening a new or older store at
    /// once never both run a migration: the second waits, then finds the schema current.
    public static func open(path: String, access: Access = .readWrite) throws(StoreError) -> KenshuStore {
        switch access {
        case .readWrite: try openForWriting(path: path)
        case .readOnly: try openForReading(path: path)
        }
    }

    private static func openForWriting(path: String) throws(StoreError) -> KenshuStore {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotOpen(path: path, reason: "cannot create the folder \(folder): \(error.localizedDescription)")
        }
        let lock: FileLock?
        do {
            lock = try FileLock.take(path + ".lock", wait: true)
        } catch {
            throw .cannotOpen(path: path, reason: error.description)
        }
        defer { withExtendedLifetime(lock) {} }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(readOnly: false))
            try Migrations.migrator.migrate(pool)
            return KenshuStore(writer: pool)
        } catch {
            throw .cannotOpen(path: path, reason: String(describing: error))
        }
    }

    private static func openForReading(path: String) throws(StoreError) -> KenshuStore {
        guard FileManager.default.fileExists(atPath: path) else { throw .notCreated(path: path) }
        let pool: DatabasePool
        let state: (completed: Bool, superseded: Bool)
        do {
            pool = try DatabasePool(path: path, configuration: configuration(readOnly: true))
            state = try pool.read { db in
                (try Migrations.migrator.hasCompletedMigrations(db), try Migrations.migrator.hasBeenSuperseded(db))
            }
        } catch {
            throw .cannotOpen(path: path, reason: String(describing: error))
        }
        if state.superseded { throw .newerThanProgram(path: path) }
        if !state.completed { throw .needsMigration(path: path) }
        return KenshuStore(writer: pool)
    }

    private static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Only the writer: a read-only connection cannot create the file.
            guard !db.configuration.readonly else { return }
            try db.execute(sql: "PRAGMA page_size = \(pageSize)")
        }
        return configuration
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
