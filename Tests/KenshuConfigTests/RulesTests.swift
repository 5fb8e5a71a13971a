import Foundation
import KenshuImport
import KenshuCore
import Testing
import KenshuTesting
@testable import KenshuConfig

/// rules.yaml: title aliases checked against the catalogue.
struct RulesTests {
    let catalog: PolicyCatalog

    init() throws {
        let repository = RepositoryPaths.root
        catalog = try PolicyCatalogLoader.load(catalogDirectory: repository.appendingPathComponent("Catalog").path)
    }

    @Test func readsTitleAliasesPerFamily() throws {
        let rules = try RulesLoader.parse("""
            titles:
              aliases:
                一般職:
                  主事補: 主事
                  参事: general.kacho
            """, file: "rules.yaml", catalog: catalog)
        #expect(rules.titleAliases[.general] == ["主事補": "主事", "参事": "general.kacho"])
    }

    @Test func readsCourseAudiencesByTitleWordInOrder() throws {
        let rules = try RulesLoader.parse("""
            courses:
              audiences:
                フォローアップ: {serviceYears: 2}
                新任係長: {ranks: 係長, rankYears: 1}
            """, file: "rules.yaml", catalog: catalog)
        #expect(rules.matching.audiences == [
            TitleAudience(word: "フォローアップ", audience: CourseAudience(serviceYears: YearSpan(from: 2, to: 2))),
            TitleAudience(word: "新任係長", audience: CourseAudience(ranks: ["係長"], rankYears: YearSpan(from: 1, to: 1))),
        ])
    }

    @Test(arguments: [
        ("新任: {ranks: 班長, rankYears: 1}", "'班長' は方針にある職名でも"),
        ("新任: {rankYears: 1年}", "年数は N か N-M"),
        ("新任: 係長", "「キー: 値」の行が来るところに"),
        ("'': {serviceYears: 1}", "空の語はすべての研修に当てはまってしまいます"),
    ])
    func aBadCourseAudienceNamesItsLine(entry: String, message: String) throws {
        let error = try #require(throws: InputError.self) {
            try RulesLoader.parse("courses:\n  audiences:\n    \(entry)\n", file: "rules.yaml", catalog: catalog)
        }
        #expect(error.location.line == 3)
        #expect(error.description.contains(message), "\(error)")
    }

    @Test func readsTheWorkOfDepartmentsSectionsAndRoles() throws {
        let rules = try RulesLoader.parse("""
            work:
              departments:
                税務課: [税務, 徴収]
                会計課: 会計
              sections:
                企画政策課/財政係: [財政]
              roles:
                窓口担当: [市民課, 税務課]
            """, file: "rules.yaml", catalog: catalog)
        #expect(rules.matching.work == WorkRules(
            departments: ["税務課": ["税務", "徴収"], "会計課": ["会計"]], sections: ["企画政策課/財政係": ["財政"]],
            roles: ["窓口担当": ["市民課", "税務課"]]))
    }

    @Test(arguments: [
        ("work:\n  sections:\n    財政係: [財政]\n", 3, "係は 所属/係 の形で書きますが"),
        ("work:\n  departments:\n    税務課: []\n", 3, "に仕事の分野が一つもありません"),
        ("work:\n  departments:\n    税務課: ['']\n", 3, "仕事の分野が空です"),
        ("work:\n  teams: {}\n", 2, "'teams' というキーはありません"),
    ])
    func aBadWorkMapNamesItsLine(text: String, line: Int, message: String) throws {
        let error = try #require(throws: InputError.self) { try RulesLoader.parse(text, file: "rules.yaml", catalog: catalog) }
        #expect(error.location.line == line)
        #expect(error.description.contains(message), "\(error)")
    }

    @Test func anAliasToAnUnknownTitleNamesItsLine() throws {
        let error = try #require(throws: InputError.self) {
            try RulesLoader.parse("titles:\n  aliases:\n    保育士職:\n      副園長: 教頭\n", file: "rules.yaml", catalog: catalog)
        }
        #expect(error.location.line == 4)
        #expect(error.field == "titles.aliases.保育士職.副園長")
    }

    @Test func anUnknownFamilyOrKeyIsAnError() throws {
        let family = try #require(throws: InputError.self) {
            try RulesLoader.parse("titles:\n  aliases:\n    事務職:\n      a: 主事\n", file: "rules.yaml", catalog: catalog)
        }
        #expect(family.location.line == 3)
        let key = try #require(throws: InputError.self) {
            try RulesLoader.parse("titles:\n  alias: {}\n", file: "rules.yaml", catalog: catalog)
        }
        #expect(key.location.line == 2)
        #expect(key.description.contains("'aliases' の書き間違いではありませんか"))
    }

    @Test func theExampleRulesAreValid() throws {
        let repository = RepositoryPaths.root
        let path = repository.appendingPathComponent("Catalog/example/rules.yaml").path
        let rules = try RulesLoader.load(path: path, catalog: catalog)
        #expect(rules.titleAliases[.general]?["主事補"] == "主事")
    }
}

