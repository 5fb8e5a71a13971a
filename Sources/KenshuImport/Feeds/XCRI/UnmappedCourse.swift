import KenshuCore
import KenshuXML

/// An XCRI-CAP course captured whole but not yet mapped: the reading thread hands it on as it
/// is when the storing side has time to spare, and the storing side maps it (see `FeedPipeline`).
/// It holds its captured tree, which nothing changes any more, so it may cross threads.
public struct UnmappedCourse: @unchecked Sendable {
    let element: KeptCapturedElement
    /// The provider as the reader had it at the course (the reader's state moves on).
    let provider: CourseProvider
    let file: String

    /// The course, or nil when the record is unusable, with the same warnings as when the
    /// reader maps it itself.
    public func map(warning: (FeedWarning) -> Void) -> Course? {
        element.withElement { element in
            XCRICourseMapper(file: file).course(from: element, provider: provider, warning: warning)
        }
    }
}
