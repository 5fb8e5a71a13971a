/// A problem with one record of a feed (a bad date, a presentation ending before it starts,
/// a duplicate id, a schema deviation): the record is skipped or the value left out, the
/// rest of the feed imports, and the warning is listed in the import summary.
public struct FeedWarning: Sendable, Hashable, Codable, CustomStringConvertible {
    public var location: SourceLocation
    /// The course (and presentation) it concerns, e.g. `C-101` or `C-101/P-2`; empty for the feed.
    public var record: String
    public var message: String

    public init(_ message: String, at location: SourceLocation, record: String = "") {
        self.message = message
        self.location = location
        self.record = record
    }

    /// `feed.xml:12: C-101: the presentation ends before it starts (skipped)`.
    public var description: String {
        record.isEmpty ? "\(location): \(message)" : "\(location): \(record): \(message)"
    }
}
