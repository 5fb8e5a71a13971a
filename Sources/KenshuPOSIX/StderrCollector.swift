#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a child's stderr pipe without blocking, keeping the first `limit` bytes and
/// throwing the rest away (so the child never blocks on a full pipe).
struct StderrCollector {
    let fd: Int32
    let limit: Int
    private(set) var kept: [UInt8] = []
    private(set) var dropped = 0
    private(set) var atEnd = false

    init(fd: Int32, limit: Int) {
        self.fd = fd
        self.limit = limit
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
    }

    /// Waits up to `milliseconds` for output, then reads what is there.
    mutating func waitAndRead(milliseconds: Int32) {
        if atEnd {
            var none = pollfd()
            _ = poll(&none, 0, milliseconds)
            return
        }
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        if poll(&entry, 1, milliseconds) > 0 { drainAvailable() }
    }

    /// Reads until the pipe is empty or closed (never waits).
    mutating func drainAvailable() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !atEnd {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                let room = max(limit - kept.count, 0)
                kept += buffer.prefix(min(count, room))
                dropped += max(count - room, 0)
            } else if count == 0 {
                atEnd = true
            } else if errno != EINTR {
                return  // EAGAIN: nothing more for now
            }
        }
    }

    /// The kept bytes as text (invalid UTF-8 replaced), trimmed, marked when cut.
    var text: String {
        var text = String(decoding: kept, as: UTF8.self)
        while let last = text.unicodeScalars.last, last == " " || last == "\n" || last == "\r" || last == "\t" {
            text.unicodeScalars.removeLast()
        }
        return dropped > 0 ? text + " …" : text
    }
}
