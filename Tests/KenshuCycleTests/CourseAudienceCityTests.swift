import Foundation
import KenshuConfig
import KenshuCore
import KenshuCycle
import KenshuMatch
import KenshuTesting
import Testing

/// Over everyone of the example city with its three feeds: a course for an audience that is
/// not a band (採用1年目, 若手職員, 新任係長) is recommended only to people in it, counted in
/// the fiscal year the course runs, and the reason that names the audience is true.
struct CourseAudienceCityTests {
    @Test func everyAudienceCourseGoesToItsAudienceOnly() throws {
        let example = try ExampleCityWeek()
        defer { example.city.remove() }
        let (session, day, week) = (example.session, example.day, example.week)
        let rules = session.rules.matching.audiences
        var audienceRecommendations = 0
        var newHireCourses = 0
        for entry in week.entries {
            let member = entry.staff
            for recommendation in entry.result.recommendations {
                let course = try #require(example.course(of: recommendation))
                let ruled = rules.filter { course.title.contains($0.word) }.map(\.audience)
                let audiences = ruled.isEmpty ? course.audiences : ruled
                let ranks = ruled.isEmpty ? course.ranks : []
                let fiscalYear = (recommendation.start ?? day).fiscalYear
                // Whatever a profile or rule says, as the policy means it: 新規採用職員研修 is
                // for the year of hire.
                if course.title.hasPrefix("新規採用職員研修") {
                    #expect(member.hiredOn?.fiscalYear == fiscalYear, "\(course.title) for \(member.title) hired \(String(describing: member.hiredOn))")
                }
                let band = session.resolver.band(family: member.family, title: member.title)
                func named(_ list: [String]) -> Bool {
                    list.contains(member.title) || list.contains { rank in
                        band.map { $0.id == rank || session.resolver.band(family: member.family, title: rank)?.id == $0.id } ?? false
                    }
                }
                guard !audiences.isEmpty, !named(ranks) else { continue }
                audienceRecommendations += 1
                if course.title.contains("新規採用職員研修") { newHireCourses += 1 }
                let inOne = audiences.contains { audience in
                    (audience.ranks.isEmpty || named(audience.ranks))
                        && audience.matchesYears(hiredOn: member.hiredOn, rankSince: member.rankSince, fiscalYear: fiscalYear)
                }
                #expect(inOne, "\(course.title) for \(member.title) hired \(String(describing: member.hiredOn))")
                let serviceYear = member.hiredOn.map { fiscalYear - $0.fiscalYear + 1 }
                for reason in recommendation.reasons where reason.hasSuffix("向けの研修です") && reason.hasPrefix("採用") {
                    let span = audiences.compactMap(\.serviceYears).first { reason.hasPrefix("採用\($0.text)") }
                    #expect(span.map { spanned in serviceYear.map(spanned.contains) ?? false } ?? false,
                            "\(reason) for \(member.title) in year \(String(describing: serviceYear))")
                }
            }
        }
        #expect(audienceRecommendations > 20)
        #expect(newHireCourses == 10, "the example city's 10 staff hired in FY2026")
    }
}
