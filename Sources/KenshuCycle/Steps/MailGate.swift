import KenshuConfig
import KenshuCore
import KenshuImport
import KenshuStore

/// The pre-mail gate: before a cycle spools the week's staff and manager mails, it checks
/// that the data is fit to mail, against the config's `gate` thresholds: every HR export the
/// config names imported this cycle (or was unchanged), the latest evaluation period rates
/// enough of the active staff, and the catalogue has courses. Each problem is one Japanese
/// sentence, for the HR office's notice, `status` and the daemon's log.
public enum MailGate {
    /// What the gate found; the week may be mailed when `problems` is empty.
    public struct Verdict: Sendable, Codable, Equatable {
        public var problems: [String]
        public var readiness: MailReadiness

        public var passed: Bool { problems.isEmpty }
    }

    public static func check(steps: [WeeklyCycle.Step], session: Session) throws(KenshuError) -> Verdict {
        let readiness: MailReadiness
        do {
            readiness = try session.store.mailReadiness()
        } catch {
            throw KenshuError(.runtime, error.description)
        }
        return verdict(steps: steps, readiness: readiness, settings: session.configuration.gate)
    }

    static func verdict(steps: [WeeklyCycle.Step], readiness: MailReadiness, settings: MailGateSettings) -> Verdict {
        var problems: [String] = []
        for step in steps {
            guard let file = step.file, let failure = step.outcome.japaneseFailure else { continue }
            problems.append("\(step.kind.japaneseName)（\(FilePaths.name(file))）の取込が\(failure)ため、今週のデータが揃っていません。")
        }
        if readiness.activeStaff == 0 {
            problems.append("在職中の職員がいません（職員名簿が取り込まれていません）。")
        } else if let period = readiness.latestPeriod {
            let share = Double(readiness.evaluatedStaff) / Double(readiness.activeStaff)
            if share < settings.evaluatedShare {
                problems.append("最新の人事評価（\(period)年度）があるのは在職者 \(readiness.activeStaff) 人中 "
                    + "\(readiness.evaluatedStaff) 人（\(percent(share))）で、基準の \(percent(settings.evaluatedShare)) に届きません。")
            }
        } else if settings.evaluatedShare > 0 {
            problems.append("人事評価が 1 件も取り込まれていません。")
        }
        if readiness.activeCourses < settings.minimumCourses {
            problems.append("研修カタログの受付中の研修が \(readiness.activeCourses) 件で、基準の \(settings.minimumCourses) 件に届きません。")
        }
        return Verdict(problems: problems, readiness: readiness)
    }

    static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded(.down)))%"
    }
}

extension WeeklyCycle.Step.Outcome {
    /// How a failed import reads in the gate's sentence (`…の取込が<this>ため`); nil when the
    /// step leaves this week's data as it should be.
    var japaneseFailure: String? {
        switch self {
        case .imported, .skipped, .notConfigured: nil
        case .rejected: "却下された"
        case .held: "保留された（変更が多すぎる）"
        case .failed: "失敗した"
        }
    }
}
