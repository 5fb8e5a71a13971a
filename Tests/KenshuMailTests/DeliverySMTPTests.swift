import Foundation
import KenshuTesting
import Testing

@testable import KenshuMail

/// Delivering the spool over one SMTP connection to a fake server: what is accepted moves to
/// cur/, what is refused stays with the server's reply, and a broken or silent server neither
/// loses a mail nor hangs the run.
struct DeliverySMTPTests {
    /// A spool holding a mail for each of `recipients` (`a` → `a@example.jp`), in that order.
    func spool(_ recipients: [String], body: String = "body") throws -> (MailSpool, [String: [UInt8]]) {
        let spool = try SpoolScratch.preparedSpool()
        var mails: [String: [UInt8]] = [:]
        for (index, letter) in recipients.enumerated() {
            let name = "2026112\(index)T070000.000000Z.2026-W48.staff.\(letter).eml"
            mails[name] = Array("From: jinji@example.jp\r\nTo: \(letter) <\(letter)@example.jp>\r\nSubject: \(letter)\r\n\r\n\(body) \(letter)\r\n".utf8)
            try spool.write(mails[name] ?? [], name: name)
        }
        return (spool, mails)
    }

    func transport(_ server: FakeSMTPServer, timeout: Duration = .seconds(10)) -> SMTPTransport {
        SMTPTransport(host: "127.0.0.1", port: server.port, sender: "jinji@example.jp", timeout: timeout,
                      connectTimeout: timeout, heloName: "kenshu.example.jp")
    }

    /// What a run over a spool of one mail per recipient did, and what it left in the spool.
    struct Outcome {
        var summary: DeliverySummary
        /// The mails' names, in delivery order.
        var names: [String]
        /// What stayed in `new/`.
        var waiting: [String]
        /// The mails' bytes, in the order of `names`.
        var mails: [[UInt8]]
    }

    /// Spools a mail for each of `recipients`, delivers them through `server`, and removes the spool.
    func deliver(_ recipients: [String], through server: FakeSMTPServer, timeout: Duration = .seconds(10)) throws -> Outcome {
        let (spool, mails) = try spool(recipients)
        defer { SpoolScratch.remove(spool.directory) }
        let summary = try deliver(spool, transport(server, timeout: timeout))
        let names = mails.keys.sorted()
        #expect(summary.delivered.allSatisfy { spool.location(of: $0) == .cur })
        return Outcome(summary: summary, names: names, waiting: spool.waiting(), mails: names.map { mails[$0] ?? [] })
    }

    /// Delivers on another thread, failing the test instead of hanging when it takes longer than `within`.
    func deliver(_ spool: MailSpool, _ transport: SMTPTransport, within: Duration = .seconds(20)) throws -> DeliverySummary {
        let box = SummaryBox()
        let finished = Waiting.returns(within: within) {
            box.set(Deliverer(spool: spool, transport: transport).deliverWaiting())
        }
        #expect(finished, "delivery did not return within \(within)")
        return try #require(box.get())
    }

    @Test func everyMailIsAcceptedOverOneConnection() throws {
        let server = try FakeSMTPServer()

        let run = try deliver(["a", "b", "c"], through: server)

        #expect(run.summary.delivered == run.names)
        #expect(run.summary.failed.isEmpty && run.summary.deferred.isEmpty && run.summary.stopped == nil)
        #expect(run.waiting.isEmpty)
        #expect(server.connections == 1)
        #expect(server.pipelined == 3, "MAIL FROM, RCPT TO and DATA are sent together when PIPELINING is offered")
        #expect(server.messages.map(\.sender) == ["jinji@example.jp", "jinji@example.jp", "jinji@example.jp"])
        #expect(server.messages.map(\.recipients) == [["a@example.jp"], ["b@example.jp"], ["c@example.jp"]])
        #expect(server.messages.map(\.unstuffed) == run.mails)
        #expect(server.commandLog.first == "EHLO kenshu.example.jp")
        #expect(Waiting.until(timeout: .seconds(5)) { server.commandLog.last == "QUIT" })
    }

