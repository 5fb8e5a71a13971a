import KenshuConfig
import KenshuCore
import KenshuStore
import KenshuMatch

/// What a staff member's weekly mail says (the Mustache templates `staff.*` read its
/// properties): this week's focus abilities, the recommended courses, a new mentor pair,
/// 復命書 reminders, and the footer.
struct StaffMailView: MailView, Sendable {
    struct Focus: Sendable {
        var symbol: String
        var name: String
        /// The policy's wording of the ability.
        var description: String
        var expected: Int
        var evaluated: String
        var gap: String
    }

    struct CourseItem: Sendable {
        var title: String
        var provider: String
        var dates: String
        var applyBy: String?
        var attendance: String
        var venue: String?
        /// How and where, each said once (`MailText.attendance(_:venue:)`).
        var format: String
        var url: String?
        var mandatory: Bool
        /// Not recommended to this person the week before.
        var isNew: Bool
        var reasons: [String]
        /// The same course from other providers or on other dates (its title alike), listed
        /// under the first: one entry per course, however many ways there are to take it.
        var otherOptions: [Option] = []
        /// How many `otherOptions`; nil when none (a Mustache section shows an Int, even 0).
        var otherCount: Int?
    }

    /// Another way to take a course: who runs it, when, how and where.
    struct Option: Sendable {
        var provider: String
        var dates: String
        var applyBy: String?
        var format: String
        var url: String?
    }

    struct Report: Sendable {
        var title: String
        var completed: String
        var days: Int
    }

    var staffID: String
    var name: String
    /// The ISO week (`2026-W48`), for offices' own templates; the shipped ones say `weekOf`.
    var week: String
    /// `11月23日の週`.
    var weekOf: String
    var weekLabel: String
    var focus: [Focus]
    var courses: [CourseItem]
    /// A course among `courses` is 必須 (mandatory for the person's rank).
    var hasMandatory: Bool
    var mentorNotices: [String]
    var reports: [Report]
    /// The policy's words on what a 復命書 reports.
    var reportGuidance: String
    var reportReminderDays: Int
    var footer: MailFooter
    /// Something this person has not been told before: a new course, a new pair, a report just due.
    var hasNews: Bool
}

/// The footer every mail ends with.
struct MailFooter: Sendable {
    var contact: String
    /// How to stop these mails; nil in the HR report, which the office cannot opt out of.
    var stopNotice: String?
}

extension StaffMailView {
    /// The mail for one entry of the week's recommendations.
    static func make(
        _ entry: StaffRecommendations, inputs: MailInputs, setup: Setup
    ) -> StaffMailView {
        let settings = setup.configuration.mail
        let member = entry.staff
        let focus = entry.result.gaps.filter { $0.gap > 0 }
            .sorted { ($0.gap, -$0.ability) > ($1.gap, -$1.ability) }
            .prefix(settings.focusAbilities)
            .compactMap { gap -> Focus? in
                guard let ability = setup.catalog.ability(number: gap.ability) else { return nil }
                return Focus(symbol: ability.symbol, name: ability.name, description: ability.description,
                             expected: gap.expected, evaluated: MailText.level(gap.evaluated), gap: MailText.level(gap.gap))
            }
        let courses = courseItems(entry.result.recommendations, for: member.id, inputs: inputs)
        var notices: [String] = []
        for pair in inputs.newPairs where pair.mentee == member.id {
            let mentor = inputs.staff[pair.mentor]
            notices.append("あなたのメンターが決まりました: \(mentor?.name ?? pair.mentor)さん（\(mentor.map { "\($0.department) \($0.title)" } ?? "")）。"
                           + "仕事の悩みや今後のキャリアについて、気軽に相談してください。")
        }
        for pair in inputs.newPairs where pair.mentor == member.id {
            let mentee = inputs.staff[pair.mentee]
            notices.append("\(mentee?.name ?? pair.mentee)さん（\(mentee.map { "\($0.department) \($0.title)" } ?? "")）のメンターをお願いします。"
                           + "メンター同士のグループで課題を共有することもできます。")
        }
        let reports = inputs.overdueReports(of: member.id, days: settings.reportReminderDays)
        let newlyDue = reports.contains { $0.completedOn.adding(days: settings.reportReminderDays + 7) > inputs.day }
        return StaffMailView(
            staffID: member.id, name: member.name, week: inputs.week.description, weekOf: MailText.weekOf(inputs.week), weekLabel: MailText.week(inputs.week),
            focus: Array(focus), courses: courses, hasMandatory: courses.contains(where: \.mandatory), mentorNotices: notices,
            reports: reports.map { Report(title: $0.title, completed: MailText.date($0.completedOn),
                                          days: inputs.day.daysSinceEpoch - $0.completedOn.daysSinceEpoch) },
            reportGuidance: setup.catalog.trainingReport, reportReminderDays: settings.reportReminderDays,
            footer: MailFooter(contact: settings.contact, stopNotice: settings.stopNotice),
            hasNews: courses.contains(where: \.isNew) || !notices.isEmpty || newlyDue)
    }

    /// A feed's link, when it is a web address (a `javascript:` or other scheme from a feed
    /// never becomes a link in a mail).
    static func webLink(_ url: String?) -> String? {
        guard let url = url?.trimmingWhitespace(), url.hasPrefix("https://") || url.hasPrefix("http://"),
              !url.contains(where: { $0.isWhitespace || $0.isNewline }) else { return nil }
        return url
    }

    /// The recommended courses as the mails list them: one entry per course, the same course
    /// from another provider or on another date (the same title, as `CourseTitleKey` folds
    /// it) an option under the first; the entry is mandatory or new when any of them is, and
    /// gives each reason once.
    static func courseItems(_ recommendations: [Recommendation], for staffID: String, inputs: MailInputs) -> [CourseItem] {
        var items: [CourseItem] = []
        var indexOfTitle: [String: Int] = [:]
        for recommendation in recommendations {
            let item = courseItem(recommendation, for: staffID, inputs: inputs)
            let key = CourseTitleKey.make(recommendation.title)
            guard let index = indexOfTitle[key] else {
                indexOfTitle[key] = items.count
                items.append(item)
                continue
            }
            items[index].otherOptions.append(Option(provider: item.provider, dates: item.dates, applyBy: item.applyBy,
                                                    format: item.format, url: item.url))
            items[index].otherCount = items[index].otherOptions.count
            items[index].mandatory = items[index].mandatory || item.mandatory
            items[index].isNew = items[index].isNew || item.isNew
            for reason in item.reasons where !items[index].reasons.contains(reason) { items[index].reasons.append(reason) }
        }
        return items
    }

    /// A recommended course as the mails show it to (or about) `staffID`.
    static func courseItem(_ recommendation: Recommendation, for staffID: String, inputs: MailInputs) -> CourseItem {
        let found = inputs.listing(provider: recommendation.provider, courseID: recommendation.courseID)
        let presentation = found?.listing.course.presentations.first { $0.id == recommendation.presentationID }
        return CourseItem(
            title: recommendation.title, provider: found?.source.provider.name ?? recommendation.provider,
            dates: MailText.dates(start: presentation?.start ?? recommendation.start, end: presentation?.end),
            applyBy: recommendation.applyBy.map(MailText.date),
            attendance: MailText.attendance(presentation?.attendance ?? .unknown), venue: presentation?.venue,
            format: MailText.attendance(presentation?.attendance ?? .unknown, venue: presentation?.venue),
            url: webLink(found?.source.url ?? found?.listing.course.url), mandatory: recommendation.mandatory,
            isNew: inputs.isNew(recommendation, for: staffID),
            reasons: recommendation.reasons)
    }
}
