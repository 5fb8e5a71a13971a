import Foundation

/// The console's sessions, in memory only (a restart logs everyone out). A session not used
/// for `idleTimeout` ends; using one keeps it alive.
public actor SessionStore {
    private var sessions: [String: ConsoleSession] = [:]
    private let idleTimeout: TimeInterval
    private let now: @Sendable () -> Date

    public init(idleTimeout: TimeInterval, now: @escaping @Sendable () -> Date = { Date() }) {
        self.idleTimeout = idleTimeout
        self.now = now
    }

    /// A new session for `account` (after a successful login).
    public func start(account: String, role: ConsoleAccount.Role) -> ConsoleSession {
        let time = now()
        sessions = sessions.filter { time.timeIntervalSince($0.value.lastUsed) < idleTimeout }
        let session = ConsoleSession(id: RandomTokens.make(), account: account, role: role,
                                     csrfToken: RandomTokens.make(), lastUsed: time)
        sessions[session.id] = session
        return session
    }

    /// The live session with `id`, marked used now; nil (and forgotten) when it idled out.
    public func use(_ id: String) -> ConsoleSession? {
        guard var session = sessions[id] else { return nil }
        let time = now()
        guard time.timeIntervalSince(session.lastUsed) < idleTimeout else {
            sessions[id] = nil
            return nil
        }
        session.lastUsed = time
        sessions[id] = session
        return session
    }

    /// Whether the session with `id` is live, without marking it used.
    public func isLive(_ id: String) -> Bool {
        sessions[id].map { now().timeIntervalSince($0.lastUsed) < idleTimeout } ?? false
    }

    /// Ends the session with `id` (logout).
    public func end(_ id: String) {
        sessions[id] = nil
    }
}