    @Test func aRefusedRecipientFailsOnlyThatMailAndTheNextOneGoes() throws {
        let server = try FakeSMTPServer(.init(recipient: { $0 == "b@example.jp" ? "550 5.1.1 <b@example.jp>: Recipient address rejected: User unknown" : nil }))

        let run = try deliver(["a", "b", "c"], through: server)

        #expect(run.summary.delivered == [run.names[0], run.names[2]])
        #expect(run.summary.failed.map(\.name) == [run.names[1]])
        #expect(run.waiting == [run.names[1]])
        let error = try #require(run.summary.failed.first?.error)
        #expect(error.replyCode == 550)
        #expect(error.description == "the SMTP server at 127.0.0.1:\(server.port) refused RCPT TO:<b@example.jp>: "
                + "550 5.1.1 <b@example.jp>: Recipient address rejected: User unknown")
        #expect(!error.stopsTheRun && !error.wasHandedOver)
        #expect(server.connections == 1)
        #expect(server.commandLog.contains("RSET"))
        #expect(server.messages.map(\.recipients) == [["a@example.jp"], ["c@example.jp"]])
    }

    @Test func aTemporaryFailureOnDataFailsThatMailAndTheNextOneGoes() throws {
        let server = try FakeSMTPServer(.init(data: { $0 == 1 ? "451 4.3.0 Error: queue file write error" : nil }))

        let run = try deliver(["a", "b"], through: server)

        #expect(run.summary.delivered == [run.names[1]])
        #expect(run.waiting == [run.names[0]])
        #expect(run.summary.failed.map(\.error) == [.refused(
            server: "127.0.0.1:\(server.port)", command: "DATA", code: 451, reply: "4.3.0 Error: queue file write error")])
        #expect(server.connections == 1)
    }

    @Test func aDroppedConnectionFailsTheMailAtHandAndTheNextOneReconnects() throws {
        let server = try FakeSMTPServer(.init(dropAfterMessage: 2))

        let run = try deliver(["a", "b", "c"], through: server)

        #expect(run.summary.delivered == [run.names[0], run.names[2]])
        #expect(run.waiting == [run.names[1]], "a mail whose final dot got no 250 stays in new/")
        #expect(run.summary.failed.map(\.error) == [.connectionLost(
            server: "127.0.0.1:\(server.port)", during: "the message", reason: "the server closed the connection")])
        #expect(server.connections == 2)
    }

    @Test func whenReconnectingFailsTheRunStopsWithOneError() throws {
        let server = try FakeSMTPServer(.init(dropAfterMessage: 1, stopListeningOnDrop: true))

        let run = try deliver(["a", "b", "c"], through: server)

        #expect(run.summary.delivered.isEmpty)
        #expect(run.summary.failed.map(\.name) == [run.names[0]])
        #expect(run.summary.deferred == [run.names[1], run.names[2]])
        #expect(run.waiting == run.names)
        let stopped = try #require(run.summary.stopped)
        #expect(stopped.stopsTheRun)
        #expect(stopped.description.hasPrefix("cannot submit mail to the SMTP server at 127.0.0.1:\(server.port): "), "\(stopped)")
        #expect(stopped.description.hasSuffix("start the mail transfer agent (e.g. systemctl start postfix) or change mail.submit in kenshu.yaml"))
    }

    @Test func noServerAtAllIsOneErrorForTheRun() throws {
        let server = try FakeSMTPServer()
        server.stop()

        let run = try deliver(["a", "b"], through: server)

        #expect(run.summary.failed.isEmpty && run.summary.delivered.isEmpty)
        #expect(run.summary.deferred == run.names)
        #expect(run.summary.stopped?.description.contains("Connection refused") == true, "\(String(describing: run.summary.stopped))")
    }

    @Test func aServerThatStopsAnsweringFailsEachMailAtTheTimeout() throws {
        let server = try FakeSMTPServer(.init(silentFrom: "MAIL"))

        let run = try deliver(["a", "b"], through: server, timeout: .milliseconds(300))

        #expect(run.summary.delivered.isEmpty && run.summary.stopped == nil)
        #expect(run.waiting == run.names)
        let timedOut = DeliveryError.serverTimedOut(
            server: "127.0.0.1:\(server.port)", during: "MAIL FROM:<jinji@example.jp>", after: .milliseconds(300))
        #expect(run.summary.failed.map(\.error) == [timedOut, timedOut])
        // The connection is given up with its transaction: each mail has a connection of its own.
        #expect(server.connections == 2)
    }

    @Test func aServerThatNeverAnswersEHLOStopsTheRunAtTheTimeout() throws {
        let server = try FakeSMTPServer(.init(silentFrom: "EHLO"))

        let run = try deliver(["a", "b"], through: server, timeout: .milliseconds(300))

        #expect(run.summary.delivered.isEmpty && run.summary.failed.isEmpty)
        #expect(run.waiting == run.names)
        #expect(run.summary.stopped?.stopsTheRun == true)
        #expect(run.summary.stopped?.description.contains("no answer to EHLO kenshu.example.jp within") == true,
                "\(String(describing: run.summary.stopped))")
    }

    @Test func aLineStartingWithADotIsStuffedAndComesBackWhole() throws {
        let server = try FakeSMTPServer()
        let spool = try SpoolScratch.preparedSpool()
        defer { SpoolScratch.remove(spool.directory) }
        let name = "20261120T070000.000000Z.2026-W48.staff.a.eml"
        // LF line ends, as a hand-made file may have: CR LF on the wire.
        let message = "To: a@example.jp\nSubject: dots\n\n.hidden line\n.\n..two\nend\n"
        try spool.write(Array(message.utf8), name: name)

        let summary = try deliver(spool, transport(server))

        #expect(summary.delivered == [name])
        let received = try #require(server.messages.first)
        #expect(received.rawLines == ["To: a@example.jp", "Subject: dots", "", "..hidden line", "..", "...two", "end"])
        #expect(received.unstuffed == Array(message.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }

    @Test func withoutPipeliningTheCommandsGoOneByOne() throws {
        let server = try FakeSMTPServer(.init(pipelining: false, recipient: { $0 == "b@example.jp" ? "550 5.1.1 unknown" : nil }))

        let run = try deliver(["a", "b", "c"], through: server)

        #expect(run.summary.delivered == [run.names[0], run.names[2]])
        #expect(run.summary.failed.first?.error.replyCode == 550)
        #expect(server.pipelined == 0)
        #expect(server.early == 0, "a command was sent before the reply to the one before it")
        #expect(server.messages.map(\.unstuffed) == [run.mails[0], run.mails[2]])
        // The refused recipient's transaction ends at its RCPT: no DATA for it.
        #expect(server.commandLog.filter { $0 == "DATA" }.count == 2)
    }

    @Test func anUnreadableFileFailsThatMailWithoutATransaction() throws {
        let server = try FakeSMTPServer()
        let (spool, mails) = try spool(["a", "b"])
        defer { SpoolScratch.remove(spool.directory) }
        let names = mails.keys.sorted()
        // A folder where the file was: it opens, but reading it fails (also as root).
        let path = spool.path(of: names[0], in: .new)
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)

        let summary = try deliver(spool, transport(server))

        #expect(summary.failed.map(\.name) == [names[0]])
        #expect(summary.failed.first?.error.description.hasPrefix("cannot read the spooled mail \(path): ") == true)
        #expect(summary.delivered == [names[1]])
        #expect(server.commandLog.filter { $0.hasPrefix("MAIL") }.count == 1)
    }
}

