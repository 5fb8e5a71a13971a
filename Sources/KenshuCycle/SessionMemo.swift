import KenshuCore
import KenshuMatch
import KenshuStore
import Synchronization

/// What a session works out of the store's data under its setup and keeps while the data
/// version stays the same: the course listings prepared for matching (tags and eligibility
/// facts). A long-lived session (the console's, the daemon's) answers one person after another
/// without preparing every course again; a command's session uses it once.
final class SessionMemo: Sendable {
    private let prepared = Mutex<(version: Int, value: PreparedListings)?>(nil)

    /// The active listings prepared by `session`'s recommender.
    func preparedListings(_ session: Session) throws(KenshuError) -> PreparedListings {
        let (version, listings): (Int, [CourseListing])
        do {
            (version, listings) = try session.store.versionedCourseListings()
        } catch {
            throw KenshuError(.runtime, error.description)
        }
        if let kept = prepared.withLock({ $0 }), kept.version == version { return kept.value }
        let value = CourseRecommendations.recommender(session).prepare(listings)
        prepared.withLock { $0 = (version, value) }
        return value
    }
}
