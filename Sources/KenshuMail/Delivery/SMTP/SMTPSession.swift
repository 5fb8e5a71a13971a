/// One delivery run over SMTP (`SMTPTransport.openSession`): connects on its first mail and
/// keeps the connection for the mails after it.
///
/// - A mail is read whole before its transaction starts; one that cannot be is that mail's
///   failure, and nothing of it is sent.
/// - With PIPELINING, `MAIL FROM`, the `RCPT TO`s and `DATA` go in one write and their
///   replies are read after (RFC 2920); without it, one by one.
/// - `send` returns only when the server answered 2xx after the final dot; while the server
///   decides (it syncs its queue file), `meanwhile` runs.
/// - A refused sender, recipient or message is that mail's failure, with the server's reply:
///   the transaction is reset (RSET) and the connection serves the next mail. If any
///   recipient was refused nothing is sent, even to the others: when the server had already
///   opened DATA (354), the connection is closed to abandon the transaction.
/// - A lost connection, a timeout, a reply that is not SMTP or a 421 fail the mail at hand;
///   the next mail connects once more. When connecting fails (or at the first mail) the
///   error is `cannotConnect`, which stops the run.
final class SMTPSession: MailSession {
    private let transport: SMTPTransport
    private var channel: SMTPChannel?

    init(transport: SMTPTransport) {
        self.transport = transport
    }

    deinit {
        channel?.drop()
    }

    func send(file: String, meanwhile: () -> Void) throws(DeliveryError) {
        let message = try SMTPMessage.load(file: file)
        let channel: SMTPChannel
        if let open = self.channel {
            channel = open
        } else {
            channel = try SMTPChannel.open(transport)
            self.channel = channel
        }
        let outcome: Outcome
        do {
            outcome = try transaction(message, on: channel, meanwhile: meanwhile)
        } catch {
            abandon(channel)
            throw error
        }
        switch outcome {
        case .accepted:
            return
        case .refused(let error, let resettable):
            if resettable { reset(channel) } else { abandon(channel) }
            throw error
        }
    }

    /// QUIT, when connected.
    func close() {
        channel?.quit()
        channel = nil
    }

    /// How a transaction ended, when the connection did not fail.
    private enum Outcome {
        case accepted
        /// Refused by the server; `resettable`: RSET brings the connection back to a clean
        /// state (not after a 421, nor in DATA).
        case refused(DeliveryError, resettable: Bool)
    }

    private func transaction(
        _ message: SMTPMessage, on channel: SMTPChannel, meanwhile: () -> Void
    ) throws(DeliveryError) -> Outcome {
        let mail = "MAIL FROM:<\(transport.sender)>" + (message.hasEightBitBytes && channel.eightBitMIME ? " BODY=8BITMIME" : "")
        let commands = [mail] + message.recipients.map { "RCPT TO:<\($0)>" } + ["DATA"]
        var replies: [SMTPReply] = []
        if channel.pipelining {
            try channel.send(commands)
            for command in commands { replies.append(try channel.reply(to: command)) }
        } else {
            for command in commands {
                let reply = try channel.command(command)
                replies.append(reply)
                if !Self.accepts(reply, command) { break }
            }
        }
        if let refused = zip(commands, replies).first(where: { !Self.accepts($1, $0) }) {
            let inData = replies.count == commands.count && replies[replies.count - 1].code == 354
            return .refused(refusal(refused.1, to: refused.0), resettable: !inData && refused.1.code != 421)
        }
        try channel.send(message.data, during: "the message")
        meanwhile()
        let final = try channel.reply(to: "the message")
        guard final.isPositive else {
            return .refused(refusal(final, to: "the message"), resettable: final.code != 421)
        }
        return .accepted
    }

    /// Whether `reply` lets the transaction go on after `command`: 354 for DATA, 2xx otherwise.
    private static func accepts(_ reply: SMTPReply, _ command: String) -> Bool {
        command == "DATA" ? reply.code == 354 : reply.isPositive
    }

    private func refusal(_ reply: SMTPReply, to command: String) -> DeliveryError {
        .refused(server: transport.server, command: command, code: reply.code, reply: reply.text)
    }

    /// RSET after a refused transaction; a connection that does not take it is dropped.
    private func reset(_ channel: SMTPChannel) {
        guard let reply = try? channel.command("RSET"), reply.isPositive else { return abandon(channel) }
    }

    /// Closes the connection; the next mail connects anew.
    private func abandon(_ channel: SMTPChannel) {
        channel.drop()
        self.channel = nil
    }
}
