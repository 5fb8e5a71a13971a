import Foundation
import Logging
import Testing
@testable import KenshuDaemon
#if canImport(Glibc)
import Glibc
#endif

/// sd_notify without libsystemd, the watchdog's interval, and the journal's priorities.
struct SystemdProtocolTests {
    /// A bound datagram socket at a fresh path, and a way to read one message.
    final class Listener {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-notify-\(UUID().uuidString.prefix(8))").path
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)

        init() throws {
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { buffer in
                for (index, byte) in path.utf8.enumerated() { buffer[index] = byte }
            }
            let bound = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            try #require(bound == 0)
        }

        func receive() -> String? {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 2000) > 0 else { return nil }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = recv(descriptor, &buffer, buffer.count, 0)
            return count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : nil
        }

        deinit {
            close(descriptor)
            unlink(path)
        }
    }

    @Test func sendsTheAssignmentsAsOneDatagram() throws {
        let listener = try Listener()
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.path])
        #expect(notifier.notify([("READY", "1"), ("STATUS", "last import: a.xml\nnext run: W49")]))
        #expect(listener.receive() == "READY=1\nSTATUS=last import: a.xml next run: W49")
    }

    @Test func withoutNotifySocketNothingIsSent() {
        let notifier = SystemdNotifier(environment: [:])
        #expect(!notifier.isActive)
        #expect(notifier.notify([("READY", "1")]))
    }

    @Test func aSocketNobodyListensOnIsAFailureNotAStop() {
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": "/nonexistent/kenshu/notify"])
        #expect(!notifier.notify([("WATCHDOG", "1")]))
    }

    @Test func theWatchdogPingsAtHalfItsTimeoutForThisProcessOnly() {
        #expect(SystemdWatchdog(environment: ["WATCHDOG_USEC": "60000000"])?.interval == .seconds(30))
        #expect(SystemdWatchdog(environment: ["WATCHDOG_USEC": "60000000", "WATCHDOG_PID": "\(getpid())"]) != nil)
        #expect(SystemdWatchdog(environment: ["WATCHDOG_USEC": "60000000", "WATCHDOG_PID": "1"]) == nil)
        #expect(SystemdWatchdog(environment: ["WATCHDOG_USEC": "soon"]) == nil)
        #expect(SystemdWatchdog(environment: [:]) == nil)
    }

    @Test func journalPrioritiesFollowSyslog() {
        #expect(JournalLogHandler.priority(.critical) == 2)
        #expect(JournalLogHandler.priority(.error) == 3)
        #expect(JournalLogHandler.priority(.warning) == 4)
        #expect(JournalLogHandler.priority(.notice) == 5)
        #expect(JournalLogHandler.priority(.info) == 6)
        #expect(JournalLogHandler.priority(.debug) == 7)
    }

    @Test func theTestClockStartsAtTheGivenTime() throws {
        let clock = try DaemonClock(environment: ["KENSHU_TEST_NOW": "2026-11-30T06:59:58+09:00"])
        let expected = try Date("2026-11-30T06:59:58+09:00", strategy: .iso8601)
        #expect(abs(clock.now.timeIntervalSince(expected)) < 5)
        #expect(throws: DaemonError.self) { try DaemonClock(environment: ["KENSHU_TEST_NOW": "next monday"]) }
    }
}
