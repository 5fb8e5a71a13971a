#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `sd_notify` without libsystemd: state lines (`READY=1`, `STATUS=…`, `WATCHDOG=1`) sent as
/// one datagram to the socket named by `$NOTIFY_SOCKET` (a path, or `@name` in the abstract
/// namespace). Without that variable (not started by systemd) every call does nothing.
public struct SystemdNotifier: Sendable {
    /// The socket's address, nil when not under systemd.
    public let socketPath: String?

    public init(environment: [String: String]) {
        let path = environment["NOTIFY_SOCKET"] ?? ""
        socketPath = path.isEmpty ? nil : path
    }

    /// Whether a manager listens.
    public var isActive: Bool { socketPath != nil }

    /// Sends the assignments as one message (`KEY=value` lines), never waiting: a manager that
    /// does not read must not stall the daemon. Returns false when it could not be sent (the
    /// caller logs it; systemd may be gone, which is no reason to stop).
    @discardableResult
    public func notify(_ assignments: [(String, String)]) -> Bool {
        guard let socketPath else { return true }
        let message = assignments.map { "\($0.0)=\(Self.oneLine($0.1))" }.joined(separator: "\n")
        return Self.send(message, to: socketPath)
    }

    /// A value may not hold a line break (it would start another assignment).
    static func oneLine(_ value: String) -> String {
        String(value.map { $0.isNewline ? " " : $0 })
    }

    private static func send(_ message: String, to path: String) -> Bool {
        #if canImport(Glibc)
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let descriptor = socket(AF_UNIX, SOCK_DGRAM, 0)
        #endif
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(path.utf8)
        let abstract = pathBytes.first == UInt8(ascii: "@")
        if abstract { pathBytes[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in pathBytes.enumerated() { buffer[index] = byte }
        }
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path) ?? 2
        // An abstract address is exactly as long as its name; a path one ends at its NUL.
        let length = socklen_t(pathOffset + pathBytes.count + (abstract ? 0 : 1))
        let bytes = Array(message.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                sendto(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT), socketAddress, length)
            }
        }
        return sent == bytes.count
    }
}

/// The watchdog systemd expects (`WatchdogSec=`), read from `$WATCHDOG_USEC` and
/// `$WATCHDOG_PID` (which, when set, must be this process).
public struct SystemdWatchdog: Sendable, Equatable {
    /// How often to send `WATCHDOG=1`: half of systemd's timeout.
    public let interval: Duration

    /// Nil when no watchdog is asked of this process.
    public init?(environment: [String: String], processID: Int32 = getpid()) {
        guard let text = environment["WATCHDOG_USEC"], let microseconds = Int64(text), microseconds > 0 else { return nil }
        if let pid = environment["WATCHDOG_PID"], !pid.isEmpty, Int32(pid) != processID { return nil }
        interval = .microseconds(microseconds / 2)
    }
}

/// `CLOCK_MONOTONIC` in microseconds, as `RELOADING=1` wants it in `MONOTONIC_USEC=`.
public func monotonicMicroseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
}