/// The `courses.abilities` section of the rules.
struct CourseTagRulesTests {
    let catalog: PolicyCatalog

    init() throws {
        catalog = try RulesTests().catalog
    }

    @Test func subjectsAndKeywordsReadAbilitiesInAnyForm() throws {
        let rules = try RulesLoader.parse("""
            courses:
              abilities:
                subjects:
                  LAW: [8, ④]
                keywords:
                  交渉: ⑥
                  法務: [法務能力]
            """, file: "rules.yaml", catalog: catalog)
        #expect(rules.courseTags.subjects == ["LAW": [8, 4]])
        #expect(rules.courseTags.keywords.map(\.word) == ["交渉", "法務"])
        #expect(rules.courseTags.keywords.map(\.abilities) == [[6], [8]])
    }

    @Test func anUnknownAbilityNamesItsLine() throws {
        let error = try #require(throws: InputError.self) {
            try RulesLoader.parse("courses:\n  abilities:\n    keywords:\n      交渉: [11]\n", file: "rules.yaml", catalog: catalog)
        }
        #expect(error.location.line == 4)
        #expect(error.description.contains("方針の 10 の能力のどれでもありません"))
    }

    @Test func oneCoursesAbilitiesByProviderAndCourseId() throws {
        let rules = try RulesLoader.parse("""
            courses:
              abilities:
                courses:
                  "academy/JA27-101": [④, 6]
                  no-such-provider/X-1: 法務能力
            """, file: "rules.yaml", catalog: catalog)
        #expect(rules.courseTags.courses == ["academy/JA27-101": [4, 6], "no-such-provider/X-1": [8]])
    }

    @Test(arguments: [
        ("\"academy/JA27-101\": [⑪]", 4, "方針の 10 の能力のどれでもありません"),
        ("\"academy/JA27-101\": [4, 0]", 4, "方針の 10 の能力のどれでもありません"),
        ("JA27-101: [4]", 4, "は研修を指していません"),
    ])
    func aBadCourseEntryNamesItsLine(entry: String, line: Int, message: String) throws {
        let error = try #require(throws: InputError.self) {
            try RulesLoader.parse("courses:\n  abilities:\n    courses:\n      \(entry)\n", file: "rules.yaml", catalog: catalog)
        }
        #expect(error.location.line == line)
        #expect(error.location.column != nil)
        #expect(error.description.contains(message), "\(error)")
    }
}

/// `mentors.seniority` in rules.yaml.
struct MentorSeniorityRulesTests {
    @Test func readsTheYearsMoreInServiceAndRefusesAnUnknownKey() throws {
        let node = try YAMLValue.parse("mentors:\n  seniority:\n    yearsMoreInService: 7\n", file: "rules.yaml")
            .mapping(allowed: ["mentors"])["mentors"]
        #expect(try MentorRulesLoader.parse(node).seniorityYearsMoreInService == 7)
        #expect(try MentorRulesLoader.parse(nil).seniorityYearsMoreInService == 5)
        let typo = try YAMLValue.parse("mentors:\n  seniority:\n    yearsMore: 7\n", file: "rules.yaml").mapping(allowed: ["mentors"])["mentors"]
        #expect(throws: InputError.self) { try MentorRulesLoader.parse(typo) }
    }
}
