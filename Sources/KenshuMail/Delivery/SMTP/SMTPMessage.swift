#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A spooled mail as SMTP carries it, made whole before its transaction starts (so a file
/// that cannot be read completely never becomes a partial DATA):
///
/// - the envelope recipients from its `To`, `Cc` and `Bcc` headers, as `sendmail -t` takes
///   them (in order, each once);
/// - the DATA bytes: every line ended by CR LF (spool files are CR LF, an LF file is fine),
///   a line starting with `.` stuffed with another (RFC 5321 §4.5.2), any `Bcc` header left
///   out, and the final `.` line.
struct SMTPMessage: Sendable {
    var recipients: [String]
    var data: [UInt8]
    /// Whether any byte is above 127 (then `BODY=8BITMIME` is declared when offered).
    var hasEightBitBytes: Bool

    /// The largest spool file sent (Kenshu's mails are tens of kilobytes).
    static let maximumSize = 64 << 20

    /// Reads `file` whole and prepares it; throws `unreadableMessage` when it cannot be read to
    /// its end, `noRecipients` / `unsendableRecipient` when its headers name no usable recipient.
    static func load(file: String) throws(DeliveryError) -> SMTPMessage {
        try make(from: readWhole(file), file: file)
    }

    /// Prepares the message in `bytes` (the contents of `file`, named in errors).
    static func make(from bytes: [UInt8], file: String) throws(DeliveryError) -> SMTPMessage {
        var data: [UInt8] = []
        data.reserveCapacity(bytes.count + bytes.count / 32 + 8)
        var recipientFields: [[UInt8]] = []
        var inHeader = true
        var field: (name: String, value: [UInt8], keep: Bool)?
        func endField() {
            guard let current = field else { return }
            if ["to", "cc", "bcc"].contains(current.name) { recipientFields.append(current.value) }
            field = nil
        }
        var start = 0
        while start < bytes.count {
            let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var line = bytes[start..<newline]
            start = newline + 1
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            var keep = true
            if inHeader {
                if line.isEmpty {
                    endField()
                    inHeader = false
                } else if line.first == UInt8(ascii: " ") || line.first == UInt8(ascii: "\t") {
                    field?.value += line
                    keep = field?.keep ?? true
                } else {
                    endField()
                    let name = String(decoding: line.prefix { $0 != UInt8(ascii: ":") }, as: UTF8.self).lowercased()
                    field = (name, Array(line.drop { $0 != UInt8(ascii: ":") }.dropFirst()), name != "bcc")
                    keep = name != "bcc"
                }
            }
            guard keep else { continue }
            if line.first == UInt8(ascii: ".") { data.append(UInt8(ascii: ".")) }
            data += line
            data += [13, 10]
        }
        endField()
        data += Array(".\r\n".utf8)
        let recipients = try envelopeRecipients(recipientFields, file: file)
        return SMTPMessage(recipients: recipients, data: data, hasEightBitBytes: bytes.contains { $0 >= 0x80 })
    }

    /// The addresses of the recipient fields, in order, each once, each one SMTP can carry.
    private static func envelopeRecipients(_ fields: [[UInt8]], file: String) throws(DeliveryError) -> [String] {
        var seen = Set<String>()
        var recipients: [String] = []
        for address in fields.flatMap(AddressList.addresses) where seen.insert(address).inserted {
            guard !address.isEmpty, address.utf8.allSatisfy({ (0x21...0x7E).contains($0) && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") })
            else { throw .unsendableRecipient(path: file, address: address) }
            recipients.append(address)
        }
        guard !recipients.isEmpty else { throw .noRecipients(path: file) }
        return recipients
    }

    /// The whole file, or `unreadableMessage` (also when it is larger than `maximumSize`, or
    /// ends before the size it had when opened).
    private static func readWhole(_ file: String) throws(DeliveryError) -> [UInt8] {
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadableMessage(path: file, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadableMessage(path: file, reason: String(cString: strerror(errno))) }
        let size = Int(info.st_size)
        guard size <= maximumSize else { throw .unreadableMessage(path: file, reason: "larger than \(maximumSize >> 20) MB") }
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress.map { $0 + done }, size - done) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let reason = count < 0 ? String(cString: strerror(errno)) : "it ended after \(done) of \(size) bytes"
                throw .unreadableMessage(path: file, reason: reason)
            }
            done += count
        }
        return bytes
    }
}
