import Foundation
import KenshuCore
import Testing
@testable import KenshuImport

/// The transcription of the policy: counted against a count made by hand from the policy text.
struct PolicyCatalogTests {
    let catalog: PolicyCatalog

    init() throws {
        catalog = try PolicyCatalogLoader.load(catalogDirectory: CatalogPaths.catalog)
    }

    @Test func hasTheTenAbilitiesInOrder() {
        #expect(catalog.abilities.map(\.number) == Array(1...10))
        #expect(catalog.abilities.map(\.symbol) == ["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"])
        #expect(catalog.ability(number: 4)?.name == "政策形成能力")
        #expect(catalog.ability(number: 3)?.name == "心身の健康保持能力 (自己管理能力)")
        #expect(catalog.ability(number: 10)?.description == "現状に満足せずに自己研鑽に努め、能力や知識を向上させる能力")
    }

    @Test func hasSixSkillMapsWithFifteenBands() {
        #expect(catalog.skillMaps.map(\.name) == [
            "一般職(管理職・監督職)", "一般職(主査以下)", "保育士職", "現業職", "公安職(管理職・監督職)", "公安職(主査以下)",
        ])
        #expect(catalog.skillMaps.map(\.bands.count) == [3, 2, 3, 2, 3, 2])
        #expect(catalog.bands.count == 15)
    }

    @Test func countsEveryTitleGradeAndBehaviourLine() {
        #expect(catalog.bands.flatMap(\.titles).count == 37)
        #expect(catalog.bands.flatMap(\.grades).count == 4)
        #expect(catalog.bands.flatMap { $0.behaviours.values.flatMap { $0 } }.count == 140)
    }

    /// Lines per category per band, (D) absent where the policy lists none: counted by hand.
    @Test(arguments: [
        ("general.kacho", ["課長", "局長"], "A1 B2 C1 D3 E1"),
        ("general.kacho-hosa", ["課長補佐", "次長"], "A1 B1 C1 D2 E2"),
        ("general.kakaricho", ["係長"], "A2 B2 C2 D2 E2"),
        ("general.shusa", ["主幹", "主査", "技師(主査)", "保健師(主査)", "栄養士(主査)"], "A3 B2 C3 E2"),
        ("general.shuji", ["主任", "主事", "技師", "保健師", "栄養士"], "A2 B2 C3 E1"),
        ("nursery.encho", ["園長"], "A2 B2 C2 D3 E1"),
        ("nursery.shunin", ["主任"], "A1 B1 C3 D2 E2"),
        ("nursery.hoikushi", ["保育士(主査)", "保育士"], "A3 B2 C3 E1"),
        ("manual.shunin", ["主任工務員", "主任調理員", "主任管理員", "主任運転手"], "A1 B1 C3 D2 E1"),
        ("manual.staff", ["工務員", "調理員", "管理員", "運転手"], "A3 B2 C2 E1"),
        ("fire.shobocho", ["消防長"], "A1 B4 C2 D2 E1"),
        ("fire.kacho", ["消防次長", "課長", "出張所長"], "A1 B3 C2 D2 E2"),
        ("fire.kakaricho", ["係長"], "A2 B4 C3 D2 E2"),
        ("fire.shusa", ["主査", "消防司令補"], "A2 B4 C3 E2"),
        ("fire.shoboshi", ["消防士長", "消防副士長", "消防士"], "A2 B3 C3 E1"),
    ])
    func bandHasItsTitlesAndLines(id: String, titles: [String], lines: String) throws {
        let band = try #require(catalog.band(id: id))
        #expect(band.titles == titles)
        let counts = band.behaviours.keys.sorted().map { "\($0.rawValue)\(band.behaviours[$0]?.count ?? 0)" }
        #expect(counts.joined(separator: " ") == lines)
    }

    @Test func keepsTheFireServiceGradesApartFromTitles() throws {
        #expect(try #require(catalog.band(id: "fire.shobocho")).grades == ["消防司令長"])
        #expect(try #require(catalog.band(id: "fire.kacho")).grades == ["消防司令"])
        #expect(try #require(catalog.band(id: "fire.kakaricho")).grades == ["消防司令", "消防司令補"])
    }

    @Test func legendsFollowEachTable() throws {
        let names = catalog.skillMaps.map { map in map.legend.first { $0.category == .b }?.name ?? "" }
        #expect(names == ["政策スキル", "政策スキル", "政策スキル", "政策スキル", "現場管理スキル", "現場管理スキル"])
        let management = catalog.skillMaps.map { map in map.legend.first { $0.category == .d }?.description ?? "" }
        #expect(management[0] == "課、係などの業務管理や人材育成などにおいて求められる能力")
        #expect(management[2] == "園内の業務管理や人材育成などにおいて求められる能力")
        #expect(management[3] == "業務管理や人材育成などにおいて求められる能力")
        #expect(catalog.skillMaps.allSatisfy { $0.legend.map(\.category) == SkillCategory.allCases })
    }

    @Test func laddersRunFromEntryRankUp() {
        for family in JobFamily.allCases {
            let steps = catalog.bands.filter { $0.family == family }.map(\.ladderStep).sorted()
            #expect(steps == Array(1...steps.count), "\(family)")
        }
        let managerial = catalog.bands.filter(\.managerial).map(\.id)
        #expect(managerial == [
            "general.kacho", "general.kacho-hosa", "general.kakaricho", "nursery.encho", "nursery.shunin",
            "manual.shunin", "fire.shobocho", "fire.kacho", "fire.kakaricho",
        ])
    }

    @Test func hasThePDCATable() {
        #expect(catalog.pdcaStages.count == 9)
        #expect(catalog.pdcaStages[1].name == "課題の解決策の考案(Plan)")
        #expect(catalog.pdcaStages[1].abilities == [1, 4, 8])
        #expect(catalog.pdcaStages.last?.abilities == [])
    }

    @Test func hasTheKindsOfTrainingTracksAndTiers() {
        let ids = catalog.trainingKinds.flatMap(\.flattened).map(\.id)
        #expect(ids == [
            "internal", "external", "external.rank-based", "external.open-call", "external.open-call.generalist",
            "external.open-call.professional", "external.dispatch", "external.dispatch.prefecture-exchange",
            "external.dispatch.long-term", "external.dispatch.long-term.jichi-daigakko",
            "external.dispatch.long-term.academy",
        ])
        #expect(catalog.digitalTiers.map(\.name) == ["高度専門人材", "DX推進リーダー", "一般行政職員"])
        #expect(catalog.careerTracks.map(\.name) == ["ゼネラリスト", "プロフェッショナル"])
        #expect(catalog.careerTracks.first?.yearsFromHiring == 10)
        #expect(catalog.mentorProgramme.contains("メンター同士で課題を共有する機会"))
        #expect(catalog.trainingReport.contains("復命書"))
    }

    /// Every line Kenshu quotes stands verbatim in the policy text (where `../shared` exists).
    @Test func everyQuotedLineStandsInThePolicyText() throws {
        guard let policy = try? String(contentsOfFile: CatalogPaths.policyText, encoding: .utf8) else {
            print("note: \(CatalogPaths.policyText) not found; the verbatim check is skipped")
            return
        }
        var quoted = catalog.abilities.flatMap { [$0.name, $0.description] }
        quoted += catalog.bands.flatMap { $0.titles + $0.grades + $0.behaviours.values.flatMap { $0 } }
        quoted += catalog.skillMaps.flatMap { $0.legend.flatMap { [$0.name, $0.description] } }
        quoted += catalog.trainingKinds.flatMap(\.flattened).flatMap { [$0.name, $0.description] }
        quoted += catalog.careerTracks.map(\.description) + [catalog.mentorProgramme, catalog.trainingReport, catalog.vision]
        quoted += catalog.pdcaStages.map(\.name)
        let missing = quoted.filter { !$0.isEmpty && !policy.contains($0) }
        #expect(missing.isEmpty, "not in the policy text: \(missing)")
        // And the policy's skill-map rows: one row per band and category, as many as the catalogue has.
        let rows = policy.split(separator: "\n").filter { $0.contains("\t(A)\t") || $0.contains("\t(B)\t") ||
            $0.contains("\t(C)\t") || $0.contains("\t(D)\t") || $0.contains("\t(E)\t") }
        #expect(rows.count == catalog.bands.reduce(0) { $0 + $1.behaviours.count })
    }
}
