import Foundation
import KenshuConfig
import KenshuCore
import KenshuImport
import KenshuMail
import KenshuStore

/// One full cycle, as `kenshu run` and the daemon's weekly schedule start it: import the HR
/// system's exports named in the config (`data:`, roster first so that evaluations and
/// history see this week's staff), then the course feeds (`feeds.sources` and what waits in
/// the inbox); match everyone and record the week's recommendations; run the mentor
/// matching; render the week's mails and spool them, exactly once per week, kind and
/// recipient.
public enum WeeklyCycle {
    /// How the cycle is asked to run.
    public struct Options: Sendable {
        /// `--date`: the day to evaluate as of (default: today in the config's zone).
        public var date: String?
        /// `--week`: the ISO week (default: the day's); without `--date`, its Monday.
        public var week: String?
        /// Import nothing, record nothing, spool nothing: show what the cycle would do.
        public var dryRun: Bool
        /// Spool this week's mails again, even those already spooled.
        public var force: Bool
        /// Raised to stop the cycle at its next safe point (the daemon's shutdown).
        public var stop: StopFlag
        /// Inbox files younger than this many seconds are left for later (the daemon passes
        /// `watch.settle`; a command run by hand takes what is there).
        public var inboxSettle: Int
        /// Told as each mail passes a step of the spool's protocol (the kill tests' hook).
        public var spoolObserver: MailSpooling.StepObserver?
        /// `--accept`: apply the HR exports even when their review would hold them back.
        public var accept: Bool = false
        /// Told when another process holds the writer lock and the cycle waits for it.
        public var onWait: (@Sendable (String) -> Void)?

        public init(date: String? = nil, week: String? = nil, dryRun: Bool = false, force: Bool = false,
                    stop: StopFlag = StopFlag(), inboxSettle: Int = 0, spoolObserver: MailSpooling.StepObserver? = nil,
                    onWait: (@Sendable (String) -> Void)? = nil) {
            self.date = date
            self.week = week
            self.dryRun = dryRun
            self.force = force
            self.stop = stop
            self.inboxSettle = inboxSettle
            self.spoolObserver = spoolObserver
            self.onWait = onWait
        }
    }

    /// What one step of the cycle did.
    public struct Step: Sendable, Codable {
        public enum Outcome: String, Sendable, Codable {
            case imported, rejected, failed
            /// Held back by its review: it would change too much (`--accept` applies it).
            case held
            /// A dry run: not imported.
            case skipped
            /// Not named in the config.
            case notConfigured = "not-configured"
        }

        public var kind: StaffDataKind
        public var file: String?
        public var outcome: Outcome
        /// The import's summary, or the error.
        public var detail: String
        /// The same file as the store's data came from: nothing changed.
        public var unchanged = false
    }

    /// What the cycle did with one course feed.
    public struct FeedStep: Sendable, Codable {
        public var file: String
        /// `source` (named in the config) or `inbox`.
        public var origin: String
        public var outcome: Step.Outcome
        public var detail: String
        /// Where an inbox feed was filed (`imported/`, `rejected/`).
        public var movedTo: String?
        /// Imported, and no course was added, changed or retired.
        public var unchanged = false
    }

    /// What the recommendation step did.
    public struct RecommendationStep: Sendable, Codable {
        public var week: String
        public var staff: Int
        public var recommendations: Int
    }

    /// What the mentor step did.
    public struct MentorStep: Sendable, Codable {
        public var new: Int
        public var kept: Int
        public var ended: Int
        public var unmatched: Int
    }

    /// What the mail step did.
    public struct MailStep: Sendable, Codable {
        init(_ composed: WeeklyMails.Composed, _ spooled: MailSpooling.Outcome) {
            rendered = Dictionary(uniqueKeysWithValues: composed.rendered.map { ($0.key.rawValue, $0.value) })
            self.spooled = spooled.written.count
            alreadySpooled = spooled.alreadySpooled
            settled = spooled.settled
            forgotten = spooled.forgotten
            skipped = Dictionary(grouping: composed.skipped, by: \.reason.rawValue).mapValues(\.count)
            warnings = composed.skipped.filter { $0.reason == .noAddress || $0.reason == .invalidAddress }.map(\.detail)
        }

        /// Rendered mails per kind (`staff`, `manager`, `hr`).
        public var rendered: [String: Int]
        /// Files written into the spool's `new/`.
        public var spooled: Int
        /// Already spooled for this week by an earlier run.
        public var alreadySpooled: Int
        /// Claims a crash had left, settled at start (as spooled / to be written again).
        public var settled: Int
        public var forgotten: Int
        /// Mails not sent, per reason.
        public var skipped: [String: Int]
        /// Skipped mails the HR office should look at (no or invalid address).
        public var warnings: [String]
    }

