import KenshuConfig
import KenshuCore
import KenshuCycle
import Synchronization

/// The console's read-only session with the rules file as it is now: when the file's
/// fingerprint differs from the one last loaded (a rule change applied here, or an edit on the
/// server), the rules are loaded again before the next page uses them, so a person's page and
/// the mail preview never show the rules from before an applied change. A file that no longer
/// loads keeps the last good rules (`problem` says why), as the daemon keeps its setup on a
/// failed reload. Config and catalogue are read at start only.
final class ConsoleRules: Sendable {
    private struct Loaded {
        var session: Session
        var fingerprint: String?
        var problem: String?
    }

    private let loaded: Mutex<Loaded>

    init(_ session: Session) {
        loaded = Mutex(Loaded(session: session, fingerprint: FilePaths.fingerprint(session.configuration.rulesFile)))
    }

    /// The session with the rules of the file now (reading the small rules file to compare).
    var session: Session { current().session }

    /// The session as `session` gives it, and why the file as it is now could not be loaded
    /// (the previous rules serve; nil when it loaded), seen together.
    func current() -> (session: Session, problem: String?) {
        loaded.withLock { loaded in
            let path = loaded.session.configuration.rulesFile
            let now = FilePaths.fingerprint(path)
            guard now != loaded.fingerprint else { return (loaded.session, loaded.problem) }
            loaded.fingerprint = now
            do throws(KenshuError) {
                loaded.session = loaded.session.with(try loaded.session.setup.withRules(at: path))
                loaded.problem = nil
            } catch {
                loaded.problem = error.message
            }
            return (loaded.session, loaded.problem)
        }
    }
}
