import KenshuCycle

/// `kenshu run`'s summary as text: one line per step, then the store in one line.
enum RunText {
    static func render(_ report: WeeklyCycle.Report) -> String {
        var lines = ["staff data:"]
        for step in report.steps {
            let kind = step.kind.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
            let outcome = step.outcome.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0)
            switch step.outcome {
            case .imported: lines.append("  \(kind)\(outcome)\(step.file ?? ""): \(step.detail)")
            case .notConfigured: lines.append("  \(kind)\(outcome)\(step.detail)")
            case .skipped: lines.append("  \(kind)\(outcome)\(step.file ?? ""): \(step.detail)")
            case .rejected, .failed, .held: lines.append("  \(kind)\(outcome)\(step.file ?? "") (see below; nothing changed)")
            }
        }
        if !report.feeds.isEmpty { lines.append("course feeds:") }
        for feed in report.feeds {
            let outcome = feed.outcome.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            let moved = feed.movedTo.map { " → \($0)" } ?? ""
            switch feed.outcome {
            case .rejected, .failed: lines.append("  \(outcome)\(feed.file)\(moved) (see below; the previous catalogue stays)")
            default: lines.append("  \(outcome)\(feed.file)\(moved): \(feed.detail)")
            }
        }
        if let gate = report.gate, !gate.passed {
            lines.append("mail held back: the week's data is not fit to mail; no recommendations, mentor pairs or "
                + "staff and manager mails this run (the HR office is told why):")
            lines += gate.problems.map { "  " + $0 }
        }
        if let step = report.recommendations {
            lines.append("recommendations: \(step.week): \(step.recommendations) for \(step.staff) staff (kenshu recommend --all)")
        }
        if let step = report.mentors {
            lines.append("mentors: \(step.new) new, \(step.kept) kept, \(step.ended) ended pairs; \(step.unmatched) unmatched (kenshu mentors)")
        }
        if let step = report.mail {
            let rendered = ["staff", "manager", "hr"].map { "\(step.rendered[$0] ?? 0) \($0)" }.joined(separator: ", ")
            let skipped = step.skipped.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
            var line = "mail: \(rendered) rendered; "
            line += report.dryRun ? "dry run: nothing spooled" : "\(step.spooled) spooled, \(step.alreadySpooled) already spooled this week"
            if !skipped.isEmpty { line += "; not sent: \(skipped)" }
            lines.append(line)
            if step.settled + step.forgotten > 0 {
                lines.append("  after an interrupted run: \(step.settled) mail(s) found spooled, \(step.forgotten) written again")
            }
            for warning in step.warnings.prefix(20) { lines.append("  warning: \(warning)") }
            if step.warnings.count > 20 { lines.append("  … and \(step.warnings.count - 20) more warnings") }
        }
        let status = report.status
        lines.append("""
            store: \(status.staff.active) active staff, \(status.evaluations.ratings) ratings, \
            \(status.history.records) trainings; \(status.warnings.count) data-quality warnings (kenshu status)
            """)
        return lines.joined(separator: "\n")
    }
}
