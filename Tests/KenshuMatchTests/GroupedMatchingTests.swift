import KenshuCore
import Testing
@testable import KenshuMatch

/// The weekly run scores groups of alike courses; explain scores every course. Both must
/// recommend exactly the same.
struct GroupedMatchingTests {
    @Test(arguments: 0..<20)
    func groupedAndPerCourseMatchingAgree(seed: Int) throws {
        var world = try MatchFixtures()
        world.rules.perPerson = 3
        world.rules.work = WorkRules(departments: ["税務課": ["税務"], "会計課": ["会計"]], sections: ["総務課/人事係": ["人事"]],
                                     roles: ["窓口担当": ["税務課", "市民課"]])
        let lines = ["対象：全職員", "対象：係長", "対象：窓口担当職員、主任", "対象：税務担当職員", "対象：採用3年目までの職員",
                     "対象：メンターに指名された職員", "対象：保育士"]
        let subjects = [["税務"], ["会計", "法務"], ["人事"], ["法務"], []]
        let departments = [("税務課", ""), ("会計課", ""), ("総務課", "人事係"), ("市民課", ""), ("建設課", "道路係")]
        var random = SeededRandom(seed: UInt64(seed) &+ 99)
        let titles = ["政策形成研修", "法務研修", "接遇研修", "政策法務研修", "Excel研修"]
        let ranks = [[], ["係長"], ["主事"], ["general.kakaricho"], ["課長"]]
        let audiences = [
            CourseAudience(serviceYears: YearSpan(from: 1, to: 1)), CourseAudience(serviceYears: YearSpan(from: 1, to: 10)),
            CourseAudience(ranks: ["係長"], rankYears: YearSpan(from: 1, to: 1)),
        ]
        var courses: [Course] = []
        for index in 0..<40 {
            var course = world.course(
                "C\(index)", titles[Int.random(in: 0..<titles.count, using: &random)] + "\(index % 3)",
                kind: index % 6 == 0 ? "external.rank-based" : nil,
                families: index % 5 == 0 ? [.general] : (index % 7 == 0 ? [.nursery] : []),
                ranks: ranks[Int.random(in: 0..<ranks.count, using: &random)],
                startIn: Int.random(in: 1...150, using: &random), applyBy: Int.random(in: -5...20, using: &random))
            if Bool.random(using: &random) { course.presentations[0].seats = Int.random(in: 1...3, using: &random) }
            if index % 4 == 1 { course.audiences = [audiences[Int.random(in: 0..<audiences.count, using: &random)]] }
            if index % 3 == 2 { course.audienceLines = [lines[Int.random(in: 0..<lines.count, using: &random)]] }
            course.subjects = subjects[Int.random(in: 0..<subjects.count, using: &random)]
            courses.append(course)
        }
        let staffTitles = ["係長", "主事", "課長", "主任"]
        let persons = (0..<12).map { index in
            var member = world.staff("S\(index)", title: staffTitles[index % staffTitles.count],
                                     rankSince: world.today.adding(months: -Int.random(in: 1...24, using: &random)),
                                     hiredOn: world.today.adding(months: -Int.random(in: 1...240, using: &random)))
            (member.department, member.section) = departments[Int.random(in: 0..<departments.count, using: &random)]
            let ratings = (1...10).map { ability in
                Evaluation(staffID: member.id, ability: ability, score: Int.random(in: 1...5, using: &random),
                           rater: .primary, period: 2025)
            }
            let history = index % 3 == 0
                ? [TrainingRecord(staffID: member.id, provider: "x", courseID: "", title: courses[index].title,
                                  completedOn: world.today.adding(days: -30), reportFiledOn: nil)]
                : []
            return world.person(member, evaluations: ratings, history: history)
        }
        let listings = world.listings(courses)
        let grouped = world.recommender.recommendAll(persons, listings: listings)
        let perCourse = world.recommender.recommendAll(persons, listings: listings, explaining: Set(persons.map(\.staff.id)))
        #expect(grouped.map { $0.recommendations.map(\.courseID) } == perCourse.map { $0.recommendations.map(\.courseID) })
        #expect(grouped.map { $0.recommendations.map(\.score) } == perCourse.map { $0.recommendations.map(\.score) })
        #expect(grouped.contains { !$0.recommendations.isEmpty })
    }
}