/// The envelope and the DATA made from a spooled file.
struct SMTPMessageTests {
    @Test func recipientsComeFromToCcAndBccAndBccIsNotSent() throws {
        let text = """
            From: =?UTF-8?B?5Lq65LqL6Kqy?= <jinji@example.jp>\r
            To: "Yamada, Taro" <taro@example.jp>, =?UTF-8?B?5bGx55Sw?=\r
             <hanako@example.jp>, plain@example.jp (a comment, with a comma)\r
            Cc: team: one@example.jp, two@example.jp;, taro@example.jp\r
            Bcc: hidden@example.jp,\r
             also-hidden@example.jp\r
            Subject: x\r
            \r
            Bcc: not a header in the body\r

            """
        let message = try SMTPMessage.make(from: Array(text.utf8), file: "m.eml")
        #expect(message.recipients == ["taro@example.jp", "hanako@example.jp", "plain@example.jp", "one@example.jp",
                                       "two@example.jp", "hidden@example.jp", "also-hidden@example.jp"])
        let data = String(decoding: message.data, as: UTF8.self)
        #expect(!data.contains("hidden@example.jp"))
        #expect(data.contains("\r\nSubject: x\r\n\r\nBcc: not a header in the body\r\n.\r\n"))
        #expect(data.hasSuffix("\r\n.\r\n"))
        #expect(!message.hasEightBitBytes)
    }

    @Test func aMailWithoutRecipientsOrWithAnUnsendableOneIsRefused() {
        #expect(throws: DeliveryError.noRecipients(path: "m.eml")) {
            try SMTPMessage.make(from: Array("Subject: x\r\n\r\nbody\r\n".utf8), file: "m.eml")
        }
        #expect(throws: DeliveryError.unsendableRecipient(path: "m.eml", address: "山田@example.jp")) {
            try SMTPMessage.make(from: Array("To: 山田@example.jp\r\n\r\nbody\r\n".utf8), file: "m.eml")
        }
    }
}

/// What a delivery thread hands back to the test.
private final class SummaryBox: @unchecked Sendable {
    private let lock = NSLock()
    private var summary: DeliverySummary?

    func set(_ value: DeliverySummary) { lock.withLock { summary = value } }
    func get() -> DeliverySummary? { lock.withLock { summary } }
}
