import Foundation
import KenshuCore
import KenshuCycle
import Synchronization

/// Runs `rules diff` for the console, one at a time and off the event loop: a simulation
/// matches every member of staff twice (seconds in a large city), so a second one asked for
/// meanwhile is told to wait instead of doubling the load.
final class RulesSimulations: Sendable {
    private let running = Atomic<Bool>(false)

    /// The summary text of `candidate` against the rules now in force, or nil when another
    /// simulation is running.
    func summary(of candidate: RulesCandidate, current: Session, fileName: String) async throws -> String? {
        guard running.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return nil }
        defer { running.store(false, ordering: .releasing) }
        let report = try await BlockingWork.run { () throws -> RulesDiff.Report in
            let day = try CourseRecommendations.day(nil, session: current)
            return try RulesDiff.report(old: current, new: current.with(candidate.setup), on: day)
        }
        return RulesDiffText.render(report, old: "現在の " + fileName, new: "編集中の " + fileName, details: false, commandLineHint: false)
    }
}
