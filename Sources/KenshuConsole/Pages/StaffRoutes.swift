import Hummingbird
import KenshuCore
import KenshuCycle
import KenshuMail

/// 職員: search (`/staff?q=`), a person (`/staff/:id`), and the person's mail as they will
/// see it (`/staff/:id/mail`, for the person page's sandboxed frame, with its own CSP).
struct StaffRoutes: Sendable {
    let environment: ConsoleEnvironment

    /// The mail frame's policy: the mail's inline styles and nothing else; framed only by the console.
    static let mailPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'"

    func add(to router: Router<ConsoleRequestContext>) {
        router.get("/staff") { request, context in
            let session = try context.requireSession()
            let query = (request.uri.queryParameters["q"].map(String.init) ?? "").trimmingCharacters(in: .whitespaces)
            let hits = try environment.reading.store.searchStaff(query, limit: StaffSearchView.limit + 1)
            let view = StaffSearchView(
                query: query,
                hits: hits.prefix(StaffSearchView.limit).map {
                    StaffSearchView.Hit(id: $0.id, name: $0.name, department: $0.department, title: $0.title, inactive: !$0.active)
                },
                more: hits.count > StaffSearchView.limit, searched: !query.isEmpty, hasHits: !hits.isEmpty)
            return environment.pages.response("staff-search", frame: PageFrame(title: "職員", session: session, current: "staff"),
                                              page: view)
        }
        router.get("/staff/:id") { _, context in
            let session = try context.requireSession()
            let id = try context.parameters.require("id")
            let answer: CourseRecommendations.FewPeople
            do {
                answer = try CourseRecommendations.forStaff(ids: [id], date: nil, session: environment.reading, explain: true)
            } catch let error as KenshuError where error.kind == .badInput {
                throw ConsoleRefusal.notFound
            }
            guard let entry = answer.entries.first else { throw ConsoleRefusal.notFound }
            let view = StaffView.make(entry, basis: answer.basis, catalog: environment.reading.catalog)
            return environment.pages.response("staff", frame: PageFrame(title: "\(entry.staff.name)（\(id)）", session: session,
                                                                        current: "staff"), page: view)
        }
        router.get("/staff/:id/mail") { _, context in
            _ = try context.requireSession()
            let id = try context.parameters.require("id")
            let html: String
            do {
                html = try MailPreview.render(kind: .staff, staffID: id, date: nil, format: .html, session: environment.reading).text
            } catch let error as KenshuError where error.kind == .badInput {
                html = "<!DOCTYPE html><html lang=\"ja\"><meta charset=\"utf-8\"><p>" + HTMLText.escape(error.message) + "</p></html>"
            }
            return ConsolePages.html(html, headers: [.contentSecurityPolicy: Self.mailPolicy, ConsoleHeaders.xFrameOptions: "SAMEORIGIN"])
        }
    }
}

/// Escaping for the few strings the console puts into HTML outside a template.
enum HTMLText {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
