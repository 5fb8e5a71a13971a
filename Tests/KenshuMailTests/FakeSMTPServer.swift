import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A small SMTP server on 127.0.0.1 (an ephemeral port), in process, for the SMTP delivery
/// tests: each connection on a thread of its own, its replies set by `Behaviour`, and what
/// it received kept for the test to check. `stop()` closes it.
final class FakeSMTPServer: @unchecked Sendable {
    /// How the server answers. Replies are whole lines without CR LF (`550 5.1.1 unknown`).
    struct Behaviour: Sendable {
        /// Whether EHLO offers PIPELINING.
        var pipelining = true
        /// From the first command with this verb (`EHLO`, `MAIL`) on, answer nothing more on
        /// that connection (a hung server).
        var silentFrom: String?
        /// The reply to `RCPT TO` for an address (nil: 250).
        var recipient: @Sendable (String) -> String? = { _ in nil }
        /// The reply to DATA for the n-th transaction of the server (from 1; nil: 354).
        var data: @Sendable (Int) -> String? = { _ in nil }
        /// Close the connection, without a reply, after the final dot of this n-th message.
        var dropAfterMessage: Int?
        /// Stop listening when dropping (so that a reconnect is refused).
        var stopListeningOnDrop = false
    }

    /// One transaction the server accepted (250 after the final dot).
    struct Message: Sendable {
        var sender: String
        var recipients: [String]
        /// The DATA lines as they came, dot-stuffed, without the final dot.
        var rawLines: [String]
        /// The message with the stuffing undone and CR LF line ends.
        var unstuffed: [UInt8] {
            Array(rawLines.map { ($0.hasPrefix(".") ? String($0.dropFirst()) : $0) + "\r\n" }.joined().utf8)
        }
    }

    let port: Int
    private let behaviour: Behaviour
    private let lock = NSLock()
    private var listener: Int32
    private var accepted: [Message] = []
    private var commands: [String] = []
    private var connectionCount = 0
    private var dataCount = 0
    private var pipelinedBatches = 0
    private var commandsSentEarly = 0

    init(_ behaviour: Behaviour = Behaviour()) throws {
        self.behaviour = behaviour
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && listen(fd, 16) == 0
                    && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard fd >= 0, bound else {
            close(fd)
            throw POSIXError(.EADDRNOTAVAIL)
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in acceptLoop(fd) }
    }

    deinit {
        stop()
    }

    /// Stops listening (connections already open go on until their client leaves).
    func stop() {
        lock.withLock {
            if listener >= 0 {
                shutdown(listener, Int32(SHUT_RDWR))
                close(listener)
                listener = -1
            }
        }
    }

    var messages: [Message] { lock.withLock { accepted } }
    var commandLog: [String] { lock.withLock { commands } }
    var connections: Int { lock.withLock { connectionCount } }
    /// Transactions whose MAIL FROM came with its DATA in the same read (pipelined).
    var pipelined: Int { lock.withLock { pipelinedBatches } }
    /// Commands that arrived before the reply to the one before them was sent.
    var early: Int { lock.withLock { commandsSentEarly } }

    private func acceptLoop(_ fd: Int32) {
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            lock.withLock { connectionCount += 1 }
            Thread.detachNewThread { [self] in serve(client) }
        }
    }

    private func serve(_ fd: Int32) {
        let client = LineReader(fd: fd)
        defer { close(fd) }
        client.send("220 fake.example.jp ESMTP")
        var sender = ""
        var recipients: [String] = []
        var silent = false
        while let line = client.line() {
            lock.withLock { commands.append(line) }
            silent = silent || line.uppercased().hasPrefix(behaviour.silentFrom ?? "\0")
            if silent { continue }
            if !behaviour.pipelining && client.hasBufferedBytes { lock.withLock { commandsSentEarly += 1 } }
            let verb = line.prefix(4).uppercased()
            switch verb {
            case "EHLO":
                client.send(behaviour.pipelining ? "250-fake.example.jp\r\n250-PIPELINING\r\n250 8BITMIME" : "250-fake.example.jp\r\n250 8BITMIME")
            case "HELO":
                client.send("250 fake.example.jp")
            case "MAIL":
                if client.buffered.contains("DATA\r\n") { lock.withLock { pipelinedBatches += 1 } }
                sender = address(in: line)
                recipients = []
                client.send("250 2.1.0 Ok")
            case "RCPT":
                let recipient = address(in: line)
                if let reply = behaviour.recipient(recipient) {
                    client.send(reply)
                } else {
                    recipients.append(recipient)
                    client.send("250 2.1.5 Ok")
                }
            case "DATA":
                guard !recipients.isEmpty else {
                    client.send("554 5.5.1 Error: no valid recipients")
                    continue
                }
                let count = lock.withLock {
                    dataCount += 1
                    return dataCount
                }
                if let reply = behaviour.data(count) {
                    client.send(reply)
                    continue
                }
                client.send("354 End data with <CR><LF>.<CR><LF>")
                var lines: [String] = []
                while let dataLine = client.line(), dataLine != "." { lines.append(dataLine) }
                if behaviour.dropAfterMessage == count {
                    if behaviour.stopListeningOnDrop { stop() }
                    return
                }
                lock.withLock { accepted.append(Message(sender: sender, recipients: recipients, rawLines: lines)) }
                recipients = []
                client.send("250 2.0.0 Ok: queued")
            case "RSET":
                recipients = []
                client.send("250 2.0.0 Ok")
            case "QUIT":
                client.send("221 2.0.0 Bye")
                return
            default:
                client.send("502 5.5.2 Error: command not recognized")
            }
        }
    }

    private func address(in line: String) -> String {
        guard let open = line.firstIndex(of: "<"), let close = line.lastIndex(of: ">"), open < close else { return "" }
        return String(line[line.index(after: open)..<close])
    }
}

/// Lines from a socket (blocking, at most 30 s per wait so a test never hangs on it).
private final class LineReader {
    let fd: Int32
    private var bytes: [UInt8] = []

    init(fd: Int32) {
        self.fd = fd
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    var hasBufferedBytes: Bool { !bytes.isEmpty }
    var buffered: String { String(decoding: bytes, as: UTF8.self) }

    /// The next line without CR LF; nil when the client left.
    func line() -> String? {
        while true {
            if let end = bytes.firstIndex(of: 10) {
                var line = Array(bytes[..<end])
                bytes.removeFirst(end + 1)
                if line.last == 13 { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            bytes += chunk[0..<count]
        }
    }

    func send(_ text: String) {
        let data = Array((text + "\r\n").utf8)
        _ = data.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }
}
