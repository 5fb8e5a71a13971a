import Foundation
import KenshuConfig
import KenshuCore
import KenshuTesting
import Testing

/// Adding one course's abilities to rules.yaml as text: the rest of the file stays byte for
/// byte, and the result parses to the old rules plus that entry, whichever sections exist.
struct CourseAbilityRuleEditTests {
    let catalog: PolicyCatalog

    init() throws {
        catalog = try RulesTests().catalog
    }

    func edit(_ text: String, provider: String = "academy", course: String = "JA27-101", abilities: [Int] = [4, 6],
              title: String = "") throws -> String {
        try CourseAbilityRuleEdit.apply(to: text, provider: provider, courseID: course, abilities: abilities, title: title,
                                        catalog: catalog, file: "rules.yaml")
    }

    /// The edit parses to `text`'s rules with the one entry set, and keeps every line of `text`.
    func expectAdds(_ text: String, provider: String = "academy", course: String = "JA27-101", abilities: [Int] = [4, 6],
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let edited = try edit(text, provider: provider, course: course, abilities: abilities, title: "題名 # と\n改行")
        var expected = try RulesLoader.parse(text, file: "rules.yaml", catalog: catalog)
        expected.courseTags.courses[CourseTagRules.courseKey(provider: provider, courseID: course)] = abilities.sorted()
        let parsed = try RulesLoader.parse(edited, file: "rules.yaml", catalog: catalog)
        #expect(parsed == expected, "\(edited)", sourceLocation: sourceLocation)
        // By scalars: "\r\n" is one Character, which a split on "\n" would not cut.
        func lines(_ text: String) -> [String] {
            text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        }
        if text.contains("\r\n") {
            #expect(!edited.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF kept", sourceLocation: sourceLocation)
        }
        let kept = lines(text).filter { !$0.isEmpty }
        let now = lines(edited)
        var index = now.startIndex
        for line in kept {
            guard let found = now[index...].firstIndex(of: line) else {
                Issue.record("line lost or moved: \(line)\n\(edited)", sourceLocation: sourceLocation)
                return
            }
            index = found + 1
        }
    }

    @Test func theExampleRulesGetTheSectionsWithCommentsAndOrderKept() throws {
        let text = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("Catalog/example/rules.yaml"), encoding: .utf8)
        try expectAdds(text)
        let edited = try edit(text, title: "新任管理職のための組織マネジメント")
        #expect(edited.contains("      自己啓発: [⑩]\n    courses:\n      \"academy/JA27-101\": [④, ⑥]   # 新任管理職のための組織マネジメント\n  audiences:\n"))
        // Everything outside the added lines is the same bytes.
        let added = "    courses:\n      \"academy/JA27-101\": [④, ⑥]   # 新任管理職のための組織マネジメント\n"
        #expect(edited.replacingOccurrences(of: added, with: "") == text)
    }

    @Test(arguments: [
        "",
        "# only a comment\n",
        "titles:\n  aliases:\n    一般職: {主事補: 主事}\n",
        "titles:\n  aliases:\n    一般職: {主事補: 主事}",
        "courses:\n    audiences:\n        新任係長: {ranks: 係長, rankYears: 1}\n# next\nmentors:\n    capacity: 2\n",
        "courses:\n  abilities:\n    keywords:\n      法務: [⑧]\n\n  # audiences next\n  audiences:\n    新任係長: {ranks: 係長, rankYears: 1}\n",
        "courses:\n  abilities:\n    courses:\n      \"other/1\": [1]\n    keywords:\n      法務: [⑧]\n",
        "courses:\r\n  abilities:\r\n    keywords:\r\n      法務: [⑧]\r\n",
    ])
    func addsTheEntryWhateverSectionsExist(text: String) throws {
        try expectAdds(text)
    }

    /// Sections left empty (which the rules refuse as they stand) are filled in below their key.
    @Test(arguments: [
        "courses:\n",
        "courses:   # tags\nlevels:\n  default: [3, 3, 3, 3, 3, 3, 3, 3, 3, 3]\n",
        "courses:\n  abilities:\n",
        "courses:\n  abilities:   # confirmed below\n    courses:\n",
    ])
    func fillsInEmptySections(text: String) throws {
        let rules = try RulesLoader.parse(try edit(text), file: "rules.yaml", catalog: catalog)
        #expect(rules.courseTags.courses == ["academy/JA27-101": [4, 6]])
    }

    @Test func replacesAnExistingEntryHoweverItIsWritten() throws {
        for entry in ["academy/JA27-101: [1]", "'academy/JA27-101': ①", "\"academy/JA27-101\":\n        - 1\n        - 2",
                      "\"academy/JA27-101\":\n      - 1", "academy/JA27-101:"] {
            let text = "courses:\n  abilities:\n    courses:\n      \(entry)\n      other/2: [3]\n# end\n"
            let edited = try edit(text)
            let rules = try RulesLoader.parse(edited, file: "rules.yaml", catalog: catalog)
            #expect(rules.courseTags.courses == ["academy/JA27-101": [4, 6], "other/2": [3]], "\(edited)")
            #expect(edited.hasSuffix("      other/2: [3]\n# end\n"))
        }
    }

    @Test func idsWithQuotesColonsAndControlsAreQuotedSafely() throws {
        for (provider, course) in [("a\"b", "c\\d"), ("x: y", "# z"), ("p", "tab\there\u{2028}"), ("p/q", "r/s")] {
            try expectAdds("courses:\n  abilities:\n    keywords:\n      法務: [⑧]\n", provider: provider, course: course)
        }
    }

    @Test func flowStyleSectionsAndUnknownAbilitiesAreErrors() throws {
        let flow = try #require(throws: InputError.self) { try edit("courses: {abilities: {keywords: {法務: [8]}}}\n") }
        #expect(flow.message.contains("自動では書き足せません"))
        #expect(flow.location.line == 1)
        let ability = try #require(throws: InputError.self) { try edit("", abilities: [11]) }
        #expect(ability.message.contains("11"))
        #expect(throws: InputError.self) { try edit("courses: [\n") }
    }
}
