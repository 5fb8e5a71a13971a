import KenshuCore
import Testing
@testable import KenshuMatch

/// Audiences that are not a band (採用1年目, 若手職員, 新任係長): counted in fiscal years, in
/// the year the course runs; explained in words; given by a feed or by the rules.
struct CourseAudienceTests {
    let world: MatchFixtures
    let newHires = CourseAudience(serviceYears: YearSpan(from: 1, to: 1))

    init() throws {
        world = try MatchFixtures()
    }

    private func date(_ year: Int, _ month: Int, _ day: Int) throws -> LocalDate {
        try #require(LocalDate(year: year, month: month, day: day))
    }

    @Test func yearsAreFiscalYearsCountedFromOne() throws {
        // FY2026 runs from 2026-04-01 to 2027-03-31.
        #expect(newHires.matchesYears(hiredOn: try date(2026, 4, 1), rankSince: nil, fiscalYear: 2026))
        #expect(newHires.matchesYears(hiredOn: try date(2027, 3, 31), rankSince: nil, fiscalYear: 2026))
        #expect(!newHires.matchesYears(hiredOn: try date(2026, 3, 31), rankSince: nil, fiscalYear: 2026))
        #expect(!newHires.matchesYears(hiredOn: nil, rankSince: nil, fiscalYear: 2026), "an unknown hire date is in no audience of years")
        let newlyPromoted = CourseAudience(ranks: ["係長"], rankYears: YearSpan(from: 1, to: 1))
        #expect(newlyPromoted.matchesYears(hiredOn: nil, rankSince: try date(2026, 10, 1), fiscalYear: 2026))
        #expect(!newlyPromoted.matchesYears(hiredOn: nil, rankSince: try date(2026, 10, 1), fiscalYear: 2027))
        let young = CourseAudience(serviceYears: YearSpan(from: 1, to: 10))
        #expect(young.matchesYears(hiredOn: try date(2017, 4, 1), rankSince: nil, fiscalYear: 2026))
        #expect(!young.matchesYears(hiredOn: try date(2016, 4, 1), rankSince: nil, fiscalYear: 2026))
    }

    @Test(arguments: [("1", 1, 1), ("1-10", 1, 10), (" 2 〜 3 ", 2, 3), ("4~4", 4, 4)])
    func spansAreRead(text: String, from: Int, to: Int) {
        #expect(YearSpan(parsing: text) == YearSpan(from: from, to: to))
    }

    @Test(arguments: ["", "0", "3-1", "1-", "-2", "1-2-3", "x", "61", "1.5", "1--2"])
    func badSpansAreRefused(text: String) {
        #expect(YearSpan(parsing: text) == nil)
    }

    @Test func theTextSaysWhomInJapanese() {
        #expect(newHires.text() == "採用1年目の職員")
        #expect(CourseAudience(serviceYears: YearSpan(from: 1, to: 10)).text() == "採用10年目までの職員")
        #expect(CourseAudience(serviceYears: YearSpan(from: 2, to: 3)).text() == "採用2〜3年目の職員")
        #expect(CourseAudience(ranks: ["係長"], rankYears: YearSpan(from: 1, to: 1)).text() == "昇任1年目の係長")
        #expect(CourseAudience(ranks: ["general.kakaricho"], rankYears: YearSpan(from: 1, to: 1))
            .text(rankName: { world.catalog.band(id: $0)?.label ?? $0 }) == "昇任1年目の一般職 係長")
    }

    @Test func aNewHireCourseGoesToNewHiresOnlyWithTheReason() throws {
        var course = world.course("N1", "新規採用職員研修（接遇）", startIn: 13)
        course.audiences = [newHires]
        let newHire = world.person(world.staff("1", title: "主事", rankSince: try date(2026, 4, 1), hiredOn: try date(2026, 4, 1)))
        let veteran = world.person(world.staff("2", title: "主事", rankSince: try date(2024, 4, 1), hiredOn: try date(2003, 4, 1)))
        let eligibility = EligibilityCheck(rules: world.rules, resolver: world.resolver)
        guard case .eligible = eligibility.check(course, for: newHire) else {
            Issue.record("a new hire is in 採用1年目")
            return
        }
        let excluded = eligibility.check(course, for: veteran)
        #expect(excluded == .excluded(.audience(ranks: [], audiences: [newHires])))
        if case .excluded(let reason) = excluded {
            #expect(reason.text(catalog: world.catalog) == "対象外です（対象: 採用1年目の職員）")
        }
        let result = world.recommender.recommend(for: newHire, listings: world.listings([course]))
        #expect(result.recommendations.first?.reasons.contains("採用1年目の職員向けの研修です") == true)
    }

    @Test func theYearsAreThoseOfTheFiscalYearTheCourseRunsIn() throws {
        // Hired in April 2026: 採用1年目 until March 2027; an April 2027 course for new hires is
        // for those hired then, not for them.
        var april = world.course("N2", "新規採用職員研修（前期）", startIn: 140, applyBy: 100)
        april.audiences = [newHires]
        var rules = world.rules
        rules.horizonDays = 200
        let eligibility = EligibilityCheck(rules: rules, resolver: world.resolver)
        let hire = world.person(world.staff("1", title: "主事", rankSince: try date(2026, 4, 1), hiredOn: try date(2026, 4, 1)))
        #expect(eligibility.check(april, for: hire) == .excluded(.audience(ranks: [], audiences: [newHires])))
    }

    @Test func aRankOrAnAudienceEitherTargetsThePerson() throws {
        var course = world.course("M1", "管理職研修", ranks: ["課長"])
        course.audiences = [CourseAudience(ranks: ["係長"], rankYears: YearSpan(from: 1, to: 1))]
        let eligibility = EligibilityCheck(rules: world.rules, resolver: world.resolver)
        let chief = world.person(world.staff("1", title: "課長"))
        let newLeader = world.person(world.staff("2", title: "係長", rankSince: try date(2026, 4, 1)))
        let oldLeader = world.person(world.staff("3", title: "係長", rankSince: try date(2020, 4, 1)))
        let clerk = world.person(world.staff("4", title: "主事", rankSince: try date(2026, 4, 1)))
        for person in [chief, newLeader] {
            guard case .eligible = eligibility.check(course, for: person) else {
                Issue.record("\(person.staff.title) is targeted")
                continue
            }
        }
        for person in [oldLeader, clerk] {
            guard case .excluded(.audience) = eligibility.check(course, for: person) else {
                Issue.record("\(person.staff.title) since \(String(describing: person.staff.rankSince)) is not targeted")
                continue
            }
        }
    }

    @Test func theRulesAudienceForATitleWordReplacesTheFeeds() throws {
        var rules = world.rules
        rules.audiences = [TitleAudience(word: "フォローアップ", audience: CourseAudience(serviceYears: YearSpan(from: 2, to: 2)))]
        let eligibility = EligibilityCheck(rules: rules, resolver: world.resolver)
        let course = world.course("F1", "新規採用職員フォローアップ研修", ranks: ["主事"])
        let second = world.person(world.staff("1", title: "主事", hiredOn: try date(2025, 4, 1)))
        let first = world.person(world.staff("2", title: "主事", hiredOn: try date(2026, 4, 1)))
        guard case .eligible = eligibility.check(course, for: second) else {
            Issue.record("採用2年目 is the course's audience")
            return
        }
        #expect(eligibility.check(course, for: first)
            == .excluded(.audience(ranks: [], audiences: [CourseAudience(serviceYears: YearSpan(from: 2, to: 2))])))
    }
}
