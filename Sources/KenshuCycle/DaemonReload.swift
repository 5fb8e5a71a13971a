import Foundation
import KenshuCore
import KenshuPOSIX

/// How another process (the console, in its own unit and user namespace, which cannot signal
/// `kenshu serve`) asks the daemon to reload, and how it learns what the daemon runs with:
/// two small files in the state folder, each replaced whole.
/// - `reload-request`: its existence is the request; the daemon takes it (removes it) and
///   reloads as on SIGHUP.
/// - `daemon-setup.json`: written by the daemon at start and after each reload: the
///   fingerprint of the rules file it loaded, when, and why a reload failed.
public enum DaemonReload {
    /// What the daemon last loaded.
    public struct Status: Sendable, Codable, Equatable {
        /// `FileFingerprint` of the rules file as the daemon read it.
        public var rulesFingerprint: String
        public var loadedAt: Date
        /// Why the last reload failed (the previous setup serves); nil when it succeeded.
        public var reloadProblem: String?

        public init(rulesFingerprint: String, loadedAt: Date, reloadProblem: String?) {
            self.rulesFingerprint = rulesFingerprint
            self.loadedAt = loadedAt
            self.reloadProblem = reloadProblem
        }
    }

    static func requestPath(_ stateDirectory: String) -> String { stateDirectory + "/reload-request" }
    static func statusPath(_ stateDirectory: String) -> String { stateDirectory + "/daemon-setup.json" }

    /// Asks the daemon to reload; `reason` is kept in the file for whoever looks.
    public static func request(stateDirectory: String, reason: String) throws(SystemCallError) {
        try FileReplacement.replace(requestPath(stateDirectory), with: Array((reason + "\n").utf8), mode: 0o640)
    }

    /// The daemon's side: true once per request (the file is removed).
    public static func takeRequest(stateDirectory: String) -> Bool {
        unlink(requestPath(stateDirectory)) == 0
    }

    /// Whether a request waits for the daemon.
    public static func isRequested(stateDirectory: String) -> Bool {
        DurableFiles.exists(requestPath(stateDirectory))
    }

    /// The daemon's side: records what it runs with now.
    public static func record(_ status: Status, stateDirectory: String) throws(SystemCallError) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let bytes = (try? encoder.encode(status)).map { [UInt8]($0) } ?? []
        try FileReplacement.replace(statusPath(stateDirectory), with: bytes, mode: 0o640)
    }

    /// What the daemon last recorded; nil when it never ran with this state folder.
    public static func status(stateDirectory: String) -> Status? {
        guard let data = FileManager.default.contents(atPath: statusPath(stateDirectory)) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(Status.self, from: data)
    }
}
