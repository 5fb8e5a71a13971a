import Foundation
import KenshuCore
import KenshuCycle
import KenshuImport
import KenshuStore

/// `kenshu status` as text for people: counts, imports, warnings grouped by kind.
enum StatusText {
    /// At most this many examples per kind of warning (all are in `--json`).
    static let examplesPerKind = 5

    static func render(_ report: StatusReport, timeZone: TimeZone) -> String {
        var out = "データベース: \(report.database)\n\n"
        out += "職員: 在職 \(report.staff.active) 人、退職・異動 \(report.staff.inactive) 人\n"
        for family in JobFamily.allCases {
            let count = report.staff.byFamily[family.japaneseName] ?? .init(active: 0, inactive: 0)
            out += "  \(pad(family.japaneseName, 8)) 在職 \(count.active) 人、退職・異動 \(count.inactive) 人\n"
        }
        let periods = report.evaluations.periods.map { "\($0)年度" }.joined(separator: ", ")
        out += "人事評価: \(report.evaluations.ratings) 件" + (periods.isEmpty ? "" : "（\(periods)）") + "\n"
        out += "研修履歴: \(report.history.records) 件、うち復命書未提出 \(report.history.withoutReport) 件\n"
        out += "\n最近の取込:\n"
        if report.imports.isEmpty { out += "  まだありません\n" }
        for entry in report.imports {
            let when = timestamp(entry.finishedAt, timeZone)
            if entry.succeeded {
                out += "  \(pad(kindName(entry.kind), 12)) \(when)  成功: \(entry.rows) 行、\(ImportSummaryText.japanese(entry.summary))\n"
            } else {
                out += "  \(pad(kindName(entry.kind), 12)) \(when)  失敗・保留: \(entry.message ?? ImportSummaryText.japanese(entry.summary))\n"
                if let success = entry.lastSuccessAt { out += "  \(pad("", 12)) 最後の成功 \(timestamp(success, timeZone))\n" }
            }
            out += "  \(pad("", 12)) \(entry.source)\n"
        }
        out += "\n研修カタログ:\n"
        if report.providers.isEmpty && report.rejectedFeeds.isEmpty { out += "  まだありません（kenshu import FEED）\n" }
        for provider in report.providers {
            out += "  \(provider.name): 研修 \(provider.courses) 件、開催 \(provider.presentations) 回、掲載終了 \(provider.retired) 件\n"
            if let last = provider.lastImport {
                let when = timestamp(last.finishedAt, timeZone)
                out += last.succeeded
                    ? "    最後の取込 \(when) 成功: \(ImportSummaryText.japanese(last.summary))、警告 \(last.warnings) 件\n"
                    : "    最後の取込 \(when) 却下: \(last.message ?? ImportSummaryText.japanese(last.summary))\n"
            }
        }
        for feed in report.rejectedFeeds {
            out += "  却下 \(timestamp(feed.finishedAt, timeZone)): \(feed.message ?? feed.source)\n"
        }
        if !report.feedPolls.isEmpty { out += "\nURL で取得するフィード（kenshu serve）:\n" }
        for poll in report.feedPolls {
            out += "  \(poll.url)\n    確認 \(timestamp(poll.checkedAt, timeZone)): \(poll.outcome)、\(poll.detail)\n"
        }
        out += "\n最後の週次処理: " + (report.lastWeeklyRun.map { run in
            "\(run.week)（\(run.day) 時点）、終了 \(timestamp(run.finishedAt, timeZone)): \(run.summary)"
        } ?? "まだありません") + "\n"
        if let hold = report.mailHold {
            out += "\n【配信保留】\(hold.week) の週次メールを保留しています（確認 \(timestamp(hold.checkedAt, timeZone))、次の週次処理でもう一度確かめます）:\n"
            out += hold.problems.map { "  " + $0 + "\n" }.joined()
        }
        out += "\n送信待ちのメール: new/ に \(report.spool.waiting) 通、送信済み \(report.spool.delivered) 通"
            + (report.spool.failing > 0 ? "、メールサーバーが受け付けなかったもの \(report.spool.failing) 通（kenshu deliver）" : "") + "\n"
        out += "\nデータ品質の警告: \(report.warnings.count) 件\n"
        for kind in DataQualityWarning.Kind.allCases {
            let items = report.warnings.filter { $0.kind == kind }
            guard !items.isEmpty else { continue }
            out += "  \(kind.japaneseName): \(items.count) 件\n"
            for item in items.prefix(examplesPerKind) { out += "    職員番号 \(item.staffID): \(item.message)\n" }
            if items.count > examplesPerKind { out += "    …ほか \(items.count - examplesPerKind) 件（--json で全件）\n" }
        }
        return out
    }

    /// Padded to `width` display columns (a Japanese character takes two).
    static func pad(_ text: String, _ width: Int) -> String {
        DisplayWidth.padded(text, to: width)
    }

    /// An HR export's kind (`roster`) by its name (職員名簿).
    static func kindName(_ kind: String) -> String {
        StaffDataKind(rawValue: kind)?.japaneseName ?? kind
    }

    static func timestamp(_ date: Date, _ zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }
}
