import Hummingbird
import Logging

/// The console's HTTP application: the middleware (outermost first: security headers,
/// refusals to pages, path guard, body limit, client address, session) and the routes. Only the routes
/// added here exist; anything else is a 404 page.
public enum ConsoleApplication {
    /// The router, for `app.test(.router)` and for `make`.
    public static func router(_ environment: ConsoleEnvironment) -> Router<ConsoleRequestContext> {
        let router = Router(context: ConsoleRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: RefusalMiddleware(pages: environment.pages, zone: environment.zone))
        router.add(middleware: PathGuardMiddleware())
        router.add(middleware: BodyLimitMiddleware())
        router.add(middleware: ClientAddressMiddleware(trusted: Set(environment.settings.trustedProxies)))
        router.add(middleware: SessionMiddleware(sessions: environment.sessions))
        router.get("/static/console.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: environment.pages.styleSheet)))
        }
        LoginRoutes(environment: environment).add(to: router)
        WeekRoutes(environment: environment).add(to: router)
        StaffRoutes(environment: environment).add(to: router)
        AuditRoutes(environment: environment).add(to: router)
        RulesRoutes(environment: environment).add(to: router)
        UploadRoutes(environment: environment).add(to: router)
        CoursesRoutes(environment: environment).add(to: router)
        MentorsRoutes(environment: environment).add(to: router)
        return router
    }

    /// The application bound to `console.listen` (`host`/`port` given explicitly override it, for tests).
    public static func make(_ environment: ConsoleEnvironment, logger: Logger) throws(ConsoleStartError) -> some ApplicationProtocol {
        guard let listen = environment.settings.listen else {
            throw ConsoleStartError("管理画面は無効です: kenshu.yaml の console.listen が設定されていません（例: listen: \"127.0.0.1:8470\"）。")
        }
        return Application(router: router(environment),
                           configuration: .init(address: .hostname(listen.host, port: listen.port), serverName: nil),
                           logger: logger)
    }
}
