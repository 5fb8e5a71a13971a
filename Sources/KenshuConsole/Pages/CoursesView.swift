import Foundation
import KenshuCore
import KenshuMail
import KenshuStore

/// 講座: each provider's catalogue (its last import and its courses, a few per provider, or
/// one provider's by pages), and the untagged courses with their suggested abilities, each
/// with a form (admins only) that confirms or corrects them as a rule.
struct CoursesView: Sendable {
    struct Provider: Sendable {
        var id: String
        var name: String
        var lastImport: String
        var courses: [CourseLine]
        var hasCourses: Bool
        /// Courses not shown (the overview shows a few); nil when none.
        var more: Int?
        var link: String
    }

    struct CourseLine: Sendable {
        var title: String
        var abilities: String
        var kind: String
        var dates: String
    }

    struct Untagged: Sendable {
        struct Choice: Sendable {
            var number: Int
            var label: String
            var checked: Bool
        }

        var provider: String
        var providerID: String
        var courseID: String
        var title: String
        var suggestions: String
        var choices: [Choice]
    }

    var providers: [Provider]
    var hasProviders: Bool
    /// One provider's pages (`/courses?provider=ID`), or nil on the overview.
    var paging: Paging?
    var untagged: [Untagged]
    var untaggedCount: Int
    var untaggedPaging: Paging
    var hasUntagged: Bool
    var canConfirm: Bool
    var csrfToken: String

    /// A course's line: its confirmed abilities (①〜⑩ names), kind and dates.
    static func line(_ course: Course, tagger: AbilityTagger, catalog: PolicyCatalog, kinds: [String: String]) -> CourseLine {
        let abilities = tagger.tags(for: course).map { catalog.ability(number: $0.ability)?.label ?? "\($0.ability)" }
        let starts = course.presentations.compactMap(\.start).sorted()
        var dates = course.presentations.isEmpty ? "日程なし" : "\(course.presentations.count) 回"
        if let first = starts.first { dates += "（最初 \(first)）" }
        return CourseLine(title: course.title, abilities: abilities.isEmpty ? "（能力タグなし）" : abilities.joined(separator: "、"),
                          kind: course.kind.map { kinds[$0] ?? $0 } ?? "", dates: dates)
    }

    static func untagged(_ course: UntaggedCourse, catalog: PolicyCatalog) -> Untagged {
        let suggested = Set(course.suggestions.map(\.ability))
        return Untagged(provider: course.provider.name, providerID: course.provider.id, courseID: course.courseID,
                        title: course.title, suggestions: course.suggestionText,
                        choices: catalog.abilities.map { Untagged.Choice(number: $0.number, label: $0.label, checked: suggested.contains($0.number)) })
    }

    /// `成功 2026-11-25 07:00（12 講座）` or the failure, as 今週 shows it.
    static func lastImport(_ entry: FeedImportEntry?, zone: TimeZone) -> String {
        guard let entry else { return "取込の記録なし" }
        return (entry.succeeded ? "成功 " : "失敗 ") + ConsoleTime.text(entry.finishedAt, zone: zone) + "　" + ReportTexts.feedOutcome(entry)
    }
}

/// 講座 (confirm): the entry a confirmation adds to rules.yaml, and the whole candidate file
/// for the rules page (`/rules/check`) to check, simulate and apply.
struct CourseConfirmView: Sendable {
    var provider: String
    var title: String
    var key: String
    var abilities: String
    var entry: String
    var rulesFile: String
    var text: String
    var csrfToken: String
}
