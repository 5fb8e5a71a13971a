import Foundation
import KenshuMail

/// `kenshu deliver`'s output as text.
enum DeliveryText {
    /// The report as text: one line per failure with its next attempt, then the counts.
    static func render(_ report: MailDelivery.Report) -> String {
        if report.busy { return "another kenshu deliver is running; nothing done" }
        var lines = report.failed.map { failure in
            "failed (\(failure.failures)×, next try \(failure.nextAttempt.formatted(.iso8601))): \(failure.file): \(failure.error)"
        }
        lines.append("delivered \(report.delivered.count), failed \(report.failed.count), "
                     + "waiting for their next try \(report.deferred.count)")
        return lines.joined(separator: "\n")
    }
}
