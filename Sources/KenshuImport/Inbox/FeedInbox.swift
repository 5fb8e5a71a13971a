import Foundation
import KenshuCore
import KenshuStore

/// The feed inbox (`incoming/`): institutes drop feeds there (e.g. by SFTP). Each `*.xml` is
/// imported; an imported feed moves to `incoming/imported/`, a rejected one to
/// `incoming/rejected/` with `NAME.error.txt` beside it saying what, where and which limit.
/// Files still being uploaded should carry a dot prefix or a `.part`/`.tmp` suffix and be
/// renamed when complete (rename is atomic); a `NAME.xml` written in place is left alone
/// until it has not changed for `settledFor` seconds (its size and time stand still).
public enum FeedInbox {
    /// What happened to one file of the inbox.
    public struct Outcome: Sendable, Codable {
        public var file: String
        public var movedTo: String
        public var summary: FeedImportSummary?
        public var error: String?
    }

    /// Makes the inbox and its `imported/` and `rejected/` folders where missing, so that an
    /// institute (or an admin following the README) can drop a feed there from the start.
    public static func prepare(directory: String) throws(KenshuError) {
        for folder in [directory, directory + "/imported", directory + "/rejected"] {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw KenshuError(.runtime, "\(folder): cannot create the feed inbox: \(error.localizedDescription) "
                    + "(check that its parent exists and is writable by the kenshu user)")
            }
        }
    }

    /// The feeds waiting in `directory`, in name order: regular `*.xml` files, not hidden,
    /// unchanged for at least `settledFor` seconds before `now`.
    public static func waiting(in directory: String, settledFor settle: Int = 0, now: Date = Date()) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { name in
            !name.hasPrefix(".") && name.lowercased().hasSuffix(".xml")
        }.sorted().map { directory + "/" + $0 }.filter { path in
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular else { return false }
            guard settle > 0 else { return true }
            let modified = attributes[.modificationDate] as? Date ?? .distantPast
            return now.timeIntervalSince(modified) >= Double(settle)
        }
    }

    /// Imports every waiting feed and files it away.
    public static func process(directory: String, settledFor settle: Int = 0, importer: FeedImporter) throws(KenshuError) -> [Outcome] {
        var outcomes: [Outcome] = []
        for path in waiting(in: directory, settledFor: settle) {
            let name = (path as NSString).lastPathComponent
            do {
                let summary = try FeedImport.run(file: path, profile: nil, provider: nil, validateOnly: false, importer: importer)
                let target = try move(path, to: directory + "/imported", name: name, store: importer.store)
                outcomes.append(Outcome(file: path, movedTo: target, summary: summary, error: nil))
            } catch {
                guard error.kind == .badInput else { throw error }
                let target = try move(path, to: directory + "/rejected", name: name, store: importer.store)
                // The message names the file where it now is.
                let message = error.message.replacingOccurrences(of: path, with: target)
                try write(error: message, beside: target)
                outcomes.append(Outcome(file: path, movedTo: target, summary: nil, error: message))
            }
        }
        return outcomes
    }

    /// Moves a feed into `folder` (created if needed), replacing an older file of the same
    /// name, and has the store's log of its import name it there (for `status`).
    private static func move(_ path: String, to folder: String, name: String, store: KenshuStore) throws(KenshuError) -> String {
        let target = folder + "/" + name
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: target) { try FileManager.default.removeItem(atPath: target) }
            try FileManager.default.moveItem(atPath: path, toPath: target)
        } catch {
            throw KenshuError(.runtime, "\(path): cannot move the feed to \(folder): \(error.localizedDescription)")
        }
        do {
            try store.noteFeedMoved(from: path, to: target)
        } catch {
            throw KenshuError(.runtime, error.description)
        }
        return target
    }

    private static func write(error message: String, beside target: String) throws(KenshuError) {
        let path = target + ".error.txt"
        let text = """
            \(message)

            The feed was rejected and the provider's previous catalogue stays. Fix the feed (or ask the
            institute to), then drop it into the inbox again.

            """
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw KenshuError(.runtime, "\(path): cannot write the rejection note: \(error.localizedDescription)")
        }
    }
}
