import Hummingbird

/// Finds the request's session from its `kenshu_session` cookie (a live one only; using it
/// keeps it alive) and puts it into the context. Refuses nothing: the routes decide.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = ConsoleRequestContext
    let sessions: SessionStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let id = request.cookies[SessionCookies.sessionName]?.value, !id.isEmpty {
            context.session = await sessions.use(id)
        }
        return try await next(request, context)
    }
}
