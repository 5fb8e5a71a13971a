import KenshuImport

/// One full cycle, as `kenshu run` and (later) the daemon's weekly schedule start it. So far
/// the cycle imports the HR system's exports named in the config (`data:`), roster first so
/// that evaluations and history see this week's staff; the feed, matching and mail stages
/// join it as they are built.
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

    /// The cycle's result: every step, and the exit code it amounts to.
    public struct Report: Sendable, Codable {
        public var steps: [Step]
        public var status: StatusReport

        /// 0 when every configured step worked, 2 when an input was rejected, 1 when the
        /// program failed (a rejected file does not stop the steps after it).
        public var exitCode: Int32 {
            if steps.contains(where: { $0.outcome == .failed }) { return 1 }
            if steps.contains(where: { $0.outcome == .rejected }) { return 2 }
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
        return Report(steps: steps, status: try StatusReport.gather(context: context))
    }
}
