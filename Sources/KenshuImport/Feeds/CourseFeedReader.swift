import KenshuCore

/// Streams the courses of one feed, whatever its format (XCRI-CAP, or an institute's own
/// XML through a mapping profile). Memory stays flat: one course at a time.
public protocol CourseFeedReader {
    /// Reads the whole feed. Calls `course` with each complete course in feed order and
    /// `warning` with each per-record problem (the record, or just the bad value, is left
    /// out and reading goes on). Throws when the feed itself cannot be read (not
    /// well-formed, a limit, an unsupported encoding, not the expected format): the caller
    /// then rejects the whole feed. An error thrown by `course` stops the read and is rethrown.
    func read(course: (Course) throws -> Void, warning: (FeedWarning) -> Void) throws
}
