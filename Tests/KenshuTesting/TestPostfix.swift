import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The local Postfix the delivery tests send through, as `.ci/postfix.sh` sets it up: it
/// listens on 127.0.0.1:25 and delivers all mail for @example.jp into one Maildir, whose
/// path it writes to `/etc/postfix/kenshu-test-maildir`. Tests that need it are skipped
/// without it, except on CI (`CI=true`), where it must be there.
public enum TestPostfix {
    /// The file naming the Maildir.
    public static let marker = "/etc/postfix/kenshu-test-maildir"

    /// Why a test that needs Postfix does not run.
    public static let unavailable = "no test Postfix on 127.0.0.1:25 with \(marker) (run .ci/postfix.sh as root to set one up)"

    /// Whether a missing Postfix is a failure rather than a reason to skip (on CI).
    public static var isRequired: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// The Maildir (ending in `/`), when the marker names one and something accepts
    /// connections on 127.0.0.1:25; nil otherwise.
    public static var maildir: String? {
        guard let text = try? String(contentsOfFile: marker, encoding: .utf8) else { return nil }
        let path = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !path.isEmpty, answersOnPort25 else { return nil }
        return path.hasSuffix("/") ? path : path + "/"
    }

    /// Whether a TCP connection to 127.0.0.1:25 is accepted.
    static var answersOnPort25: Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(25).bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// The names of the files delivered into `maildir` so far (its `new/` and `cur/`).
    public static func deliveredNames(in maildir: String) -> Set<String> {
        var names = Set<String>()
        for folder in ["new", "cur"] {
            let path = maildir + folder
            for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                names.insert(folder + "/" + name)
            }
        }
        return names
    }

    /// One delivered file, with the headers the tests check.
    public struct Delivery: Sendable {
        public var path: String
        public var bytes: [UInt8]
        public var messageID: String
        /// The recipient it was delivered for (Postfix's `Delivered-To`).
        public var deliveredTo: String
        /// The envelope sender (Postfix's `Return-Path`, without brackets).
        public var returnPath: String
    }

    /// Waits (at most `timeout`) until `count` deliveries of mails whose Message-ID (without
    /// brackets) is in `messageIDs` are in `maildir` besides the files in `before`, then
    /// until Postfix's queue is empty; returns those deliveries (also when the deadline
    /// passed first, so the test can say what is missing).
    public static func deliveries(
        of messageIDs: Set<String>, count: Int, in maildir: String, besides before: Set<String>, timeout: Duration
    ) -> [Delivery] {
        var seen = before
        var found: [Delivery] = []
        Waiting.until(timeout: timeout, interval: .milliseconds(200)) {
            for name in deliveredNames(in: maildir).subtracting(seen) {
                guard let delivery = read(maildir + name) else { continue }
                seen.insert(name)
                if messageIDs.contains(delivery.messageID) { found.append(delivery) }
            }
            return found.count >= count && queueIsEmpty
        }
        return found
    }

    /// Whether `postqueue -p` says the queue is empty (true when postqueue is not found).
    static var queueIsEmpty: Bool {
        guard let result = try? KenshuBinary.run(program: "/usr/sbin/postqueue", ["-p"]) else { return true }
        return result.stdout.contains("Mail queue is empty")
    }

    /// A delivered file and its headers; nil while it cannot be read.
    static func read(_ path: String) -> Delivery? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = Array(data)
        let headers = MailHeaders(bytes)
        return Delivery(
            path: path, bytes: bytes, messageID: headers.value("Message-ID").trimmingCharacters(in: CharacterSet(charactersIn: "<> ")),
            deliveredTo: headers.value("Delivered-To"),
            returnPath: headers.value("Return-Path").trimmingCharacters(in: CharacterSet(charactersIn: "<> ")))
    }
}

/// The header fields of a message (CR LF or LF), unfolded, by name.
public struct MailHeaders: Sendable {
    public var fields: [(name: String, value: String)] = []

    public init(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        let head = text.components(separatedBy: "\n\n").first ?? ""
        for line in head.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.first == " " || line.first == "\t", !fields.isEmpty {
                fields[fields.count - 1].value += String(line)
            } else if let colon = line.firstIndex(of: ":") {
                fields.append((String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)))
            }
        }
    }

    /// The first field named `name` (any case); empty when there is none.
    public func value(_ name: String) -> String {
        fields.first { $0.name.lowercased() == name.lowercased() }?.value ?? ""
    }

    /// The addresses of the address fields named `names` (`<a@x>` parts, else the bare ones).
    public func addresses(_ names: [String]) -> [String] {
        fields.filter { names.map { $0.lowercased() }.contains($0.name.lowercased()) }.flatMap { field in
            let bracketed = field.value.matches(of: /<([^>]+)>/).map { String($0.output.1) }
            return bracketed.isEmpty
                ? field.value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } : bracketed
        }
    }
}
