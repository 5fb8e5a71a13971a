/// What a generated XCRI-CAP feed is made of: the bytes before its first course, its courses
/// one after another, and the bytes after the last. `XCRIFeedWriter` streams them to disk
/// until the feed has the size asked for, so a source never holds more than one course.
protocol FeedCourses {
    /// The XML declaration, the `catalog` and `provider` start tags and the provider's fields.
    var header: [UInt8] { get }
    /// What closes the provider and the catalog.
    var footer: [UInt8] { get }
    /// Appends the course at `index` (called with 0, 1, 2, … in turn; each id unique in the
    /// feed) to `buffer`; returns the number of presentations it has.
    mutating func appendCourse(_ index: Int, to buffer: inout [UInt8]) -> Int
}

/// What a generated feed holds.
struct FeedCounts {
    var courses = 0
    var presentations = 0
}
