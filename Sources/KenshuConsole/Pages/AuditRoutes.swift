import Foundation
import Hummingbird
import KenshuStore

/// 監査ログ (`/audit`, admin only): the newest entries of the console's audit log.
struct AuditRoutes: Sendable {
    let environment: ConsoleEnvironment

    static let limit = 200

    func add(to router: Router<ConsoleRequestContext>) {
        router.get("/audit") { _, context in
            let session = try context.requireRole(.admin)
            let entries = try environment.reading.store.consoleAudit(limit: Self.limit)
            let view = AuditView(entries: entries.map { entry in
                AuditView.Line(at: ConsoleTime.text(entry.at, zone: environment.zone), account: entry.account, address: entry.address,
                               action: AuditLog.Action.japaneseName(of: entry.action), detail: entry.detail)
            }, hasEntries: !entries.isEmpty)
            return environment.pages.response("audit", frame: PageFrame(title: "監査ログ", session: session, current: "audit"),
                                              page: view)
        }
    }
}

/// The audit log page.
struct AuditView: Sendable {
    struct Line: Sendable {
        var at: String
        var account: String
        var address: String
        var action: String
        var detail: String
    }

    var entries: [Line]
    var hasEntries: Bool
}
