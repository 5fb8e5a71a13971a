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

    @Test func textWithNothingInCommonSuggestsNothing() {
        let tagger = AbilityTagger(rules: CourseTagRules(), abilityTexts: texts)
        #expect(tagger.suggestions(for: Course(provider: provider, id: "1", title: "Excel 入門")).isEmpty)
    }
}
