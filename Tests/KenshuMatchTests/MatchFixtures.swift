import KenshuTesting
import Foundation
import KenshuImport
import KenshuCore
@testable import KenshuMatch

/// A small world for the matching core: the real policy catalogue, one provider, and
/// helpers to make staff and courses.
struct MatchFixtures {
    let catalog: PolicyCatalog
    let resolver: BandResolver
    let today = LocalDate(year: 2026, month: 11, day: 25) ?? LocalDate(daysSinceEpoch: 0)
    let provider = CourseProvider(id: "niigata", name: "新潟県自治研修所")
    var rules = MatchingRules(expectedLevels: ["general.kakaricho": [3, 3, 3, 4, 4, 3, 4, 3, 3, 3]])
    let tagRules = CourseTagRules(keywords: [("政策", [4]), ("法務", [8]), ("接遇", [7])])

    init() throws {
        let repository = RepositoryPaths.root
        catalog = try PolicyCatalogLoader.load(catalogDirectory: repository.appendingPathComponent("Catalog").path)
        resolver = try BandResolver(catalog: catalog)
    }

    func staff(_ id: String = "1", title: String = "係長", family: JobFamily = .general, rankSince: LocalDate? = nil,
               hiredOn: LocalDate? = LocalDate(year: 2010, month: 4, day: 1),
               track: String? = nil, tier: String? = nil, optedOut: Bool = false) -> StaffMember {
        StaffMember(id: id, name: "職員 \(id)", email: "s\(id)@example.jp", family: family, department: "総務課",
                    section: "人事係", title: title, hiredOn: hiredOn,
                    rankSince: rankSince ?? LocalDate(year: 2020, month: 4, day: 1), track: track, digitalTier: tier,
                    mentorTrained: false, managerID: nil, optedOut: optedOut)
    }

    func course(_ id: String, _ title: String, kind: String? = nil, families: [JobFamily] = [], ranks: [String] = [],
                tier: String? = nil, startIn days: Int = 30, applyBy: Int? = 10) -> Course {
        Course(provider: provider, id: id, title: title, kind: kind, families: families, ranks: ranks, digitalTier: tier,
               presentations: [Presentation(id: "\(id)-1", start: today.adding(days: days), end: today.adding(days: days + 1),
                                            applyBy: applyBy.map { today.adding(days: $0) })])
    }

    func person(_ staff: StaffMember, evaluations: [Evaluation] = [], history: [TrainingRecord] = []) -> PersonContext {
        let band = resolver.band(family: staff.family, title: staff.title)
        let gaps = GapCalculator.gaps(band: band?.id ?? "", evaluations: evaluations, rules: rules)
        return PersonContext(staff: staff, band: band, gaps: gaps, history: history, today: today)
    }

    var recommender: Recommender {
        Recommender(catalog: catalog, rules: rules, resolver: resolver, tagger: AbilityTagger(rules: tagRules, catalog: catalog))
    }

    func listings(_ courses: [Course]) -> [CourseListing] {
        CourseListing.merge(courses) { $0 }
    }
}
