import Foundation

/// Uploads whose import the data-safety review held back (`data.review.threshold`), kept so
/// that their admin can accept them (「この内容で取り込む」, the CLI's `--accept`) without
/// uploading again. Each is found by a random token and only with the session that uploaded
/// it; it is gone after use, after `lifetime`, or once that session has ended (a sweep
/// removes its folder). In memory, as the sessions are.
actor HeldUploads {
    struct Held: Sendable {
        var sessionID: String
        var account: String
        var request: UploadRequest
        var folder: String
        var file: UploadedFile
        var since = Date.distantPast
    }

    private var held: [String: Held] = [:]
    let lifetime: TimeInterval
    private let now: @Sendable () -> Date

    init(lifetime: TimeInterval = 60 * 60, now: @escaping @Sendable () -> Date = { Date() }) {
        self.lifetime = lifetime
        self.now = now
    }

    /// Keeps `entry` (its folder stays) and returns its token.
    func keep(_ entry: Held) -> String {
        let token = RandomTokens.make()
        var entry = entry
        entry.since = now()
        held[token] = entry
        return token
    }

    /// Puts back an entry taken but not used (the writer lock was busy), under its token.
    func putBack(_ entry: Held, token: String) {
        held[token] = entry
    }

    /// The held upload of `token` for `sessionID`, removed from the list (its folder is now the
    /// taker's to remove); nil when there is none, it has expired, or another session's.
    func take(_ token: String, sessionID: String) -> Held? {
        guard let entry = held[token], entry.sessionID == sessionID else { return nil }
        held[token] = nil
        guard now().timeIntervalSince(entry.since) < lifetime else {
            UploadFolders.remove(entry.folder)
            return nil
        }
        return entry
    }

    /// Removes the expired ones and those whose session has ended, with their folders.
    func sweep(isLive: @Sendable (String) async -> Bool) async {
        let time = now()
        for (token, entry) in held {
            let live = await isLive(entry.sessionID)
            // Taken while this sweep waited: its folder is the taker's now.
            guard held[token] != nil, !live || time.timeIntervalSince(entry.since) >= lifetime else { continue }
            held[token] = nil
            UploadFolders.remove(entry.folder)
        }
    }

    var count: Int { held.count }
}
