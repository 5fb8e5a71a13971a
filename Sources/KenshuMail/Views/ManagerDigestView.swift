import KenshuConfig
import KenshuCore
import KenshuMatch

/// What a manager's weekly team digest says (templates `manager.*`): the team's
/// recommendations, new mentees in the team, outstanding 復命書, and the trainings completed
/// lately, to look back on together in the team meeting (係内での振り返り).
struct ManagerDigestView: MailView, Sendable {
    struct Member: MailView, Sendable {
        var name: String
        var title: String
        var courses: [StaffMailView.CourseItem]
    }

    struct Mentee: Sendable {
        var name: String
        var mentor: String
    }

    struct Training: Sendable {
        var name: String
        var title: String
        var completed: String
        /// Days since completion (for an overdue 復命書).
        var days: Int
    }

    var staffID: String
    var name: String
    /// The ISO week (`2026-W48`), for offices' own templates; the shipped ones say `weekOf`.
    var week: String
    /// `11月23日の週`.
    var weekOf: String
    var weekLabel: String
    var members: [Member]
    /// A member of the team has a course recommended.
    var hasRecommendations: Bool
    var newMentees: [Mentee]
    var outstandingReports: [Training]
    /// Completed in the last 30 days: for the team meeting.
    var recentlyCompleted: [Training]
    var reportReminderDays: Int
    var footer: MailFooter

    /// Anything to tell the manager at all.
    var isEmpty: Bool { !hasRecommendations && newMentees.isEmpty && outstandingReports.isEmpty && recentlyCompleted.isEmpty }
}

extension ManagerDigestView {
    /// The digest for `manager`, whose team is everyone active with them as `manager_id`.
    static func make(
        manager: StaffMember, team: [StaffMember], inputs: MailInputs,
        byStaff: [String: StaffRecommendations], setup: Setup
    ) -> ManagerDigestView {
        let settings = setup.configuration.mail
        let members = team.map { member in
            Member(name: member.name, title: member.title,
                   courses: StaffMailView.courseItems(byStaff[member.id]?.result.recommendations ?? [], for: member.id, inputs: inputs))
        }
        let teamIDs = Set(team.map(\.id))
        let mentees = inputs.newPairs.filter { teamIDs.contains($0.mentee) }.map { pair in
            Mentee(name: inputs.staff[pair.mentee]?.name ?? pair.mentee, mentor: inputs.staff[pair.mentor]?.name ?? pair.mentor)
        }
        var outstanding: [Training] = []
        var recent: [Training] = []
        for member in team {
            for record in inputs.overdueReports(of: member.id, days: settings.reportReminderDays) {
                outstanding.append(training(member, record, on: inputs.day))
            }
            for record in inputs.history[member.id] ?? [] where record.completedOn <= inputs.day
                && record.completedOn.adding(days: 30) > inputs.day {
                recent.append(training(member, record, on: inputs.day))
            }
        }
        return ManagerDigestView(
            staffID: manager.id, name: manager.name, week: inputs.week.description, weekOf: MailText.weekOf(inputs.week), weekLabel: MailText.week(inputs.week),
            members: members, hasRecommendations: members.contains { !$0.courses.isEmpty }, newMentees: mentees, outstandingReports: outstanding, recentlyCompleted: recent,
            reportReminderDays: settings.reportReminderDays,
            footer: MailFooter(contact: settings.contact, stopNotice: settings.stopNotice))
    }

    private static func training(_ member: StaffMember, _ record: TrainingRecord, on day: LocalDate) -> Training {
        Training(name: member.name, title: record.title, completed: MailText.date(record.completedOn),
                 days: day.daysSinceEpoch - record.completedOn.daysSinceEpoch)
    }
}
