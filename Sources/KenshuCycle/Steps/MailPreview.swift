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

    /// The mail, and where its recommendations come from (see `CourseRecommendations.forStaff`:
    /// a staff mail or a digest of a week whose run nothing has changed since is made from that
    /// run's results, for its day; otherwise, and for the HR report, from everyone matched
    /// again for `date`, else today; the HR report, about everyone, has no basis).
    public static func render(
        kind: MailKind, staffID: String?, date: String?, format: Format, session: Session
    ) throws(KenshuError) -> (text: String, basis: RecommendationBasis?) {
        let recipient: String
        switch kind {
        case .hr: recipient = WeeklyMails.hrRecipient
        case .hold:
            throw KenshuError(.badInput, "the hold notice is written only when a week's data is not fit to mail (see kenshu status)")
        case .staff, .manager:
            guard let staffID else { throw KenshuError(.badInput, "--staff ID is needed for a \(kind.rawValue) mail") }
            recipient = staffID
        }
        let day: LocalDate
        var basis: RecommendationBasis?
        if kind == .hr {
            day = try CourseRecommendations.day(date, session: session)
        } else {
            switch try RecordedWeek.answer(date: date, session: session, { recorded throws(KenshuError) in
                try recorded.mailInputs(kind: kind, recipient: recipient, session: session)
            }) {
            case .fromRun(let inputs, let recorded):
                return (try render(kind: kind, recipient: recipient, inputs: inputs, format: format, session: session), recorded.basis)
            case .recompute(let asked, let reason):
                day = asked
                basis = .recomputed(reason)
            }
        }
        let match = try CourseRecommendations.week(on: day, session: session)
        let mentors = try MentorRun.run(on: day, dryRun: true, session: session)
        let inputs = try MailInputs.gather(on: day, match: match, mentors: mentors, session: session)
        guard kind == .hr || inputs.staff[recipient] != nil else {
            throw KenshuError(.badInput, "no active member of staff has the id '\(recipient)' (see kenshu status)")
        }
        return (try render(kind: kind, recipient: recipient, inputs: inputs, format: format, session: session), basis)
    }

    private static func render(
        kind: MailKind, recipient: String, inputs: MailInputs, format: Format, session: Session
    ) throws(KenshuError) -> String {
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
