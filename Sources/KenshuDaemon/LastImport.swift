import Foundation
import KenshuCycle
import KenshuStore

/// The newest import the store remembers (a feed, or an HR export), so that `STATUS=` names
/// it from the start rather than only after the daemon's own first import.
enum LastImport {
    static func find(session: Session) -> (text: String, at: Date)? {
        let store = session.store
        let feed = (try? store.latestFeedImports(limit: 1))?.first.map { entry in
            ("\((entry.source as NSString).lastPathComponent) \(entry.succeeded ? "imported" : "rejected")", entry.finishedAt)
        }
        let data = ((try? store.latestImports()) ?? []).max { $0.finishedAt < $1.finishedAt }.map { run in
            ("\(run.kind) \(run.succeeded ? "imported" : "rejected")", run.finishedAt)
        }
        return [feed, data].compactMap { $0 }.max { $0.1 < $1.1 }.map { (text: $0.0, at: $0.1) }
    }
}
