import KenshuCore
import Testing

/// Tagging courses with abilities: rules confirm, similarity only suggests.
struct AbilityTaggerTests {
    let texts = [
        4: "政策形成能力 課題を解決するための目標を立て、必要な施策を立案する能力",
        8: "法務能力 法令や例規などを理解し、施策に反映する能力",
        7: "コミュニケーション能力 市民や組織内外の関係者と双方向の情報交換を行う能力",
    ]
    let provider = CourseProvider(id: "p", name: "P")

    @Test func subjectAndKeywordRulesConfirmTags() {
        let rules = CourseTagRules(subjects: ["LAW-01": [8]], keywords: [("政策", [4]), ("対話", [7])])
        let tagger = AbilityTagger(rules: rules, abilityTexts: texts)
        let course = Course(provider: provider, id: "1", title: "政策法務入門", subjects: ["law-01"])
        #expect(tagger.tags(for: course) == [AbilityWeight(ability: 4), AbilityWeight(ability: 8)])
    }

    @Test func aCourseRuleTagsThatCourseOfThatProviderOnly() {
        let rules = CourseTagRules(courses: [CourseTagRules.courseKey(provider: "p", courseID: "1"): [4, 7]])
        let tagger = AbilityTagger(rules: rules, abilityTexts: texts)
        let course = Course(provider: provider, id: "1", title: "Excel 入門")
        #expect(tagger.tags(for: course) == [AbilityWeight(ability: 4), AbilityWeight(ability: 7)])
        #expect(tagger.isTagged(course))
        #expect(!tagger.isTagged(Course(provider: provider, id: "2", title: "Excel 入門")))
        #expect(!tagger.isTagged(Course(provider: CourseProvider(id: "q", name: "Q"), id: "1", title: "Excel 入門")))
    }

    @Test func theFeedsOwnWeightsAreKept() {
        let tagger = AbilityTagger(rules: CourseTagRules(), abilityTexts: texts)
        let course = Course(provider: provider, id: "1", title: "研修", abilities: [AbilityWeight(ability: 7, weight: 0.5)])
        #expect(tagger.tags(for: course) == [AbilityWeight(ability: 7, weight: 0.5)])
    }

    @Test func anUntaggedCourseGetsSuggestionsNotTags() {
        let tagger = AbilityTagger(rules: CourseTagRules(), abilityTexts: texts)
        let course = Course(provider: provider, id: "1", title: "例規審査と法令解釈の基礎", summary: "法令や例規を正しく理解する")
        #expect(tagger.tags(for: course).isEmpty)
        #expect(tagger.suggestions(for: course).first?.ability == 8)
    }

    /// A word of the title with no abilities tags nothing: the summary is still searched.
    @Test func aTitleWordWithoutAbilitiesLeavesTheSummaryToTag() {
        let tagger = AbilityTagger(rules: CourseTagRules(keywords: [("研修", []), ("交渉", [7])]), abilityTexts: texts)
        #expect(!tagger.isTagged(Course(provider: provider, id: "1", title: "新任研修", summary: "基礎")))
        #expect(tagger.isTagged(Course(provider: provider, id: "1", title: "新任研修", summary: "交渉の基礎")))
        #expect(tagger.isTagged(Course(provider: provider, id: "1", title: "交渉研修", summary: "cafe\u{301}")))
    }

    @Test func textWithNothingInCommonSuggestsNothing() {
        let tagger = AbilityTagger(rules: CourseTagRules(), abilityTexts: texts)
        #expect(tagger.suggestions(for: Course(provider: provider, id: "1", title: "Excel 入門")).isEmpty)
    }
}

/// The keyword search on bytes finds what a search by characters finds, whatever the text.
struct KeywordSearchTests {
    let provider = CourseProvider(id: "p", name: "P")

    /// The rule as written before the byte search: the fields joined, lower-cased, searched by characters.
    func expected(_ rules: CourseTagRules, _ course: Course) -> Set<Int> {
        let text = ([course.title, course.summary] + course.subjects).joined(separator: "\n").lowercased()
        return Set(rules.keywords.filter { text.contains($0.word.lowercased()) }.flatMap(\.abilities))
    }

    @Test func theSameKeywordsAsACharacterSearchOnTrickyText() {
        let keywords: [(word: String, abilities: [Int])] = [
            ("政策形成", [4]), ("法務", [8]), ("が", [1]), ("か", [2]), ("e", [3]), ("Excel", [5]), ("ＤＸ", [6]),
            ("👨", [7]), ("ｶ", [9]), ("\r", [10]), ("é", [1]), ("a\u{301}", [2]), ("", [3]),
        ]
        let rules = CourseTagRules(keywords: keywords)
        let tagger = AbilityTagger(rules: rules, abilityTexts: [:])
        let titles = [
            "政策形成研修", "ほうむ法務入門", "か\u{3099}んばる", "かんばる", "がんばる", "cafe\u{301}", "café", "EXCEL 入門",
            "ｅｘｃｅｌ", "ＤＸ推進", "ｄｘ", "👨‍👩‍👧 家族", "ｶﾞ", "ｶ", "line\r\nbreak", "ｘ", "Á", "a\u{301}",
            "", "政策\n形成", "法", "Ｅ",
        ]
        for title in titles {
            for summary in ["", "概要", "e\u{301}"] {
                let course = Course(provider: provider, id: "1", title: title, summary: summary, subjects: ["ＳＵＢＪ", "e"])
                let tags = Set(tagger.tags(for: course).map(\.ability))
                #expect(tags == expected(rules, course), "title \(title.unicodeScalars.map { String($0.value, radix: 16) })")
                #expect(tagger.isTagged(course) == !tags.isEmpty)
            }
        }
    }

    @Test func randomJapaneseTextAgreesWithACharacterSearch() {
        let alphabet = Array("政策形成法務交渉折衝かがカガｶﾞアイウ ABCabcＡＢＣａｂｃ・、。（）\n")
        var generator = SystemRandomNumberGenerator()
        let keywords: [(word: String, abilities: [Int])] = (1...12).map { index in
            (String((0..<Int.random(in: 1...3, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "a" }),
             [index % 10 + 1])
        }
        let rules = CourseTagRules(keywords: keywords)
        let tagger = AbilityTagger(rules: rules, abilityTexts: [:])
        for _ in 0..<500 {
            let title = String((0..<Int.random(in: 0...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "a" })
            let course = Course(provider: provider, id: "1", title: title)
            #expect(Set(tagger.tags(for: course).map(\.ability)) == expected(rules, course), "title \(title) keywords \(keywords.map(\.word))")
        }
    }
}
