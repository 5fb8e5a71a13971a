#if DEBUG
import Foundation
import KenshuMail

/// Test builds only (`swift build` in debug, as `swift test` runs the binary): ends the
/// process abruptly, as `kill -9` would, at a named point of the spool's protocol, so the
/// integration tests can prove exactly-once spooling across a crash. `KENSHU_TEST_CRASH=claim:3`
/// stops right after the third mail was claimed in the ledger, `spool:3` right after its
/// file reached `new/` but before the ledger knew. A release build has no such hook.
enum CrashHook {
    static func observer(environment: [String: String] = ProcessInfo.processInfo.environment) -> MailSpooling.StepObserver? {
        guard let text = environment["KENSHU_TEST_CRASH"] else { return nil }
        let parts = text.split(separator: ":")
        guard parts.count == 2, let step = MailSpooling.Step(rawValue: String(parts[0])), let count = Int(parts[1]) else {
            return nil
        }
        return { reached, pass in
            if reached == step && pass == count { _exit(137) }
        }
    }
}
#endif
