import Hummingbird
import KenshuCore
import KenshuCycle
import KenshuMatch

/// メンター (`/mentors`; `?dryRun=1` adds a dry run of the next mentor run for today, as
/// `kenshu mentors --dry-run` makes it). Reads only: the store session is read-only and a dry
/// run records nothing.
struct MentorsRoutes: Sendable {
    let environment: ConsoleEnvironment

    func add(to router: Router<ConsoleRequestContext>) {
        router.get("/mentors") { request, context in
            let session = try context.requireSession()
            let dryRun = request.uri.queryParameters["dryRun"].map(String.init)
            guard dryRun == nil || dryRun == "1" else {
                throw ConsoleRefusal.badInput("dryRun=「\(dryRun ?? "")」は使えません。試行するときは dryRun=1 を指定してください。")
            }
            let view = try await page(dryRun: dryRun != nil)
            return environment.pages.response("mentors", frame: PageFrame(title: "メンター", session: session, current: "mentors"), page: view)
        }
    }

    private func page(dryRun: Bool) async throws -> MentorsView {
        let reading = environment.reading
        let today = try CourseRecommendations.day(nil, session: reading)
        let day = try reading.store.latestWeeklyRun().flatMap { LocalDate(parsing: $0.day) } ?? today
        let running = try reading.store.runningMentorPairs()
        let lastRun = try await environment.overview.mentors(on: day, session: reading)
        let trial = dryRun ? try await environment.overview.mentors(on: today, session: reading) : nil
        let groups = Dictionary(grouping: try reading.store.mentorGroups(), by: \.value)
            .sorted { $0.key < $1.key }.map { $0.value.map(\.key).sorted() }
        let staff = try StaffNames.of(MentorsView.ids(running: running, unmatched: lastRun.unmatched, groups: groups, dryRun: trial),
                                      session: reading)
        return MentorsView.make(running: running, unmatched: lastRun.unmatched, groups: groups, day: day,
                                dryRun: trial.map { (today, $0) }, staff: staff)
    }
}
