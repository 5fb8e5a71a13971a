import Foundation
import KenshuConfig
import KenshuCore
import KenshuCycle
import KenshuMatch
import KenshuTesting
import Testing

/// Over everyone of the example city with its three feeds and the example rules' work map:
/// a domain course goes only to staff of the departments that own one of its fields, an
/// audience line restricts as it says, and every reason about work or the line is true.
struct WorkFitCityTests {
    @Test func domainCoursesAndAudienceLinesFitThePersonsWork() throws {
        let example = try ExampleCityWeek()
        defer { example.city.remove() }
        let (session, day, week) = (example.session, example.day, example.week)
        let work = session.rules.matching.work
        #expect(!work.isEmpty)
        let owned = work.ownedFields
        let reader = AudienceLineReader(rankNames: session.resolver.rankNames, work: work)
        var domain = (all: 0, inOwner: 0)
        var lined = 0
        for entry in week.entries {
            let member = entry.staff
            let personWork = PersonWork(staff: member, rules: work)
            let band = session.resolver.band(family: member.family, title: member.title)
            for recommendation in entry.result.recommendations {
                let course = try #require(example.course(of: recommendation))
                let fields = course.subjects.filter(owned.contains)
                if !fields.isEmpty {
                    domain.all += 1
                    if !personWork.fields.isDisjoint(with: fields) { domain.inOwner += 1 }
                    #expect(!personWork.fields.isDisjoint(with: fields),
                            "\(course.title) (\(fields)) for \(member.department) \(member.section)")
                }
                let ruled = session.rules.matching.audiences.contains { course.title.contains($0.word) }
                let terms = ruled ? [] : course.audienceLines.flatMap { reader.read($0).terms }
                if !terms.isEmpty, !terms.contains(where: \.everyone) {
                    lined += 1
                    let fiscalYear = (recommendation.start ?? day).fiscalYear
                    let named = terms.contains { term in
                        (term.families.isEmpty || term.families.contains(member.family))
                            && (term.ranks.isEmpty || term.ranks.contains { $0 == member.title || $0 == band?.id
                                || session.resolver.band(family: member.family, title: $0)?.id == band?.id })
                            && (term.serviceYears.map { span in member.hiredOn.map { span.contains(fiscalYear - $0.fiscalYear + 1) } ?? false } ?? true)
                            && (term.fields.isEmpty || !personWork.fields.isDisjoint(with: term.fields))
                            && (term.roles.isEmpty || !personWork.roles.isDisjoint(with: term.roles))
                    }
                    let ranked = course.ranks.contains(member.title)
                    #expect(named || ranked, "\(course.title) \(course.audienceLines) for \(member.family) \(member.title) \(member.department)")
                    if course.audienceLines == ["対象：現業職員"] { #expect(member.family == .manual) }
                    if course.audienceLines == ["対象：係長"] { #expect(member.title != "主事") }
                }
                for reason in recommendation.reasons {
                    if let match = reason.wholeMatch(of: /(.+)の担当業務（(.+)）に関わる研修です/) {
                        #expect(personWork.placeOfField[String(match.output.2)] == String(match.output.1), "\(reason)")
                    }
                    if let match = reason.wholeMatch(of: /研修の対象（(.+)）に当たります/) {
                        #expect(terms.contains { $0.text == String(match.output.1) }, "\(reason) for \(course.title)")
                    }
                }
            }
        }
        #expect(domain.all > 20)
        #expect(domain.inOwner == domain.all)
        #expect(lined > 20)
    }
}
