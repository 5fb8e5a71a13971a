import Foundation
import KenshuTesting
#if canImport(Glibc)
import Glibc
#endif

/// A `kenshu serve` started as systemd would: with a `NOTIFY_SOCKET` (a datagram socket the
/// test reads, as systemd does) and a watchdog; its log goes to a file the test can read.
final class DaemonProcess {
    let process = Process()
    let notify: NotifySocket
    let logPath: String

    init(city: TemporaryCity, environment: [String: String] = [:], name: String = "serve") throws {
        let socketPath = city.folder.appendingPathComponent("\(name).notify").path
        notify = try NotifySocket(path: socketPath)
        logPath = city.folder.appendingPathComponent("\(name).log").path
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: KenshuBinary.path(of: "kenshu"))
        process.arguments = ["serve", "--config", city.config]
        process.environment = ProcessInfo.processInfo.environment
            .merging(["NOTIFY_SOCKET": socketPath, "WATCHDOG_USEC": "600000"]) { _, new in new }
            .merging(environment) { _, new in new }
        process.standardOutput = FileHandle(forWritingAtPath: logPath)
        process.standardError = FileHandle(forWritingAtPath: logPath)
        try process.run()
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Waits until the log holds `text`; false after `timeout` seconds.
    func waitForLog(_ text: String, timeout: Double = 60) -> Bool {
        Waiting.until(timeout: .seconds(timeout)) { log.contains(text) || !process.isRunning } && log.contains(text)
    }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Sends SIGTERM and waits for the exit: the status and the seconds it took.
    func stop(timeout: Double = 15) -> (status: Int32?, seconds: Double) {
        let start = Date()
        process.terminate()
        Waiting.until(timeout: .seconds(timeout)) { !process.isRunning }
        let seconds = Date().timeIntervalSince(start)
        guard !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return (nil, seconds)
        }
        return (process.terminationReason == .exit ? process.terminationStatus : -process.terminationStatus, seconds)
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        notify.shutDown()
    }
}

/// The test's end of `$NOTIFY_SOCKET`: a bound `AF_UNIX` datagram socket, drained by a
/// thread of its own (as systemd reads it), the messages kept for the test to look through.
final class NotifySocket: @unchecked Sendable {
    private let descriptor: Int32
    let path: String
    private let lock = NSLock()
    private var received: [String] = []
    private var closed = false

    init(path: String) throws {
        self.path = path
        unlink(path)
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw POSIXError(.ENAMETOOLONG) }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard bound == 0 else { throw POSIXError(.EADDRINUSE) }
        Thread.detachNewThread { [self] in drain() }
    }

    deinit {
        close(descriptor)
        unlink(path)
    }

    /// Every message received so far.
    var messages: [String] {
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    func shutDown() {
        lock.lock()
        closed = true
        lock.unlock()
    }

    private func drain() {
        while true {
            lock.lock()
            let done = closed
            lock.unlock()
            if done { return }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 200) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 8192)
            let count = recv(descriptor, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            guard count > 0 else { continue }
            lock.lock()
            received.append(String(decoding: buffer[0..<count], as: UTF8.self))
            lock.unlock()
        }
    }

    /// Waits for a message with a line equal to `line` (e.g. `READY=1`) or containing
    /// `fragment`, returning it; nil after `timeout` seconds. Earlier messages count too
    /// (`after` skips the first ones).
    func wait(line: String? = nil, containing fragment: String? = nil, after skip: Int = 0, timeout: Double = 30) -> String? {
        var found: String?
        Waiting.until(timeout: .seconds(timeout)) {
            found = messages.dropFirst(skip).first { message in
                if let line, message.split(separator: "\n").contains(Substring(line)) { return true }
                if let fragment, message.contains(fragment) { return true }
                return false
            }
            return found != nil
        }
        return found
    }
}
