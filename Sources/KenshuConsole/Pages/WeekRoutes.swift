import Hummingbird
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
            let report = try StatusReport.gather(session: environment.reading)
            let view = WeekView.make(report, serve: environment.reading.configuration.serve, zone: environment.zone)
            return environment.pages.response("week", frame: PageFrame(title: "今週", session: session, current: "week"), page: view)
        }
    }
}
