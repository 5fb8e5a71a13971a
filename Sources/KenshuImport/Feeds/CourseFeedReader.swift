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

    /// Reads the whole feed into `sink`, as `read(course:warning:)` does, except that a reader
    /// that can may hand a course over unmapped whenever `sink.takesUnmapped()` says so (the
    /// sink maps it, on a core of its own). By default every course comes mapped.
    func read(into sink: some CourseSink) throws
}

extension CourseFeedReader {
    public func read(into sink: some CourseSink) throws {
        try read(course: { try sink.course($0) }, warning: { sink.warning($0) })
    }
}

/// Where a `CourseFeedReader` hands what it reads, in feed order.
public protocol CourseSink {
    func course(_ course: Course) throws
    func warning(_ warning: FeedWarning)
    /// Whether the next course should come unmapped (asked once per course).
    func takesUnmapped() -> Bool
    /// A course read whole but not mapped: `UnmappedCourse.map` gives what `course` would have had.
    func unmapped(_ course: UnmappedCourse) throws
}