    /// The cycle's result: every step, and the exit code it amounts to.
    public struct Report: Sendable, Codable {
        public var steps: [Step]
        public var feeds: [FeedStep]
        /// This week's recommendations: the ISO week, how many staff got some, how many in all.
        public var recommendations: RecommendationStep?
        public var mentors: MentorStep?
        public var mail: MailStep?
        /// The pre-mail gate's verdict; when it did not pass, the week's staff and manager
        /// mails were held back (no recommendations or mentor pairs recorded either) and the
        /// HR office was sent a notice instead.
        public var gate: MailGate.Verdict?
        public var dryRun: Bool
        public var status: StatusReport
        /// When nothing the week was computed from had changed since its completed cycle: that
        /// cycle's end. Its recommendations, mentor pairs and mails stand; none was made again.
        public var reusedFrom: Date?

        /// 0 when every configured step worked, 2 when an input was rejected or held back or the
        /// week's mails were held back by the gate, 1 when the
        /// program failed (a rejected file does not stop the steps after it).
        public var exitCode: Int32 {
            let outcomes = steps.map(\.outcome) + feeds.map(\.outcome)
            if outcomes.contains(.failed) { return 1 }
            if outcomes.contains(.rejected) || outcomes.contains(.held) || gate?.passed == false { return 2 }
            return 0
        }
    }

    /// Runs the cycle; unless it is a dry run, under the writer lock from the first import to
    /// the last mail (waiting while another process holds it).
    public static func run(session: Session, options: Options = Options()) throws(KenshuError) -> Report {
        let day = try self.day(options, session: session)
        let lock = options.dryRun ? nil
            : try WriterLock.take(session: session, purpose: "weekly cycle", stop: options.stop, waiting: { options.onWait?($0) })
        defer { withExtendedLifetime(lock) {} }
        let steps = options.dryRun ? skippedDataSteps(session) : try importData(session: session, accept: options.accept, stop: options.stop)
        try options.stop.check("the course feeds")
        let feeds = options.dryRun ? [] : try importFeeds(session: session, options: options)
        let week = ISOWeek(containing: day)
        let gate = try MailGate.check(steps: steps, session: session)
        guard gate.passed else { return try hold(week: week, steps: steps, feeds: feeds, gate: gate, options: options, session: session) }
        if !options.dryRun { try clearHold(week: week, session: session) }
        if !options.dryRun, !options.force,
           let reused = try reusedWeek(week: week, day: day, steps: steps, feeds: feeds, gate: gate, session: session) {
            return reused
        }
        try options.stop.check("the matching")
        let match = try CourseRecommendations.week(on: day, session: session)
        let entries = match.entries
        if !options.dryRun { try CourseRecommendations.recordWeek(entries, on: day, session: session) }
        try options.stop.check("the mentor matching")
        let mentors = try MentorRun.run(on: day, dryRun: options.dryRun, session: session)
        try options.stop.check("the mails")
        let inputs = try MailInputs.gather(on: day, match: match, mentors: mentors, session: session)
        // A second run of the week makes only the mails the spool does not have yet.
        var settled = MailSpooling.Outcome()
        let inSpool = options.dryRun || options.force ? []
            : try MailSpooling.spooledKeys(week: week, configuration: session.configuration, store: session.store, outcome: &settled)
        // Each slice of mails is spooled as soon as it is made: the week's mails are never held whole.
        let writer = options.dryRun ? nil
            : try MailSpooling.Writer(week: week, force: options.force, stop: options.stop, configuration: session.configuration,
                                      store: session.store, observer: options.spoolObserver)
        let composed = try WeeklyMails.compose(inputs, templates: try WeeklyMails.templates(setup: session.setup), setup: session.setup,
                                               alreadySpooled: inSpool) { mails throws(KenshuError) in try writer?.write(mails) }
        var spooled = writer?.outcome ?? MailSpooling.Outcome()
        spooled.alreadySpooled += composed.alreadySpooled
        spooled.settled += settled.settled
        spooled.forgotten += settled.forgotten
        let pairs = mentors.pairs
        let report = Report(
            steps: steps, feeds: feeds,
            recommendations: RecommendationStep(week: week.description,
                                                staff: entries.filter { !$0.result.recommendations.isEmpty }.count,
                                                recommendations: entries.reduce(0) { $0 + $1.result.recommendations.count }),
            mentors: MentorStep(new: pairs.filter { $0.status == .new }.count, kept: pairs.filter { $0.status == .kept }.count,
                                ended: pairs.filter { $0.status == .ended }.count, unmatched: mentors.unmatched.count),
            mail: MailStep(composed, spooled),
            gate: gate,
            dryRun: options.dryRun,
            status: try StatusReport.gather(session: session))
        if !options.dryRun { try record(report, week: week, day: day, session: session) }
        return report
    }

