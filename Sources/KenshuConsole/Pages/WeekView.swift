import Foundation
import KenshuConfig
import KenshuCycle
import KenshuImport
import KenshuCore
import KenshuMail
import KenshuMatch
import KenshuStore

/// 今週: the last weekly run, the mail spool, each provider's last feed import, the HR
/// system's last imports, the data-quality warnings (from `StatusReport`, the texts as
/// the HR report has them), and the HR report's gap heatmap and unmatched mentees.
struct WeekView: Sendable {
    struct Run: Sendable {
        var week: String
        var day: String
        var finishedAt: String
        var summary: String
    }

    struct Feed: Sendable {
        var provider: String
        var source: String
        var failed: Bool
        var outcome: String
        var reason: String?
        var when: String
        var courses: Int
    }

    struct StaffImport: Sendable {
        var kind: String
        var source: String
        var failed: Bool
        var when: String
        var summary: String
    }

    struct Warning: Sendable {
        var kind: String
        var staffID: String
        var message: String
    }

    struct Unmatched: Sendable {
        var person: PersonLine
        var reason: String
    }

    var lastRun: Run?
    var nextRun: String
    var hold: String?
    var waiting: Int
    var delivered: Int
    var failing: Int
    var feeds: [Feed]
    var imports: [StaffImport]
    var warnings: [Warning]
    var warningsMore: Int?
    var activeStaff: Int
    var heatmap: GapHeatmap?
    var unmatched: [Unmatched] = []
    var unmatchedMore: Int?
    /// The day the heatmap's gaps and the mentor run are of (`2026-11-25`).
    var overviewDay = ""
    var hasUnmatched = false
    let unmatchedHeading = MentorWording.unmatched

    // Mustache sees stored properties only: the flags the template tests.
    var hasFeeds: Bool
    var hasImports: Bool
    var hasWarnings: Bool
    /// A section shows an Int even when 0: the template tests this instead of `failing`.
    var anyFailing: Bool

    static let warningLimit = 80

    static func make(_ report: StatusReport, serve: ServeSettings, zone: TimeZone) -> WeekView {
        let warnings = report.warnings.map { Warning(kind: $0.kind.japaneseName, staffID: $0.staffID, message: $0.message) }
        let feeds = feedRows(providers: report.providers, rejected: report.rejectedFeeds, zone: zone)
        let imports = importRows(report.imports, zone: zone)
        return WeekView(
            lastRun: report.lastWeeklyRun.map {
                Run(week: $0.week, day: $0.day, finishedAt: ConsoleTime.text($0.finishedAt, zone: zone), summary: $0.summary)
            },
            nextRun: nextRun(serve),
            hold: report.mailHold.map { "\($0.week) のメールは配信を保留しています: " + $0.problems.joined(separator: " ") },
            waiting: report.spool.waiting, delivered: report.spool.delivered, failing: report.spool.failing,
            feeds: feeds,
            imports: imports,
            warnings: Array(warnings.prefix(warningLimit)),
            warningsMore: warnings.count > warningLimit ? warnings.count - warningLimit : nil,
            activeStaff: report.staff.active,
            hasFeeds: !feeds.isEmpty, hasImports: !imports.isEmpty, hasWarnings: !warnings.isEmpty,
            anyFailing: report.spool.failing > 0)
    }

    /// Each provider's last feed import and the rejected feeds that name none, failures first.
    static func feedRows(providers: [ProviderCatalogCounts], rejected: [FeedImportEntry], zone: TimeZone) -> [Feed] {
        var feeds = providers.compactMap { provider -> Feed? in
            guard let last = provider.lastImport else { return nil }
            return Feed(provider: provider.name, source: FilePaths.name(last.source), failed: !last.succeeded,
                        outcome: ReportTexts.feedOutcome(last), reason: last.succeeded ? nil : last.message,
                        when: ConsoleTime.text(last.finishedAt, zone: zone), courses: provider.courses)
        }
        feeds += rejected.map { entry in
            Feed(provider: "", source: FilePaths.name(entry.source), failed: true, outcome: ReportTexts.feedOutcome(entry),
                 reason: entry.message, when: ConsoleTime.text(entry.finishedAt, zone: zone), courses: 0)
        }
        feeds.sort { ($0.failed ? 0 : 1, $0.provider, $0.source) < ($1.failed ? 0 : 1, $1.provider, $1.source) }
        return feeds
    }

    /// Each HR export's last import.
    static func importRows(_ imports: [StatusReport.ImportEntry], zone: TimeZone) -> [StaffImport] {
        imports.map { entry in
            StaffImport(kind: importName(entry.kind), source: FilePaths.name(entry.source), failed: !entry.succeeded,
                        when: ConsoleTime.text(entry.finishedAt, zone: zone),
                        summary: entry.succeeded ? entry.summary : (entry.message ?? entry.summary))
        }
    }
    /// The HR report's heatmap and unmatched mentees (of the mentor run on `day`), by name.
    mutating func add(heatmap: GapHeatmap, mentors: MentorMatching, day: LocalDate, staff: [String: StaffMember]) {
        self.heatmap = heatmap
        unmatched = mentors.unmatched.prefix(MentorsView.pairLimit).map { Unmatched(person: PersonLine($0.mentee, staff), reason: $0.reason) }
        unmatchedMore = MentorsView.more(mentors.unmatched.count, MentorsView.pairLimit)
        overviewDay = day.description
        hasUnmatched = !unmatched.isEmpty
    }

    /// The heatmap's shades as classes (`td.gap0` … `td.gap20`): the console's policy forbids
    /// the mail's inline colours.
    static let heatmapStyles = GapHeatmap.shadeColours.enumerated().map { shade, colours in
        "td.gap\(shade) { background: \(colours.background); color: \(colours.text); text-align: center; }\n"
    }.joined()

    /// `毎週 月曜日 07:00（Asia/Tokyo）`.
    static func nextRun(_ serve: ServeSettings) -> String {
        let day = ServeSettings.weekdayNames.first { $0.number == serve.weekday }?.names.last ?? "\(serve.weekday)"
        return "毎週 \(day) " + String(format: "%02d:%02d", serve.hour, serve.minute) + "（\(serve.timeZone)）"
    }

    static func importName(_ kind: String) -> String {
        StaffDataKind(rawValue: kind)?.japaneseName ?? kind
    }
}
