import KenshuImport

/// One full cycle, as `kenshu run` and (later) the daemon's weekly schedule start it. So far
/// the cycle imports the HR system's exports named in the config (`data:`), roster first so
/// that evaluations and history see this week's staff, then the course feeds (`feeds.sources`
/// and what waits in the inbox); the matching and mail stages join it as they are built.
public enum WeeklyCycle {
    /// What one step of the cycle did.
    public struct Step: Sendable, Codable {
        public enum Outcome: String, Sendable, Codable {
            case imported, rejected, failed
            /// Not named in the config.
            case notConfigured = "not-configured"
        }

        public var kind: StaffDataKind
        public var file: String?
        public var outcome: Outcome
        /// The import's summary, or the error.
        public var detail: String
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
    }

    /// What the recommendation step did.
    public struct RecommendationStep: Sendable, Codable {
        public var week: String
        public var staff: Int
        public var recommendations: Int
    }

    /// The cycle's result: every step, and the exit code it amounts to.
    public struct Report: Sendable, Codable {
        public var steps: [Step]
        public var feeds: [FeedStep]
        /// This week's recommendations: the ISO week, how many staff got some, how many in all.
        public var recommendations: RecommendationStep?
        public var status: StatusReport

        /// 0 when every configured step worked, 2 when an input was rejected, 1 when the
        /// program failed (a rejected file does not stop the steps after it).
        public var exitCode: Int32 {
            let outcomes = steps.map(\.outcome) + feeds.map(\.outcome)
            if outcomes.contains(.failed) { return 1 }
            if outcomes.contains(.rejected) { return 2 }
            return 0
        }
    }

    public static func run(context: AppContext) throws(AppError) -> Report {
        let data = context.configuration.data
        let encoding = TextEncodingChoice(rawValue: data.encoding) ?? .auto
        var steps: [Step] = []
        for (kind, file) in [(StaffDataKind.roster, data.roster), (.evaluations, data.evaluations), (.history, data.history)] {
            guard let file else {
                steps.append(Step(kind: kind, file: nil, outcome: .notConfigured, detail: "no data.\(kind.rawValue) in the config"))
                continue
            }
            do {
                let summary = try StaffImport.run(kind, file: file, encoding: encoding, context: context)
                steps.append(Step(kind: kind, file: file, outcome: .imported,
                                  detail: "\(summary.encoding), \(summary.rows) rows; \(summary.changes)"))
            } catch {
                steps.append(Step(kind: kind, file: file, outcome: error.kind == .badInput ? .rejected : .failed,
                                  detail: error.message))
            }
        }
        let feeds = try importFeeds(context: context)
        let day = try CourseRecommendations.day(nil, context: context)
        let week = try CourseRecommendations.recordWeek(on: day, context: context)
        return Report(steps: steps, feeds: feeds,
                      recommendations: RecommendationStep(week: week.week.description, staff: week.staff,
                                                          recommendations: week.given),
                      status: try StatusReport.gather(context: context))
    }

    /// The feeds named in the config, then the inbox.
    static func importFeeds(context: AppContext) throws(AppError) -> [FeedStep] {
        let settings = context.configuration.feeds
        let inbox = context.configuration.inboxDirectory
        let waiting = FeedInbox.waiting(in: inbox)
        guard !settings.sources.isEmpty || !waiting.isEmpty else { return [] }
        let importer = try FeedImport.importer(context: context)
        var steps: [FeedStep] = []
        for source in settings.sources {
            do {
                let summary = try FeedImport.run(file: source.file, profile: source.profile, provider: source.provider,
                                                 validateOnly: false, importer: importer)
                steps.append(FeedStep(file: source.file, origin: "source", outcome: .imported, detail: describe(summary)))
            } catch {
                steps.append(FeedStep(file: source.file, origin: "source", outcome: error.kind == .badInput ? .rejected : .failed,
                                      detail: error.message))
            }
        }
        for outcome in try FeedInbox.process(directory: inbox, importer: importer) {
            steps.append(FeedStep(file: outcome.file, origin: "inbox", outcome: outcome.error == nil ? .imported : .rejected,
                                  detail: outcome.summary.map(describe) ?? outcome.error ?? "", movedTo: outcome.movedTo))
        }
        return steps
    }

    private static func describe(_ summary: FeedImportSummary) -> String {
        "\(summary.format), providers \(summary.changes.providers.joined(separator: ", ")); \(summary.changes); "
            + "\(summary.warningCount) warning(s), \(summary.untaggedCount) untagged"
    }
}
