import Foundation
import KenshuConfig
import KenshuMail

/// `kenshu deliver`'s output as text for the HR office, in Japanese.
enum DeliveryText {
    /// The report as text: one line per failure with its next attempt, then the counts.
    static func render(_ report: MailDelivery.Report) -> String {
        if report.busy { return "別の kenshu deliver が動いているため、何もしませんでした" }
        var lines = report.failed.map { failure in
            "送れませんでした（\(failure.failures) 回目、次は \(failure.nextAttempt.formatted(.iso8601))）: "
                + "\(FilePaths.name(failure.file)): \(failure.error)"
        }
        lines.append("送信 \(report.delivered.count) 通、失敗 \(report.failed.count) 通、"
                     + "次の試行を待つもの \(report.deferred.count) 通")
        return lines.joined(separator: "\n")
    }
}
