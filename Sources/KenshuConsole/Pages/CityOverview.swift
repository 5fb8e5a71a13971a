import KenshuCore
import KenshuCycle
import KenshuMail
import KenshuMatch

/// The city-wide figures the 今週, メンター and 講座 pages show: the gap heatmap, the data-quality
/// warnings, a day's mentor run (a dry run: nothing recorded), and the untagged courses. Each reads every member of
/// staff or every course, so each is computed
/// once and kept while what it was computed from stays the same: the store's data version,
/// the rules' and catalogue's fingerprint, and (for mentor runs) the recorded pairs. One
/// computation at a time; a request that needs one being computed waits for it.
actor CityOverview {
    private struct Basis: Equatable {
        var dataVersion: Int
        var inputs: String
        var pairs: String
    }

    /// The untagged courses (the HR report's 未分類 list) and the title of every active course
    /// by `CourseTagRules.courseKey`, which is how a confirmation names it.
    struct Courses: Sendable {
        var untagged: [UntaggedCourse]
        var titles: [String: String]
    }

    private var heatmap: (basis: Basis, value: GapHeatmap)?
    private var warnings: (basis: Basis, value: [DataQualityWarning])?
    private var courses: (basis: Basis, value: Courses)?
    private var mentorRuns: [LocalDate: (basis: Basis, value: MentorMatching)] = [:]
    /// Days of mentor runs kept (the last weekly run's day, today, and a day's margin).
    private static let keptDays = 3

    func heatmap(session: Session) throws(KenshuError) -> GapHeatmap {
        let basis = try Self.basis(session, pairs: false)
        if let heatmap, heatmap.basis == basis { return heatmap.value }
        let value = try GapHeatmap.current(session: session)
        heatmap = (basis, value)
        return value
    }

    /// The data-quality warnings `kenshu status` lists.
    func warnings(session: Session) throws(KenshuError) -> [DataQualityWarning] {
        let basis = try Self.basis(session, pairs: false)
        if let warnings, warnings.basis == basis { return warnings.value }
        let value = try StatusReport.dataQualityWarnings(session: session)
        warnings = (basis, value)
        return value
    }

    func courses(session: Session) throws(KenshuError) -> Courses {
        let basis = try Self.basis(session, pairs: false)
        if let courses, courses.basis == basis { return courses.value }
        let listings: [CourseListing]
        do {
            listings = try session.store.courseListings()
        } catch {
            throw KenshuError(.runtime, error.description)
        }
        var titles: [String: String] = [:]
        for listing in listings {
            for source in listing.sources {
                titles[CourseTagRules.courseKey(provider: source.provider.id, courseID: source.courseID)] = listing.course.title
            }
        }
        let value = Courses(untagged: UntaggedCourse.list(listings, rules: session.rules.courseTags, catalog: session.catalog),
                            titles: titles)
        courses = (basis, value)
        return value
    }

    /// What `kenshu mentors --dry-run` shows for `day`.
    func mentors(on day: LocalDate, session: Session) throws(KenshuError) -> MentorMatching {
        let basis = try Self.basis(session, pairs: true)
        if let kept = mentorRuns[day], kept.basis == basis { return kept.value }
        let value = try MentorRun.run(on: day, dryRun: true, session: session)
        if mentorRuns.count >= Self.keptDays { mentorRuns.removeAll() }
        mentorRuns[day] = (basis, value)
        return value
    }

    private static func basis(_ session: Session, pairs: Bool) throws(KenshuError) -> Basis {
        do {
            return Basis(dataVersion: try session.store.dataVersion(), inputs: WeeklyCycle.inputsFingerprint(session),
                         pairs: pairs ? try session.store.mentorPairsSignature() : "")
        } catch {
            throw KenshuError(.runtime, error.description)
        }
    }
}
