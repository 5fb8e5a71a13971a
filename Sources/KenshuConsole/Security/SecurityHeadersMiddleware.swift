import Hummingbird

/// Puts the console's security headers on every response: a Content-Security-Policy without
/// script, no framing, no sniffing, no referrer. A response that set its own CSP or
/// `X-Frame-Options` (the mail preview, framed by the console's own page) keeps them.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = ConsoleRequestContext

    static let pagePolicy = "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
        + "form-action 'self'; frame-src 'self'; frame-ancestors 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        Self.apply(to: &response.headers)
        return response
    }

    static func apply(to headers: inout HTTPFields) {
        if headers[.contentSecurityPolicy] == nil { headers[.contentSecurityPolicy] = pagePolicy }
        if headers[ConsoleHeaders.xFrameOptions] == nil { headers[ConsoleHeaders.xFrameOptions] = "DENY" }
        headers[.xContentTypeOptions] = "nosniff"
        headers[ConsoleHeaders.referrerPolicy] = "no-referrer"
    }
}

/// Header names HTTPTypes does not predefine.
enum ConsoleHeaders {
    // Constant, valid token names: the initialiser only fails on invalid ones.
    static let xFrameOptions = HTTPFields.Element.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPFields.Element.Name("Referrer-Policy")!
    static let xForwardedFor = HTTPFields.Element.Name("X-Forwarded-For")!
}
