import Hummingbird
import KenshuCore
import KenshuCycle

/// 今週 (`/week`), and `/` sending there.
struct WeekRoutes: Sendable {
    let environment: ConsoleEnvironment

    func add(to router: Router<ConsoleRequestContext>) {
        router.get("/") { _, context in
            Redirect.to(context.session == nil ? "/login" : "/week")
        }
        router.get("/week") { _, context in
            let session = try context.requireSession()
            let reading = environment.reading
            let report = try StatusReport.gather(session: reading, warnings: try await environment.overview.warnings(session: reading))
            var view = WeekView.make(report, serve: reading.configuration.serve, zone: environment.zone)
            // As the HR report of the last run shows them: the mentor run of its day.
            let day = try report.lastWeeklyRun.flatMap { LocalDate(parsing: $0.day) } ?? CourseRecommendations.day(nil, session: reading)
            let mentors = try await environment.overview.mentors(on: day, session: reading)
            view.add(heatmap: try await environment.overview.heatmap(session: reading), mentors: mentors, day: day,
                     staff: try StaffNames.of(mentors.unmatched.prefix(MentorsView.pairLimit).map(\.mentee), session: reading))
            return environment.pages.response("week", frame: PageFrame(title: "今週", session: session, current: "week"), page: view)
        }
    }
}
