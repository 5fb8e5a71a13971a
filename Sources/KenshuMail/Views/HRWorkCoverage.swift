import KenshuConfig
import KenshuCore
import KenshuMatch

/// The HR report's view of work (担当業務): for each field a department owns, whether its
/// staff were offered a course in it this week, so that a field no course covers shows; and
/// the audience lines Kenshu could not read, with what to write in the rules.
extension HRReportView {
    struct FieldCoverage: Sendable {
        var field: String
        /// 税務課、企画政策課 財政係.
        var owners: String
        /// Active staff whose work includes the field.
        var staff: Int
        /// Of them, those recommended a course in the field this week.
        var reached: Int
        /// Courses in the field with a presentation in the horizon.
        var courses: Int
    }

    struct UnreadAudience: Sendable {
        var provider: String
        var title: String
        var line: String
        var unread: String
    }

    static func workCoverage(inputs: MailInputs, setup: Setup) -> [FieldCoverage] {
        let work = setup.rules.matching.work
        guard !work.isEmpty else { return [] }
        let horizon = inputs.day.adding(days: setup.rules.matching.horizonDays)
        let fieldsOfStaff = inputs.staff.mapValues { PersonWork(staff: $0, rules: work).fields }
        let recommendedFields = Dictionary(inputs.entries.map { entry in
            (entry.staff.id, Set(entry.result.recommendations.flatMap { recommendation in
                inputs.listing(provider: recommendation.provider, courseID: recommendation.courseID)?.listing.course.subjects ?? []
            }))
        }, uniquingKeysWith: { first, _ in first })
        let owners = Dictionary(uniqueKeysWithValues: work.ownedFields.map { ($0, work.owners(of: $0)) })
        return work.ownedFields.sorted { (owners[$0]?.first ?? "", $0) < (owners[$1]?.first ?? "", $1) }.map { field in
            let staff = fieldsOfStaff.filter { $0.value.contains(field) }.map(\.key)
            let courses = inputs.listings.filter { listing in
                listing.course.subjects.contains(field) && listing.course.presentations.contains { presentation in
                    presentation.start.map { $0 >= inputs.day && $0 <= horizon } ?? false
                }
            }.count
            return FieldCoverage(
                field: field, owners: (owners[field] ?? []).map(WorkRules.placeName).joined(separator: "、"),
                staff: staff.count, reached: staff.filter { recommendedFields[$0]?.contains(field) == true }.count, courses: courses)
        }
    }

    static func unreadAudiences(inputs: MailInputs, setup: Setup) -> [UnreadAudience] {
        let reader = AudienceLineReader(rankNames: setup.resolver.rankNames, work: setup.rules.matching.work)
        let ruled = setup.rules.matching.audiences
        var lines: [UnreadAudience] = []
        for listing in inputs.listings where !ruled.contains(where: { listing.course.title.contains($0.word) }) {
            for line in listing.course.audienceLines {
                let read = reader.read(line)
                guard !read.unread.isEmpty else { continue }
                lines.append(UnreadAudience(provider: listing.sources.first?.provider.name ?? "", title: listing.course.title,
                                            line: line, unread: read.unread.joined(separator: "、")))
            }
        }
        return lines.sorted { ($0.provider, $0.title) < ($1.provider, $1.title) }
    }
}