    /// The week's data is not fit to mail: no recommendations, mentor pairs or staff and
    /// manager mails; the HR office's notice instead (once per week, like every mail), the
    /// hold noted for `status`, and the week left open, so the next cycle tries again.
    private static func hold(week: ISOWeek, steps: [Step], feeds: [FeedStep], gate: MailGate.Verdict, options: Options,
                             session: Session) throws(KenshuError) -> Report {
        let composed = WeeklyMails.composeHold(problems: gate.problems, week: week,
                                               templates: try WeeklyMails.templates(setup: session.setup), setup: session.setup)
        var spooled = MailSpooling.Outcome()
        if !options.dryRun {
            spooled = try MailSpooling.write(composed.mails, week: week, force: false, stop: options.stop,
                                             configuration: session.configuration, store: session.store, observer: options.spoolObserver)
            do {
                try session.store.recordMailHold(MailHoldRecord(week: week.description, checkedAt: Date(), problems: gate.problems))
            } catch {
                throw KenshuError(.runtime, error.description)
            }
        }
        return Report(steps: steps, feeds: feeds, recommendations: nil, mentors: nil, mail: MailStep(composed, spooled),
                      gate: gate, dryRun: options.dryRun, status: try StatusReport.gather(session: session))
    }

    /// The week's completed cycle, when nothing it was computed from has changed since: every
    /// export the same file, every feed without a change and none in the inbox, the same day,
    /// the same rules and catalogue, and every mail it spooled still there. Its recommendations,
    /// pairs and mails stand; matching again would give the same.
    private static func reusedWeek(
        week: ISOWeek, day: LocalDate, steps: [Step], feeds: [FeedStep], gate: MailGate.Verdict, session: Session
    ) throws(KenshuError) -> Report? {
        guard steps.allSatisfy({ $0.unchanged || $0.outcome == .notConfigured }),
              feeds.allSatisfy({ $0.origin == "source" && $0.unchanged }) else { return nil }
        let record: WeeklyRunRecord?
        do {
            record = try session.store.weeklyRun(week: week.description)
        } catch {
            throw KenshuError(.runtime, error.description)
        }
        guard let record, record.day == day.description, record.inputs == inputsFingerprint(session) else { return nil }
        var spooled = MailSpooling.Outcome()
        let inSpool = try MailSpooling.spooledKeys(week: week, configuration: session.configuration, store: session.store,
                                                   outcome: &spooled)
        guard spooled.forgotten == 0 else { return nil }
        spooled.alreadySpooled = inSpool.count
        let recorded: (staff: Int, recommendations: Int)
        do {
            recorded = try session.store.recommendationCounts(week: week)
        } catch {
            throw KenshuError(.runtime, error.description)
        }
        return Report(
            steps: steps, feeds: feeds,
            recommendations: RecommendationStep(week: week.description, staff: recorded.staff,
                                                recommendations: recorded.recommendations),
            mentors: nil, mail: MailStep(WeeklyMails.Composed(mails: [], skipped: []), spooled), gate: gate, dryRun: false,
            status: try StatusReport.gather(session: session), reusedFrom: record.finishedAt)
    }

    /// What a cycle is computed from besides the store: the rules and the policy catalogue.
    public static func inputsFingerprint(_ session: Session) -> String {
        let files = [session.configuration.rulesFile, session.configuration.catalogDirectory + "/policy/policy-catalog.xml"]
        return files.map { FilePaths.fingerprint($0) ?? "none" }.joined(separator: "|")
    }

    private static func clearHold(week: ISOWeek, session: Session) throws(KenshuError) {
        do {
            try session.store.clearMailHold(week: week.description)
        } catch {
            throw KenshuError(.runtime, error.description)
        }
    }

    /// Notes in the store that the week's cycle completed, so the daemon's schedule does not
    /// run it again (also after a restart).
    private static func record(_ report: Report, week: ISOWeek, day: LocalDate, session: Session) throws(KenshuError) {
        let failedFeeds = report.feeds.filter { $0.outcome != .imported }.count
        let summary = "メール \(report.mail?.spooled ?? 0) 通を送信待ちに（今週すでに \(report.mail?.alreadySpooled ?? 0) 通）、"
            + "研修フィード \(report.feeds.count - failedFeeds) 件取込、\(failedFeeds) 件取り込めず"
        do {
            try session.store.recordWeeklyRun(
                WeeklyRunRecord(week: week.description, day: day.description, finishedAt: Date(), summary: summary,
                                inputs: inputsFingerprint(session), dataVersion: try session.store.dataVersion()))
        } catch {
            throw KenshuError(.runtime, error.description)
        }
    }

