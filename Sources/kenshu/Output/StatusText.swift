import Foundation
import KenshuCore
import KenshuCycle

/// `kenshu status` as text for people: counts, imports, warnings grouped by kind.
enum StatusText {
    /// At most this many examples per kind of warning (all are in `--json`).
    static let examplesPerKind = 5

    static func render(_ report: StatusReport, timeZone: TimeZone) -> String {
        var out = "store: \(report.database)\n\n"
        out += "staff: \(report.staff.active) active, \(report.staff.inactive) inactive\n"
        for family in JobFamily.allCases {
            let count = report.staff.byFamily[family.japaneseName] ?? .init(active: 0, inactive: 0)
            out += "  \(pad(family.japaneseName, 6)) \(count.active) active, \(count.inactive) inactive\n"
        }
        let periods = report.evaluations.periods.map { "\($0)年度" }.joined(separator: ", ")
        out += "evaluations: \(report.evaluations.ratings) ratings" + (periods.isEmpty ? "" : " (\(periods))") + "\n"
        out += "training history: \(report.history.records) records, \(report.history.withoutReport) without 復命書\n"
        out += "\nlast imports:\n"
        if report.imports.isEmpty { out += "  none yet\n" }
        for entry in report.imports {
            let when = timestamp(entry.finishedAt, timeZone)
            if entry.succeeded {
                out += "  \(pad(entry.kind, 12)) \(when)  ok: \(entry.rows) rows, \(entry.summary)\n"
            } else {
                out += "  \(pad(entry.kind, 12)) \(when)  FAILED: \(entry.message ?? entry.summary)\n"
                if let success = entry.lastSuccessAt { out += "  \(pad("", 12)) last success \(timestamp(success, timeZone))\n" }
            }
            out += "  \(pad("", 12)) \(entry.source)\n"
        }
        out += "\ncourse catalogues:\n"
        if report.providers.isEmpty && report.rejectedFeeds.isEmpty { out += "  none yet (kenshu import FEED)\n" }
        for provider in report.providers {
            out += "  \(provider.id) (\(provider.name)): \(provider.courses) courses, \(provider.presentations) presentations, "
                + "\(provider.retired) retired\n"
            if let last = provider.lastImport {
                let when = timestamp(last.finishedAt, timeZone)
                out += last.succeeded
                    ? "    last import \(when) ok: \(last.summary), \(last.warnings) warning(s)\n"
                    : "    last import \(when) REJECTED: \(last.message ?? last.summary)\n"
            }
        }
        for feed in report.rejectedFeeds {
            out += "  rejected \(timestamp(feed.finishedAt, timeZone)): \(feed.message ?? feed.source)\n"
        }
        if !report.feedPolls.isEmpty { out += "\nfeeds by URL (kenshu serve):\n" }
        for poll in report.feedPolls {
            out += "  \(poll.url)\n    checked \(timestamp(poll.checkedAt, timeZone)): \(poll.outcome), \(poll.detail)\n"
        }
        out += "\nlast weekly run: " + (report.lastWeeklyRun.map { run in
            "\(run.week) (as of \(run.day)), finished \(timestamp(run.finishedAt, timeZone)): \(run.summary)"
        } ?? "none yet") + "\n"
        if let hold = report.mailHold {
            out += "\nMAIL HELD BACK for \(hold.week) (checked \(timestamp(hold.checkedAt, timeZone))); the next run tries again:\n"
            out += hold.problems.map { "  " + $0 + "\n" }.joined()
        }
        out += "\nmail spool: \(report.spool.waiting) waiting in new/, \(report.spool.delivered) delivered"
            + (report.spool.failing > 0 ? ", \(report.spool.failing) refused by sendmail so far (kenshu deliver)" : "") + "\n"
        out += "\ndata-quality warnings: \(report.warnings.count)\n"
        for kind in DataQualityWarning.Kind.allCases {
            let items = report.warnings.filter { $0.kind == kind }
            guard !items.isEmpty else { continue }
            out += "  \(kind.rawValue) (\(kind.japaneseName)): \(items.count)\n"
            for item in items.prefix(examplesPerKind) { out += "    \(item.staffID): \(item.message)\n" }
            if items.count > examplesPerKind { out += "    … \(items.count - examplesPerKind) more (see --json)\n" }
        }
        return out
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func timestamp(_ date: Date, _ zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}
