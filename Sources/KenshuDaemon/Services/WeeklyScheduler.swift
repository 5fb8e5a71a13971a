import Foundation
import KenshuCycle
import KenshuCore
import KenshuStore
import Logging
import ServiceLifecycle

/// Runs the weekly cycle (imports, recommendations, mentors, mails) at the configured slot,
/// once per ISO week: the store remembers each completed week, so a restart never runs a week
/// again, and a week missed while the daemon was down runs at start (see `WeeklySchedule`).
/// A cycle that fails is tried again after `schedule.retryAfter`; one stopped by shutdown
/// goes on at the next start (its mails already spooled stay spooled, exactly once).
struct WeeklyScheduler: Service {
    let parts: ServiceEnvironment

    func run() async throws {
        while !Task.isShuttingDownGracefully {
            let session = await parts.state.session
            let schedule = WeeklySchedule(session.configuration.serve)
            let decision: WeeklySchedule.Decision
            do {
                let completed = try await parts.work.run { () throws(KenshuError) in try Self.completedWeeks(session: session) }
                decision = schedule.decide(now: parts.clock.now) { completed.contains($0.description) }
            } catch {
                parts.logger.error("schedule: cannot read the completed weeks: \(error.message)")
                guard await pause(.seconds(60)) else { return }
                continue
            }
            switch decision {
            case .wait(let until, let week):
                await parts.state.noteNextRun(week: week, at: until)
                // Wake at the slot, or within a minute to notice a reload or a clock change.
                guard await pause(.milliseconds(Int64(max(0.05, min(60, until.timeIntervalSince(parts.clock.now))) * 1000))) else { return }
            case .run(let week, let day):
                guard await runCycle(week: week, day: day, session: session) else {
                    guard await pause(.seconds(session.configuration.serve.retryAfter)) else { return }
                    continue
                }
            }
        }
    }

    /// Runs one week's cycle; false when it failed (to be tried again).
    private func runCycle(week: ISOWeek, day: LocalDate, session: Session) async -> Bool {
        parts.logger.notice("weekly run of \(week) (as of \(day)) starts")
        await parts.state.noteActivity("weekly run of \(week) in progress")
        let options = WeeklyCycle.Options(date: day.description, week: week.description, stop: parts.stop,
                                          inboxSettle: session.configuration.serve.inboxSettle,
                                          onWait: { [logger = parts.logger] in logger.notice("weekly run of \(week): \($0)") })
        let outcome: Result<WeeklyCycle.Report, KenshuError>
        do {
            outcome = .success(try await parts.work.run { () throws(KenshuError) in try WeeklyCycle.run(session: session, options: options) })
        } catch {
            outcome = .failure(error)
        }
        await parts.state.noteActivity(nil)
        switch outcome {
        case .success(let report):
            await log(report, week: week)
            if let gate = report.gate, !gate.passed {
                let problems = gate.problems.joined(separator: " ")
                parts.logger.error("weekly run of \(week): mails held back, tried again in \(session.configuration.serve.retryAfter) s: \(problems)")
                await parts.state.noteActivity("mails of \(week) held back: \(gate.problems.first ?? "")")
                return false
            }
            return true
        case .failure(let error) where error.kind == .stopped:
            parts.logger.notice("weekly run of \(week) \(error.message)")
        case .failure(let error):
            parts.logger.error("weekly run of \(week) failed (tried again in \(session.configuration.serve.retryAfter) s): \(error.message)")
        }
        return false
    }

    /// The cycle's summary, and each rejected file and skipped mail, in the log.
    private func log(_ report: WeeklyCycle.Report, week: ISOWeek) async {
        let mail = report.mail
        parts.logger.notice("weekly run of \(week) done: \(mail?.spooled ?? 0) mail(s) spooled, \(mail?.alreadySpooled ?? 0) already; \(report.feeds.count) feed(s)")
        for step in report.steps where [.rejected, .failed, .held].contains(step.outcome) {
            parts.logger.error("weekly run of \(week): \(step.kind.rawValue) \(step.outcome.rawValue): \(step.detail)")
        }
        for feed in report.feeds where feed.outcome != .imported {
            parts.logger.error("weekly run of \(week): feed \(feed.file) \(feed.outcome.rawValue): \(feed.detail)")
        }
        for warning in mail?.warnings ?? [] { parts.logger.warning("weekly run of \(week): \(warning)") }
        if !report.feeds.isEmpty { await parts.state.noteImport("weekly run of \(week)", at: parts.clock.now) }
    }

    private static func completedWeeks(session: Session) throws(KenshuError) -> Set<String> {
        do {
            return try session.store.completedWeeks()
        } catch {
            throw KenshuError(.runtime, error.description)
        }
    }
}
