import Foundation

/// Fills a spool's `new/` with `count` mails made from a week's real ones, taken in turn:
/// each copy a file of its own name (`….cNNNNNN.eml`) with its own Message-ID (the id's left
/// part gets `.cNNNNNN`), so that a mail system keeps them apart, and otherwise byte for byte
/// the spooled mail.
struct SpoolCopies {
    /// The spooled mails to copy.
    let templates: [String]

    /// Writes `tmp/`, `new/` (the copies) and `cur/` under `spool`; returns the bytes written.
    func write(_ count: Int, into spool: URL) throws -> Int {
        for folder in ["tmp", "new", "cur"] {
            try FileManager.default.createDirectory(at: spool.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let mails = try templates.map { (name: ($0 as NSString).lastPathComponent, bytes: try Data(contentsOf: URL(fileURLWithPath: $0))) }
        guard !mails.isEmpty else { throw ValidationFailure("the week spooled no mail to copy") }
        var total = 0
        for index in 0..<count {
            let mail = mails[index % mails.count]
            let tag = String(format: ".c%06d", index)
            let name = String(mail.name.dropLast(".eml".count)) + tag + ".eml"
            let bytes = Self.taggingMessageID(mail.bytes, with: tag)
            try bytes.write(to: spool.appendingPathComponent("new/" + name))
            total += bytes.count
        }
        return total
    }

    /// The message with `tag` put before the `@` of its Message-ID.
    static func taggingMessageID(_ message: Data, with tag: String) -> Data {
        guard let header = message.range(of: Data("\r\nMessage-ID: <".utf8)),
              let at = message[header.upperBound...].firstIndex(of: UInt8(ascii: "@"))
        else { return message }
        var tagged = message
        tagged.insert(contentsOf: Data(tag.utf8), at: at)
        return tagged
    }
}
