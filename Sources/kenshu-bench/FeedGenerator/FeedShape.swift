import ArgumentParser

/// The shape of the courses `kenshu-bench import` generates.
enum FeedShape: String, ExpressibleByArgument, CaseIterable {
    /// As the real institutional feeds are (`RealShapedCourses`).
    case real
    /// Short one-presentation courses (`CompactCourses`): more elements and less text a
    /// megabyte than real feeds.
    case compact
}
