import ArgumentParser
import Foundation
import KenshuImport
import KenshuCore
import KenshuMatch

/// `kenshu-bench recommend --staff N --presentations M`: a weekly run of the matching core
/// (gaps given, eligibility, scoring, seat allocation, top 5 each) on synthetic staff and
/// courses, timed. No store: the core alone, as the weekly run calls it.
struct RecommendBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Time a weekly recommendation run of the matching core on synthetic staff and courses."
    )

    @Option(help: "Members of staff.")
    var staff = 100_000

    @Option(help: "Presentations (two per course).")
    var presentations = 20_000

    @Option(help: "The folder that holds policy/ (the policy catalogue).")
    var catalog = "Catalog"

    func run() throws {
        let policy = try PolicyCatalogLoader.load(catalogDirectory: catalog)
        let resolver = try BandResolver(catalog: policy)
        let today = LocalDate(year: 2026, month: 11, day: 25) ?? LocalDate(daysSinceEpoch: 0)
        var random = SeededRandom(seed: 48)
        let keywords: [(String, [Int])] = [
            ("政策形成", [4, 1]), ("法制執務", [8]), ("交渉", [6]), ("接遇", [7]), ("ファシリテーション", [7, 9]),
            ("プレゼン", [9]), ("セルフケア", [3]), ("マネジメント", [5]), ("危機管理", [2]), ("自己啓発", [10]),
        ]
        let tagRules = CourseTagRules(keywords: keywords.map { (word: $0.0, abilities: $0.1) })
        let bands = policy.bands
        var courses: [Course] = []
        for index in 0..<(presentations / 2) {
            let keyword = keywords[index % keywords.count].0
            let band = bands[Int.random(in: 0..<bands.count, using: &random)]
            let start = today.adding(days: Int.random(in: 5...200, using: &random))
            let seats: Int? = Bool.random(using: &random) ? Int.random(in: 10...60, using: &random) : nil
            courses.append(Course(
                provider: CourseProvider(id: "p\(index % 20)", name: "研修機関\(index % 20)"), id: "C\(index)",
                title: "\(keyword)研修 第\(index)期", kind: index % 7 == 0 ? "external.rank-based" : nil,
                families: index % 5 == 0 ? [band.family] : [], ranks: index % 7 == 0 ? [band.id] : [],
                presentations: (0..<2).map { run in
                    Presentation(id: "\(index)-\(run)", start: start.adding(days: 30 * run), applyBy: start.adding(days: 30 * run - 7),
                                 seats: seats)
                }))
        }
        let listings = CourseListing.merge(courses) { $0 }
        let rules = MatchingRules()
        var persons: [PersonContext] = []
        persons.reserveCapacity(staff)
        for index in 0..<staff {
            let band = bands[Int.random(in: 0..<bands.count, using: &random)]
            let member = StaffMember(
                id: "S\(index)", name: "職員\(index)", email: nil, family: band.family, department: "総務課", section: "",
                title: band.titles[0], hiredOn: LocalDate(year: 2010, month: 4, day: 1),
                rankSince: today.adding(months: -Int.random(in: 1...60, using: &random)), track: nil, digitalTier: nil,
                mentorTrained: false, managerID: nil, optedOut: false)
            let gaps = (1...10).map { ability in
                AbilityGap(ability: ability, expected: 3, evaluated: Double(Int.random(in: 10...40, using: &random)) / 10,
                           fromPrior: false)
            }
            persons.append(PersonContext(staff: member, band: band, gaps: gaps, history: [], today: today))
        }
        let recommender = Recommender(catalog: policy, rules: rules, resolver: resolver,
                                      tagger: AbilityTagger(rules: tagRules, catalog: policy))
        var results: [PersonRecommendations] = []
        let elapsed = ContinuousClock().measure { results = recommender.recommendAll(persons, listings: listings) }
        let seconds = elapsed.inSeconds
        let given = results.reduce(0) { $0 + $1.recommendations.count }
        print(String(format: "recommend: %d staff × %d presentations (%d courses): %.2f s, %d recommendations (%.1f each)",
                     staff, presentations, courses.count, seconds, given, Double(given) / Double(max(1, staff))))
    }
}
