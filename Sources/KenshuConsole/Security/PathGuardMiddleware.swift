import Hummingbird

/// Only the router's own paths exist: a request path with a dot segment, a percent escape,
/// a backslash or an empty segment is 404 before any route sees it, so nothing can name a
/// file or step out of a route (`../`, `%2e%2e`, `%2f`, `..%5c` …).
struct PathGuardMiddleware: RouterMiddleware {
    typealias Context = ConsoleRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.isPlain(request.head.path ?? "") else { throw ConsoleRefusal.notFound }
        return try await next(request, context)
    }

    /// Whether the path part of a request target is plain: `/`, then segments of letters,
    /// digits, `-`, `_` and dots that are not a whole segment of dots.
    static func isPlain(_ target: String) -> Bool {
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        guard path.hasPrefix("/") else { return false }
        if path == "/" { return true }
        let segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        return segments.allSatisfy { segment in
            !segment.isEmpty && !segment.allSatisfy({ $0 == "." }) && segment.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || scalar == "-" || scalar == "_" || scalar == ".")
            }
        }
    }
}
