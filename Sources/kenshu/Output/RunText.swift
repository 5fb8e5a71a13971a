import KenshuConfig
import KenshuCore
import KenshuCycle
import KenshuImport

/// `kenshu run`'s summary as text for the HR office, in Japanese: one line per import, then
/// the gate, recommendations, mentors and mails, then the store in one line. Files are named
/// by their file name (the full paths are in `--json`).
enum RunText {
    static func render(_ report: WeeklyCycle.Report) -> String {
        var lines = ["職員データ:"]
        for step in report.steps {
            let name = DisplayWidth.padded(step.kind.japaneseName, to: 10)
            let outcome = DisplayWidth.padded(outcomeName(step.outcome), to: 10)
            let file = step.file.map { FilePaths.name($0) } ?? ""
            switch step.outcome {
            case .imported, .skipped: lines.append("  \(name)\(outcome)\(file): \(step.detail)")
            case .notConfigured: lines.append("  \(name)\(outcome)\(step.detail)")
            case .rejected, .failed, .held: lines.append("  \(name)\(outcome)\(file)（理由は下に。保管データは変えていません）")
            }
        }
        if !report.feeds.isEmpty { lines.append("研修フィード:") }
        for feed in report.feeds {
            let outcome = DisplayWidth.padded(outcomeName(feed.outcome), to: 10)
            let moved = feed.movedTo.map { " → \($0)" } ?? ""
            let file = FilePaths.name(feed.file)
            switch feed.outcome {
            case .rejected, .failed: lines.append("  \(outcome)\(file)\(moved)（理由は下に。前回の研修一覧のままです）")
            default: lines.append("  \(outcome)\(file)\(moved): \(feed.detail)")
            }
        }
        if let reused = report.reusedFrom {
            lines.append("職員データ・研修フィード・rules.yaml に前回の週次処理（\(reused.formatted(.iso8601))）から変わりがないため、"
                + "推薦・メンターの組み合わせ・メールは前回の結果のままです（作り直すには --force）")
        }
        if let gate = report.gate, !gate.passed {
            lines.append("配信保留: 今週のデータはメールを送れる状態ではありません。この回は推薦・メンターの組み合わせ・"
                + "職員と管理職へのメールを作りません（人事担当には理由をメールします）:")
            lines += gate.problems.map { "  " + $0 }
        }
        if let step = report.recommendations {
            lines.append("推薦: \(step.week): 職員 \(step.staff) 人に \(step.recommendations) 件（kenshu recommend --all）")
        }
        if let step = report.mentors {
            lines.append("メンター: 新規 \(step.new) 組、継続 \(step.kept) 組、終了 \(step.ended) 組、"
                + "相手が見つからない職員 \(step.unmatched) 人（kenshu mentors）")
        }
        if let step = report.mail {
            let kinds = [("staff", "職員"), ("manager", "管理職"), ("hr", "人事担当")]
            let rendered = kinds.map { "\($0.1) \(step.rendered[$0.0] ?? 0) 通" }.joined(separator: "、")
            var line = "メール: \(rendered)を作成、"
            line += report.dryRun ? "試行のため送信待ちには入れていません"
                : "\(step.spooled) 通を送信待ちに（今週すでに入れたもの \(step.alreadySpooled) 通）"
            let skipped = step.skipped.sorted { $0.key < $1.key }.map { "\(skipReason($0.key)) \($0.value) 人" }
            if !skipped.isEmpty { line += "。送らなかったもの: " + skipped.joined(separator: "、") }
            lines.append(line)
            if step.settled + step.forgotten > 0 {
                lines.append("  中断した回のあと: 送信待ちに入っていたもの \(step.settled) 通、書き直したもの \(step.forgotten) 通")
            }
            for warning in step.warnings.prefix(20) { lines.append("  注意: \(warning)") }
            if step.warnings.count > 20 { lines.append("  ほかに注意 \(step.warnings.count - 20) 件") }
        }
        let status = report.status
        lines.append("保管データ: 在職 \(status.staff.active) 人、人事評価 \(status.evaluations.ratings) 件、"
            + "研修履歴 \(status.history.records) 件、データ品質の警告 \(status.warnings.count) 件（kenshu status）")
        return lines.joined(separator: "\n")
    }

    static func outcomeName(_ outcome: WeeklyCycle.Step.Outcome) -> String {
        switch outcome {
        case .imported: "取込済み"
        case .rejected: "取込不可"
        case .failed: "失敗"
        case .held: "保留"
        case .skipped: "取込なし"
        case .notConfigured: "指定なし"
        }
    }

    /// Why a recipient got no mail, as `MailStep.skipped` keys it.
    static func skipReason(_ key: String) -> String {
        switch key {
        case "no-address": "メールアドレスなし"
        case "invalid-address": "メールアドレスが読めない"
        case "nothing-new": "新しい推薦なし"
        case "opted-out": "配信停止"
        default: key
        }
    }
}
