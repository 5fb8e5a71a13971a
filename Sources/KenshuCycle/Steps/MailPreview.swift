import Foundation
import KenshuCore
import KenshuMail

/// `kenshu preview`: one mail of the week as the cycle would write it, from what the store
/// holds now, without recording or spooling anything.
public enum MailPreview {
    /// What the preview shows.
    public enum Format: String, Sendable, CaseIterable {
        /// The plain-text part.
        case text
        /// The HTML part.
        case html
        /// The whole RFC 5322 message, as the spool file would hold it.
        case message
    }

    public static func render(
        kind: MailKind, staffID: String?, on day: LocalDate, format: Format, session: Session
    ) throws(KenshuError) -> String {
        let recipient: String
        switch kind {
        case .hr: recipient = WeeklyMails.hrRecipient
        case .hold:
            throw KenshuError(.badInput, "the hold notice is written only when a week's data is not fit to mail (see kenshu status)")
        case .staff, .manager:
            guard let staffID else { throw KenshuError(.badInput, "--staff ID is needed for a \(kind.rawValue) mail") }
            recipient = staffID
        }
        let match = try CourseRecommendations.week(on: day, session: session)
        let mentors = try MentorRun.run(on: day, dryRun: true, session: session)
        let inputs = try MailInputs.gather(on: day, match: match, mentors: mentors, session: session)
        guard kind == .hr || inputs.staff[recipient] != nil else {
            throw KenshuError(.badInput, "no active member of staff has the id '\(recipient)' (see kenshu status)")
        }
        let composed = WeeklyMails.compose(inputs, templates: try WeeklyMails.templates(setup: session.setup), setup: session.setup,
                                           only: (kind, recipient))
        guard let mail = composed.mails.first else {
            let why = composed.skipped.first.map(\.detail) ?? "送るものがありません"
            throw KenshuError(.badInput, "今週、\(recipient) への\(kind.japaneseName)はありません（\(why)）")
        }
        switch format {
        case .text: return "Subject: \(mail.subject)\n\n" + mail.text
        case .html: return mail.html
        case .message:
            let message = try MailEnvelope.message(mail, week: inputs.week, at: Date(), configuration: session.configuration)
            return String(decoding: message.rendered(), as: UTF8.self)
        }
    }
}
