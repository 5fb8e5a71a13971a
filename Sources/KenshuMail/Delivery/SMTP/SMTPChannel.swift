#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KenshuPOSIX

/// One open SMTP connection, past its greeting and EHLO: sends commands and bytes and reads
/// replies, each within the transport's timeout. Every thrown `DeliveryError`
/// (`connectionLost`, `serverTimedOut`, `protocolError`) means the connection is of no
/// further use; the caller drops it.
final class SMTPChannel {
    private let connection: TCPConnection
    private let transport: SMTPTransport
    /// The extensions the EHLO reply named (none after HELO).
    private(set) var extensions: Set<String> = []

    private init(connection: TCPConnection, transport: SMTPTransport) {
        self.connection = connection
        self.transport = transport
    }

    /// Connects, reads the greeting (220) and says EHLO (HELO when the server does not know
    /// EHLO), all within `connectTimeout` and `timeout`. Any failure is `cannotConnect` with why.
    static func open(_ transport: SMTPTransport) throws(DeliveryError) -> SMTPChannel {
        func failed(_ reason: String) -> DeliveryError { .cannotConnect(server: transport.server, reason: reason) }
        let deadline = ContinuousClock.now + transport.connectTimeout
        let channel: SMTPChannel
        do {
            channel = SMTPChannel(
                connection: try TCPConnection.connect(host: transport.host, port: transport.port, deadline: deadline),
                transport: transport)
        } catch {
            throw failed(error.description)
        }
        do throws(DeliveryError) {
            let greeting = try channel.reply(to: "the greeting", deadline: deadline)
            guard greeting.code == 220 else { throw failed("it greeted with \(greeting.code) \(greeting.text)") }
            let name = transport.heloName ?? heloName(channel.connection)
            var hello = try channel.command("EHLO " + name)
            if (500...504).contains(hello.code) {
                hello = try channel.command("HELO " + name)
                hello.lines = []
            }
            guard hello.isPositive else { throw failed("it refused EHLO: \(hello.code) \(hello.text)") }
            channel.extensions = hello.extensions
        } catch {
            channel.connection.close()
            switch error {
            case .serverTimedOut(_, let during, let after): throw failed("no answer to \(during) within \(after)")
            case .connectionLost(_, let during, let reason): throw failed("the connection was lost during \(during) (\(reason))")
            case .protocolError(_, let during, let reason): throw failed("it answered \(during) with something that is not SMTP (\(reason))")
            default: throw error
            }
        }
        return channel
    }

    /// Whether commands may be sent together (RFC 2920).
    var pipelining: Bool { extensions.contains("PIPELINING") }

    /// Whether `BODY=8BITMIME` may be declared (RFC 6152).
    var eightBitMIME: Bool { extensions.contains("8BITMIME") }

    /// Sends `commands` in one write, each ended by CR LF.
    func send(_ commands: [String]) throws(DeliveryError) {
        try send(Array(commands.map { $0 + "\r\n" }.joined().utf8), during: commands[0])
    }

    /// Sends `bytes` as they are; `during` names them in an error.
    func send(_ bytes: [UInt8], during: String) throws(DeliveryError) {
        do {
            try connection.write(bytes, deadline: ContinuousClock.now + transport.timeout)
        } catch {
            throw failure(error, during: during)
        }
    }

    /// The reply to `command` (sent before), read within the timeout (or by `deadline`).
    func reply(to command: String, deadline: ContinuousClock.Instant? = nil) throws(DeliveryError) -> SMTPReply {
        do {
            return try read(deadline: deadline ?? ContinuousClock.now + transport.timeout)
        } catch {
            switch error {
            case .connection(let failure): throw self.failure(failure, during: command)
            case .malformed(let line): throw .protocolError(server: transport.server, during: command, reason: line)
            }
        }
    }

    /// Sends `command` and reads its reply.
    func command(_ command: String) throws(DeliveryError) -> SMTPReply {
        try send([command])
        return try reply(to: command)
    }

    /// QUIT, its reply awaited a few seconds at most, and the connection closed.
    func quit() {
        _ = try? connection.write(Array("QUIT\r\n".utf8), deadline: ContinuousClock.now + .seconds(2))
        _ = try? read(deadline: ContinuousClock.now + min(transport.timeout, .seconds(5)))
        connection.close()
    }

    /// Closes the connection without a word (mid-DATA, this abandons the transaction).
    func drop() {
        connection.close()
    }

    private func read(deadline: ContinuousClock.Instant) throws(SMTPReply.Failure) -> SMTPReply {
        try SMTPReply.read(from: connection, deadline: deadline)
    }

    private func failure(_ failure: TCPConnection.Failure, during: String) -> DeliveryError {
        switch failure {
        case .timedOut: .serverTimedOut(server: transport.server, during: during, after: transport.timeout)
        default: .connectionLost(server: transport.server, during: during, reason: failure.description)
        }
    }

    /// This machine's name when it is a full domain name, else the connection's own address
    /// as a literal (`[127.0.0.1]`): what RFC 5321 §4.1.4 asks EHLO to give.
    private static func heloName(_ connection: TCPConnection) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return connection.localAddressLiteral ?? "[127.0.0.1]" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        let isLetterDigitHyphen = { (byte: UInt8) in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
        if labels.count > 1, labels.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(isLetterDigitHyphen) }) { return name }
        return connection.localAddressLiteral ?? "[127.0.0.1]"
    }
}
