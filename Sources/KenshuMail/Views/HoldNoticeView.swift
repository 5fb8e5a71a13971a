import KenshuCore

/// What the HR office's notice says when the week's mails are held back (templates
/// `hold.*`): the week, and each reason the data is not fit to mail, in Japanese.
struct HoldNoticeView: MailView, Sendable {
    var week: String
    var weekOf: String
    var weekLabel: String
    var problems: [String]

    init(week: ISOWeek, problems: [String]) {
        self.week = week.description
        weekOf = MailText.weekOf(week)
        weekLabel = MailText.week(week)
        self.problems = problems
    }
}
