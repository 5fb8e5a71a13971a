import Hummingbird
import NIOCore

/// What the console knows about a request besides the request: the client's address, and
/// the session when the `kenshu_session` cookie names a live one (set by `SessionMiddleware`).
public struct ConsoleRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address: the socket's peer (`不明` when there is none, as in tests), or
    /// the address a trusted proxy forwards for (`ClientAddressMiddleware`).
    public internal(set) var address: String
    public var session: ConsoleSession?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        address = source.channel.remoteAddress?.ipAddress ?? "不明"
        session = nil
    }

    /// A request body larger than this is refused (413) before anything reads it.
    public var maxUploadSize: Int { ConsoleLimits.maxBodyBytes }

    /// The session, or a refusal that sends the browser to the login page.
    public func requireSession() throws(ConsoleRefusal) -> ConsoleSession {
        guard let session else { throw .notLoggedIn }
        return session
    }

    /// The session of an account with `role` (an admin may do what a viewer may), or 403.
    public func requireRole(_ role: ConsoleAccount.Role) throws(ConsoleRefusal) -> ConsoleSession {
        let session = try requireSession()
        guard session.role == .admin || session.role == role else { throw .forbidden }
        return session
    }
}

/// The console's fixed limits.
public enum ConsoleLimits {
    /// The largest request body accepted: 2 MB.
    public static let maxBodyBytes = 2 * 1024 * 1024
}
