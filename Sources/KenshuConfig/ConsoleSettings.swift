/// The HR console (管理画面, `console:` in `kenshu.yaml`): off unless `listen` is set;
/// on loopback unless `allowRemote` says otherwise (the loader refuses the rest).
public struct ConsoleSettings: Sendable, Equatable {
    /// Where `kenshu console serve` listens (`127.0.0.1:8470`); nil when the console is off.
    public var listen: Address?
    /// Whether `listen` may be an address other than loopback.
    public var allowRemote = false
    /// The accounts file (name, role, bcrypt hash; mode 0600); default `<state>/console-users.yaml`.
    public var accountsFile: String
    /// Whether the session cookie is marked `Secure` (the console behind a TLS proxy).
    public var secureCookies = false
    /// A session unused this many minutes ends.
    public var idleMinutes = 30
    /// The reverse proxies (IP addresses) whose `X-Forwarded-For` names the client: a request
    /// from one of them counts against the address it forwards for (the login throttle, the
    /// audit log); from anywhere else the header is ignored. Empty: trust no header.
    public var trustedProxies: [String] = []
    /// The largest upload (アップロード page) in MB; every other request keeps the console's 2 MB.
    public var uploadLimitMB = 64

    public init(accountsFile: String) {
        self.accountsFile = accountsFile
    }

    /// A host (IPv4, `[IPv6]` or a name) and a port.
    public struct Address: Sendable, Equatable, CustomStringConvertible {
        public var host: String
        public var port: Int

        public init(host: String, port: Int) {
            self.host = host
            self.port = port
        }

        /// Loopback: 127.0.0.0/8, ::1 or `localhost`.
        public var isLoopback: Bool {
            host == "localhost" || host == "::1" || host.hasPrefix("127.")
        }

        public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
    }

    /// The accounts file's default name inside the state folder.
    public static let defaultAccountsFileName = "console-users.yaml"
}
