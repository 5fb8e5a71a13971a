import Hummingbird

/// Refuses a request whose declared body is over `ConsoleLimits.maxBodyBytes` (413) before
/// anything reads it; a body without a length is held to the same limit when a form reads it.
/// An upload (`POST /uploads`) has its own limit, which its route checks as it streams.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = ConsoleRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if !UploadRoutes.isUpload(request), let length = request.headers[.contentLength].flatMap({ Int($0) }), length > ConsoleLimits.maxBodyBytes {
            throw ConsoleRefusal.tooLarge
        }
        return try await next(request, context)
    }
}
