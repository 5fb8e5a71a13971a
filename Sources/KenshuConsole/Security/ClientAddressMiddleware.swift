import Hummingbird

/// Sets the request's client address: the socket's peer, or — when the peer is one of
/// `console.trustedProxies` — the rightmost `X-Forwarded-For` address that is not itself a
/// trusted proxy (the nearest hop a trusted proxy vouches for; entries further left are the
/// client's own say and could be forged). Behind the office's proxy this keeps the login
/// throttle and the audit log per office PC instead of one address for everyone.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = ConsoleRequestContext
    let trusted: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard trusted.contains(context.address) else { return try await next(request, context) }
        var context = context
        context.address = Self.client(forwardedFor: request.headers[values: ConsoleHeaders.xForwardedFor], peer: context.address, trusted: trusted)
        return try await next(request, context)
    }

    static func client(forwardedFor headers: [String], peer: String, trusted: Set<String>) -> String {
        let hops = headers.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return hops.last { !trusted.contains($0) } ?? peer
    }
}