    /// The day the cycle evaluates as of: `--date`, else the Monday of `--week`, else today.
    static func day(_ options: Options, session: Session) throws(KenshuError) -> LocalDate {
        guard let text = options.week else { return try CourseRecommendations.day(options.date, session: session) }
        guard let week = ISOWeek(parsing: text) else {
            throw KenshuError(.badInput, "--week '\(text)' is not an ISO week: use YYYY-Www, e.g. 2026-W48")
        }
        guard let dateText = options.date else { return week.monday }
        let day = try CourseRecommendations.day(dateText, session: session)
        guard ISOWeek(containing: day) == week else {
            throw KenshuError(.badInput, "--date \(dateText) is not in --week \(text): give one of them, or a date of that week")
        }
        return day
    }

    /// The HR exports named in the config, each all or nothing.
    /// An export whose review would hold it back is applied when `accept` or the config's
    /// `data.review.acceptScheduled` says so.
    static func importData(session: Session, accept: Bool, stop: StopFlag) throws(KenshuError) -> [Step] {
        let data = session.configuration.data
        let encoding = TextEncodingChoice(rawValue: data.encoding) ?? .auto
        var steps: [Step] = []
        for (kind, file) in dataFiles(session) {
            try stop.check("the \(kind.rawValue) import")
            guard let file else {
                steps.append(Step(kind: kind, file: nil, outcome: .notConfigured, detail: "kenshu.yaml に data.\(kind.rawValue) がありません"))
                continue
            }
            do {
                let summary = try StaffImport.run(kind, file: file, encoding: encoding,
                                                  accept: accept || data.review.acceptScheduled, session: session)
                steps.append(Step(kind: kind, file: file, outcome: .imported,
                                  detail: "\(summary.encoding)、\(summary.rows) 行: \(summary.changes)", unchanged: summary.unchanged))
            } catch {
                let outcome: Step.Outcome = switch error.kind {
                case .badInput: .rejected
                case .held: .held
                case .runtime, .stopped: .failed
                }
                steps.append(Step(kind: kind, file: file, outcome: outcome, detail: error.message))
            }
        }
        return steps
    }

    private static func skippedDataSteps(_ session: Session) -> [Step] {
        dataFiles(session).map { kind, file in
            Step(kind: kind, file: file, outcome: file == nil ? .notConfigured : .skipped, detail: "試行（--dry-run）のため取り込んでいません")
        }
    }

    private static func dataFiles(_ session: Session) -> [(StaffDataKind, String?)] {
        let data = session.configuration.data
        return [(.roster, data.roster), (.evaluations, data.evaluations), (.history, data.history)]
    }

    /// The feeds named in the config, then the inbox.
    static func importFeeds(session: Session, options: Options) throws(KenshuError) -> [FeedStep] {
        let settings = session.configuration.feeds
        let inbox = session.configuration.inboxDirectory
        try FeedInbox.prepare(directory: inbox)
        let waiting = FeedInbox.waiting(in: inbox, settledFor: options.inboxSettle)
        guard !settings.sources.isEmpty || !waiting.isEmpty else { return [] }
        let importer = try FeedImport.importer(setup: session.setup, store: session.store)
        var steps: [FeedStep] = []
        for source in settings.sources {
            try options.stop.check("the feed \(source.file)")
            do {
                let summary = try FeedImport.run(file: source.file, profile: source.profile, provider: source.provider,
                                                 validateOnly: false, importer: importer)
                let changes = summary.changes
                steps.append(FeedStep(file: source.file, origin: "source", outcome: .imported, detail: FeedImport.describe(summary),
                                      unchanged: changes.added == 0 && changes.updated == 0 && changes.retired == 0))
            } catch {
                steps.append(FeedStep(file: source.file, origin: "source", outcome: error.kind == .badInput ? .rejected : .failed,
                                      detail: error.message))
            }
        }
        for outcome in try FeedInbox.process(directory: inbox, settledFor: options.inboxSettle, importer: importer) {
            steps.append(FeedStep(file: outcome.file, origin: "inbox", outcome: outcome.error == nil ? .imported : .rejected,
                                  detail: outcome.summary.map(FeedImport.describe) ?? outcome.error ?? "", movedTo: outcome.movedTo))
        }
        return steps
    }
}
