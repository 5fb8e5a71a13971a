#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP client connection for a line protocol (SMTP), where no wait is without a deadline:
/// connecting, writing and reading each give up at the deadline the caller passes, so a
/// server that stops answering cannot hang the caller.
///
/// Lines are read up to LF (a CR before it is dropped) and at most `maximumLine` bytes long.
/// Writes never raise SIGPIPE. Not shared between threads: one owner uses it and closes it
/// (also done when it is released).
public final class TCPConnection {
    /// Why the connection cannot go on. After any of them the connection is of no further use.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The peer closed the connection, or it was reset.
        case closed(reason: String)
        /// The deadline passed before the peer answered (or took the bytes).
        case timedOut
        /// The peer sent a line longer than `maximumLine`.
        case lineTooLong
        /// Any other failure of a system call.
        case system(operation: String, reason: String)

        public var description: String {
            switch self {
            case .closed(let reason): reason
            case .timedOut: "no answer in time"
            case .lineTooLong: "a line too long"
            case .system(let operation, let reason): "\(operation): \(reason)"
            }
        }
    }

    /// The longest line `readLine` accepts (RFC 5321 allows 512 bytes for a reply line).
    public static let maximumLine = 4096

    private var socket: Int32
    private var buffer: [UInt8] = []
    private var readIndex = 0

    private init(socket: Int32) {
        self.socket = socket
    }

    deinit {
        close()
    }

    /// Connects to `host` (a name or an address) at `port`, trying each of its addresses until
    /// one answers; throws the last failure (a resolver error as `.system`) when none does.
    public static func connect(host: String, port: Int, deadline: ContinuousClock.Instant) throws(Failure) -> TCPConnection {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let resolved = getaddrinfo(host, String(port), &hints, &list)
        guard resolved == 0, let first = list else {
            throw .system(operation: "look up \(host)", reason: String(cString: gai_strerror(resolved)))
        }
        defer { freeaddrinfo(first) }
        var failure = Failure.system(operation: "connect", reason: "no address for \(host)")
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let address = entry {
            entry = address.pointee.ai_next
            do {
                return try connect(to: address.pointee, deadline: deadline)
            } catch {
                failure = error
            }
        }
        throw failure
    }

    /// Connects a non-blocking socket to one resolved address, waiting at most until `deadline`.
    private static func connect(to address: addrinfo, deadline: ContinuousClock.Instant) throws(Failure) -> TCPConnection {
        let fd = Glibc.socket(address.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw .system(operation: "socket", reason: String(cString: strerror(errno))) }
        let connection = TCPConnection(socket: fd)
        // Commands are small and answered one by one: send them at once, not after a delayed ACK.
        var on: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        if Glibc.connect(fd, address.ai_addr, address.ai_addrlen) != 0 {
            guard errno == EINPROGRESS || errno == EINTR else { throw .closed(reason: String(cString: strerror(errno))) }
            try connection.wait(for: Int16(POLLOUT), until: deadline)
            var code: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length)
            guard code == 0 else { throw .closed(reason: String(cString: strerror(code))) }
        }
        return connection
    }

    /// Writes all of `bytes`, waiting while the peer does not take them, until `deadline`.
    public func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(Failure) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                send(socket, buffer.baseAddress.map { $0 + written }, bytes.count - written, Int32(MSG_NOSIGNAL))
            }
            if count >= 0 {
                written += count
                continue
            }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: try wait(for: Int16(POLLOUT), until: deadline)
            case EPIPE, ECONNRESET, ENOTCONN, EBADF: throw .closed(reason: String(cString: strerror(errno)))
            default: throw .system(operation: "send", reason: String(cString: strerror(errno)))
            }
        }
    }

    /// The next line, without its CR LF (or bare LF), waiting for it until `deadline`.
    public func readLine(deadline: ContinuousClock.Instant) throws(Failure) -> [UInt8] {
        while true {
            if let end = buffer[readIndex...].firstIndex(of: UInt8(ascii: "\n")) {
                var line = Array(buffer[readIndex..<end])
                if line.last == UInt8(ascii: "\r") { line.removeLast() }
                readIndex = end + 1
                if readIndex == buffer.count {
                    buffer.removeAll(keepingCapacity: true)
                    readIndex = 0
                }
                return line
            }
            guard buffer.count - readIndex <= Self.maximumLine else { throw .lineTooLong }
            try receive(until: deadline)
        }
    }

    /// Reads what has arrived (at least one byte) into the buffer.
    private func receive(until deadline: ContinuousClock.Instant) throws(Failure) {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                buffer += chunk[0..<count]
                return
            }
            if count == 0 { throw .closed(reason: "the server closed the connection") }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: try wait(for: Int16(POLLIN), until: deadline)
            case ECONNRESET, ENOTCONN, EBADF: throw .closed(reason: String(cString: strerror(errno)))
            default: throw .system(operation: "recv", reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Waits until the socket is ready for `events` (or has an error to report), or throws
    /// `.timedOut` once `deadline` has passed.
    private func wait(for events: Int16, until deadline: ContinuousClock.Instant) throws(Failure) {
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { throw .timedOut }
            let (seconds, attoseconds) = left.components
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            var entry = pollfd(fd: socket, events: events, revents: 0)
            let ready = poll(&entry, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw .system(operation: "poll", reason: String(cString: strerror(errno))) }
        }
    }

    /// This end's address as an SMTP address literal: `[127.0.0.1]`, `[IPv6:::1]`.
    public var localAddressLiteral: String? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let found = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        guard found == 0 else { return nil }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = Int32(storage.ss_family)
        let written: UnsafePointer<CChar>? = withUnsafePointer(to: &storage) { pointer in
            if family == AF_INET {
                return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { address in
                    withUnsafePointer(to: address.pointee.sin_addr) { inet_ntop(AF_INET, $0, &text, socklen_t(text.count)) }
                }
            }
            return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { address in
                withUnsafePointer(to: address.pointee.sin6_addr) { inet_ntop(AF_INET6, $0, &text, socklen_t(text.count)) }
            }
        }
        guard written != nil else { return nil }
        let address = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return family == AF_INET ? "[\(address)]" : "[IPv6:\(address)]"
    }

    /// Closes the socket (again: nothing).
    public func close() {
        guard socket >= 0 else { return }
        Glibc.close(socket)
        socket = -1
    }
}
