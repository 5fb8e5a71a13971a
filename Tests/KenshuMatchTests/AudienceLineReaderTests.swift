import KenshuCore
import Testing
@testable import KenshuMatch

/// Audience lines read into what Kenshu knows, each kind the feeds write, and what it cannot
/// read kept, never taken as everyone.
struct AudienceLineReaderTests {
    let world: MatchFixtures
    let reader: AudienceLineReader
    static let work = WorkRules(
        departments: ["税務課": ["税務", "徴収"], "会計課": ["会計", "契約"], "消防本部": ["消防", "救急"]],
        sections: ["企画政策課/財政係": ["財政"]],
        roles: ["窓口担当": ["市民課", "税務課"]])

    init() throws {
        world = try MatchFixtures()
        reader = AudienceLineReader(rankNames: world.resolver.rankNames, work: Self.work)
    }

    private func term(_ text: String, _ build: (inout AudienceTerm) -> Void) -> AudienceTerm {
        var term = AudienceTerm(text: text)
        build(&term)
        return term
    }

    @Test func eachKindOfAudienceIsRead() {
        #expect(reader.read("対象：全職員").terms == [term("全職員") { $0.everyone = true }])
        #expect(reader.read("対象：保育士").terms == [term("保育士") { $0.families = [.nursery] }])
        #expect(reader.read("対象：現業職員").terms == [term("現業職員") { $0.families = [.manual] }])
        #expect(reader.read("対象：係長").terms == [term("係長") { $0.ranks = ["係長"] }])
        #expect(reader.read("対象：主任、係長").terms == [term("主任") { $0.ranks = ["主任"] }, term("係長") { $0.ranks = ["係長"] }])
        #expect(reader.read("対象：採用2年目の職員").terms
            == [term("採用2年目の職員") { $0.serviceYears = YearSpan(from: 2, to: 2) }])
        #expect(reader.read("対象：採用3年目までの職員").terms
            == [term("採用3年目までの職員") { $0.serviceYears = YearSpan(from: 1, to: 3) }])
        #expect(reader.read("対象：税務担当職員").terms == [term("税務担当職員") { $0.fields = ["税務"] }])
        #expect(reader.read("受講対象: 窓口担当職員、係長級").terms
            == [term("窓口担当職員") { $0.roles = ["窓口担当"] }, term("係長級") { $0.ranks = ["係長"] }])
        #expect(reader.read("対象：会計・契約事務の担当職員").terms
            == [term("会計") { $0.fields = ["会計"] }, term("契約事務の担当職員") { $0.fields = ["契約"] }])
        #expect(reader.read("対象：消防職員（救急隊員）").terms
            == [term("消防職員（救急隊員）") { $0.families = [.fire]; $0.fields = ["救急"] }])
    }

    @Test func whatItCannotReadIsKeptNotWidened() {
        let line = reader.read("対象：施設所管課・企画財政担当の職員")
        #expect(line.terms == [term("企画財政担当の職員") { $0.fields = ["財政"] }])
        #expect(line.unread == ["施設所管課"])
        let mentors = reader.read("対象：メンターに指名された職員")
        #expect(mentors.terms.isEmpty)
        #expect(mentors.unread == ["メンターに指名された職員"])
        // A detail it cannot read is reported; its alternative still restricts by what it can.
        let detail = reader.read("対象：保育士（看護師を含む）")
        #expect(detail.terms == [term("保育士（看護師を含む）") { $0.families = [.nursery] }])
        #expect(detail.unread == ["保育士（看護師を含む）"])
    }

    @Test func anAudienceLineIsOneThatSaysWhom() {
        #expect(AudienceLine.isAudienceLine("対象：係長"))
        #expect(AudienceLine.isAudienceLine(" 受講対象者: 全職員"))
        #expect(!AudienceLine.isAudienceLine("Basic knowledge of Excel"))
        #expect(!AudienceLine.isAudienceLine("対象となる研修はありません"))
    }

    @Test func aCourseForALineGoesToWhomItNamesWithTheReason() throws {
        var rules = world.rules
        rules.work = Self.work
        let eligibility = EligibilityCheck(rules: rules, resolver: world.resolver)
        var course = world.course("L1", "窓口の法務", startIn: 20)
        course.audienceLines = ["対象：窓口担当職員、係長"]
        func member(_ id: String, title: String, department: String) -> PersonContext {
            var staff = world.staff(id, title: title)
            staff.department = department
            return world.person(staff)
        }
        let counter = member("1", title: "主事", department: "市民課")
        let leader = member("2", title: "係長", department: "建設課")
        let other = member("3", title: "主事", department: "建設課")
        for person in [counter, leader] {
            guard case .eligible = eligibility.check(course, for: person) else {
                Issue.record("\(person.staff.department) \(person.staff.title) is named by the line")
                continue
            }
        }
        #expect(eligibility.check(course, for: other) == .excluded(.audienceLine(lines: ["対象：窓口担当職員、係長"], unread: [])))
        var recommender = world
        recommender.rules = rules
        let reasons = recommender.recommender.recommend(for: counter, listings: world.listings([course])).recommendations.first?.reasons
        #expect(reasons?.contains("研修の対象（窓口担当職員）に当たります") == true, "\(String(describing: reasons))")
    }

    @Test func aDomainCourseGoesToTheDepartmentsThatOwnItsFieldsWithTheReason() throws {
        var rules = world.rules
        rules.work = Self.work
        let eligibility = EligibilityCheck(rules: rules, resolver: world.resolver)
        var course = world.course("T1", "税務と法務", startIn: 20)
        course.subjects = ["税務", "法務"]
        var taxStaff = world.staff("1", title: "主事")
        taxStaff.department = "税務課"
        var budgetStaff = world.staff("2", title: "主事")
        budgetStaff.department = "企画政策課"
        budgetStaff.section = "財政係"
        var otherStaff = world.staff("3", title: "主事")
        otherStaff.department = "建設課"
        guard case .eligible = eligibility.check(course, for: world.person(taxStaff)) else {
            Issue.record("税務課 owns 税務")
            return
        }
        #expect(eligibility.check(course, for: world.person(otherStaff)) == .excluded(.work(fields: ["税務"])))
        #expect(ExclusionReason.work(fields: ["税務"]).text == "担当業務の分野外です（分野: 税務）")
        var general = world.course("G1", "法務の基礎", startIn: 20)
        general.subjects = ["法務"]
        guard case .eligible = eligibility.check(general, for: world.person(otherStaff)) else {
            Issue.record("a field no department owns is open to all")
            return
        }
        var budget = world.course("B1", "財政と法務", startIn: 20)
        budget.subjects = ["財政"]
        guard case .eligible = eligibility.check(budget, for: world.person(budgetStaff)) else {
            Issue.record("a 係 owns its fields")
            return
        }
        var recommender = world
        recommender.rules = rules
        let reasons = recommender.recommender.recommend(for: world.person(taxStaff), listings: world.listings([course]))
            .recommendations.first?.reasons
        #expect(reasons?.contains("税務課の担当業務（税務）に関わる研修です") == true, "\(String(describing: reasons))")
        let budgetReasons = recommender.recommender.recommend(for: world.person(budgetStaff), listings: world.listings([budget]))
            .recommendations.first?.reasons
        #expect(budgetReasons?.contains("企画政策課 財政係の担当業務（財政）に関わる研修です") == true, "\(String(describing: budgetReasons))")
    }
}
