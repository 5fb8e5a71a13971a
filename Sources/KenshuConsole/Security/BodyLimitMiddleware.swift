import Hummingbird

/// Refuses a request whose declared body is over `ConsoleLimits.maxBodyBytes` (413) before
/// anything reads it; a body without a length is held to the same limit when a form reads it.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = ConsoleRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > ConsoleLimits.maxBodyBytes {
            throw ConsoleRefusal.tooLarge
        }
        return try await next(request, context)
    }
}
