import Foundation
import Hummingbird
import Logging

/// Turns a refusal (and the router's own 404 and 413, and any other failure) into its status
/// and a Japanese page; nothing but the message reaches the browser.
struct RefusalMiddleware: RouterMiddleware {
    typealias Context = ConsoleRequestContext
    let pages: ConsolePages
    /// The office's time zone, for "try again after".
    let zone: TimeZone

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let refusal as ConsoleRefusal {
            return respond(refusal, context: context)
        } catch let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed {
            return respond(.notFound, context: context)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return respond(.tooLarge, context: context)
        } catch {
            context.logger.error("console request failed", metadata: ["path": .string(request.uri.path), "error": .string("\(error)")])
            let view = RefusalView(title: "エラーが発生しました",
                                   text: "ページを作れませんでした。時間をおいて開き直し、続くようならサーバーのログ（journalctl -u kenshu-console）を確かめてください。",
                                   detail: nil)
            return pages.response("refusal", frame: PageFrame(title: view.title, session: context.session), page: view,
                                  status: .internalServerError)
        }
    }

    private func respond(_ refusal: ConsoleRefusal, context: Context) -> Response {
        if refusal == .notLoggedIn {
            return Redirect.to("/login")
        }
        let (title, text) = refusal.message
        var detail: String?
        if case .throttled(let until) = refusal {
            detail = "\(ConsoleTime.text(until, zone: zone)) 以降にもう一度試してください。"
        }
        return pages.response("refusal", frame: PageFrame(title: title, session: context.session),
                              page: RefusalView(title: title, text: text, detail: detail), status: refusal.status)
    }
}

/// A refusal or failure page.
struct RefusalView: Sendable {
    var title: String
    var text: String
    var detail: String?
}
