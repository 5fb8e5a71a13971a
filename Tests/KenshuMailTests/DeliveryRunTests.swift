import Foundation
import Testing

@testable import KenshuMail

#if canImport(Glibc)
import Glibc
#endif

/// A delivery run over the spool: due mails go out in order, the rest wait.
struct DeliveryRunTests {
    /// A spool with three mails (`a`, `b`, `c`) and a sendmail script in the same scratch folder.
    func spoolWithThreeMails(sendmailBody: String) throws -> (MailSpool, Sendmail, [String: [UInt8]]) {
        let spool = try SpoolScratch.preparedSpool()
        let sendmail = try FakeSendmail.write(in: String(spool.directory.dropLast("/outgoing".count)), sendmailBody)
        var mails: [String: [UInt8]] = [:]
        for (index, letter) in ["a", "b", "c"].enumerated() {
            let name = "2026112\(index)T070000.000000Z.2026-W48.staff.\(letter).eml"
            mails[name] = Array("Subject: \(letter)\r\n\r\nbody \(letter)\r\n".utf8)
            try spool.write(mails[name] ?? [], name: name)
        }
        return (spool, sendmail, mails)
    }

    @Test func dueMailsAreSentInOrderAndMovedToCur() throws {
        let (spool, sendmail, mails) = try spoolWithThreeMails(sendmailBody: #"cat >> "$DIR/received""#)
        defer { SpoolScratch.remove(spool.directory) }
        var recorded: [String] = []

        let summary = Deliverer(spool: spool, transport: sendmail).deliverWaiting(record: { name, result in
            if case .success = result { recorded.append(name) }
        })

        let names = mails.keys.sorted()
        #expect(summary.delivered == names)
        #expect(summary.failed.isEmpty && summary.deferred.isEmpty)
        #expect(recorded == names)
        #expect(spool.waiting().isEmpty)
        #expect(names.allSatisfy { spool.location(of: $0) == .cur })
        let received = try SpoolScratch.contents(String(spool.directory.dropLast("/outgoing".count)) + "/received")
        #expect(received == names.flatMap { mails[$0] ?? [] })
    }

    @Test func aFailedMailStaysInNewWithItsError() throws {
        let (spool, sendmail, mails) = try spoolWithThreeMails(
            sendmailBody: #"cat > /dev/null; echo "451 try later" >&2; exit 75"#)
        defer { SpoolScratch.remove(spool.directory) }
        var failures: [String: DeliveryError] = [:]

        let summary = Deliverer(spool: spool, transport: sendmail).deliverWaiting(record: { name, result in
            if case .failure(let error) = result { failures[name] = error }
        })

        #expect(summary.delivered.isEmpty)
        #expect(summary.failed.map(\.name) == mails.keys.sorted())
        #expect(summary.failed.allSatisfy { $0.error.exitStatus == 75 && $0.error.standardError == "451 try later" })
        #expect(failures.count == 3)
        #expect(spool.waiting() == mails.keys.sorted())
    }

    @Test func mailsNotDueAreDeferredAndLeftAlone() throws {
        let (spool, sendmail, mails) = try spoolWithThreeMails(sendmailBody: #"cat > /dev/null"#)
        defer { SpoolScratch.remove(spool.directory) }
        let names = mails.keys.sorted()
        var asked: [String] = []
        var recorded: [String] = []

        let summary = Deliverer(spool: spool, transport: sendmail).deliverWaiting(
            isDue: { name in
                asked.append(name)
                return name != names[1]
            },
            record: { name, _ in recorded.append(name) })

        #expect(asked == names)
        #expect(summary.delivered == [names[0], names[2]])
        #expect(summary.deferred == [names[1]])
        #expect(recorded == [names[0], names[2]])
        #expect(spool.waiting() == [names[1]])
    }

    @Test func aSentMailThatCannotBeFiledStopsTheRun() throws {
        let (spool, sendmail, mails) = try spoolWithThreeMails(sendmailBody: #"cat > /dev/null"#)
        defer { SpoolScratch.remove(spool.directory) }
        try FileManager.default.removeItem(atPath: spool.path(of: .cur))
        SpoolScratch.touch(spool.path(of: .cur))
        let names = mails.keys.sorted()

        let summary = Deliverer(spool: spool, transport: sendmail).deliverWaiting()

        #expect(summary.delivered.isEmpty)
        #expect(summary.failed.map(\.name) == [names[0]])
        #expect(summary.failed.first?.error.wasHandedOver == true)
        #expect(summary.deferred == [names[1], names[2]])
        #expect(summary.failed.first?.error.description.contains("not moved to cur/") == true)
    }
}

/// The move of a delivered mail to cur/ is made durable while the next mail is with the mail
/// system, and the mail counts as delivered (and is recorded) then, in order.
struct DeliverySyncTests {
    @Test func eachMoveIsSyncedWhileTheNextMailIsWithTheMailSystem() throws {
        let spool = try SpoolScratch.preparedSpool()
        defer { SpoolScratch.remove(spool.directory) }
        for letter in ["a", "b", "c"] { try spool.write(Array("To: \(letter)@x.jp\r\n\r\n".utf8), name: "\(letter).eml") }
        let log = EventLog()

        let summary = Deliverer(spool: spool, transport: LoggingTransport(log: log)).deliverWaiting(record: { name, result in
            if case .success = result { log.add("recorded \(name)") }
        })

        #expect(summary.delivered == ["a.eml", "b.eml", "c.eml"])
        #expect(log.events == [
            "send a.eml", "accepted a.eml",
            "send b.eml", "recorded a.eml", "accepted b.eml",
            "send c.eml", "recorded b.eml", "accepted c.eml",
            "recorded c.eml", "close",
        ])
        #expect(spool.waiting().isEmpty)
    }

    /// A transport whose sessions accept every mail, calling `meanwhile` in between, and log it.
    struct LoggingTransport: MailTransport {
        let log: EventLog
        func openSession() -> any MailSession { Session(log: log) }

        struct Session: MailSession {
            let log: EventLog
            func send(file: String, meanwhile: () -> Void) throws(DeliveryError) {
                let name = String(file.split(separator: "/").last ?? "")
                log.add("send \(name)")
                meanwhile()
                log.add("accepted \(name)")
            }
            func close() { log.add("close") }
        }
    }

    final class EventLog: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [String] = []
        func add(_ event: String) { lock.withLock { list.append(event) } }
        var events: [String] { lock.withLock { list } }
    }
}

/// Back-off between attempts: doubling from a minute, capped at six hours.
struct DeliveryBackoffTests {
    @Test func delayDoublesFromOneMinuteAndCapsAtSixHours() {
        let backoff = DeliveryBackoff()
        #expect(backoff.delay(afterFailures: 0) == .zero)
        #expect(backoff.delay(afterFailures: 1) == .seconds(60))
        #expect(backoff.delay(afterFailures: 2) == .seconds(120))
        #expect(backoff.delay(afterFailures: 3) == .seconds(240))
        #expect(backoff.delay(afterFailures: 9) == .seconds(60 * 256))
        #expect(backoff.delay(afterFailures: 10) == .seconds(6 * 3600))
        #expect(backoff.delay(afterFailures: Int.max) == .seconds(6 * 3600))
        #expect(backoff.delay(afterFailures: -3) == .zero)
    }

    @Test func nextAttemptAddsTheDelay() {
        let backoff = DeliveryBackoff(initial: .seconds(30), maximum: .seconds(100))
        let last = Date(timeIntervalSince1970: 1_795_730_400)
        #expect(backoff.nextAttempt(after: last, failures: 2) == last.addingTimeInterval(60))
        #expect(backoff.nextAttempt(after: last, failures: 5) == last.addingTimeInterval(100))
        #expect(backoff.nextAttempt(after: last, failures: 0) == last)
    }
}
