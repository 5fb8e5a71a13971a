import Foundation
import KenshuCore
import KenshuCycle
import KenshuMatch

/// 職員 (one person): band, gaps, recommendations with their reasons (必須 first, as the
/// matching orders them), courses eligible but below the cut, excluded courses and why,
/// where the answer comes from, and the mail in a sandboxed frame.
struct StaffView: Sendable {
    struct Gap: Sendable {
        var ability: String
        var expected: Int
        var evaluated: String
        var gap: String
    }

    struct Course: Sendable {
        var title: String
        var mandatory: Bool
        var sources: String
        var when: String
        var score: String
        var reasons: [String]
    }

    /// The courses excluded for one reason: how many, and the first titles (a person is
    /// excluded from most of a large catalogue, for a few reasons).
    struct Excluded: Sendable {
        var reason: String
        var count: Int
        /// The first titles, joined with 、.
        var titles: String
        /// How many more than `titles` shows; nil when none.
        var more: Int?
    }

    var id: String
    var name: String
    var department: String
    var family: String
    var title: String
    var band: String
    var basis: String
    var gaps: [Gap]
    var recommendations: [Course]
    var alsoEligible: [Course]
    var excluded: [Excluded]
    var mailPath: String


    static func make(_ entry: StaffRecommendations, basis: RecommendationBasis, catalog: PolicyCatalog) -> StaffView {
        let result = entry.result
        return StaffView(
            id: entry.staff.id, name: entry.staff.name, department: entry.staff.department,
            family: entry.staff.family.japaneseName, title: entry.staff.title,
            band: result.band.map { catalog.band(id: $0)?.label ?? $0 } ?? "職名に当たる職位区分がありません",
            basis: basis.japaneseText,
            gaps: result.gaps.map { gap in
                Gap(ability: catalog.ability(number: gap.ability)?.label ?? "\(gap.ability)", expected: gap.expected,
                    evaluated: String(format: "%.2f", gap.evaluated) + (gap.fromPrior ? "（評価なし、仮の値）" : ""),
                    gap: String(format: "%.2f", gap.gap))
            },
            recommendations: result.recommendations.map(course), alsoEligible: result.alsoEligible.map(course),
            excluded: excludedGroups(result.excluded.map { ($0.title, $0.reason.text(catalog: catalog)) }),
            mailPath: "/staff/\(entry.staff.id)/mail")
    }

    /// How many titles each reason's group shows.
    static let excludedTitles = 10

    /// The excluded courses grouped by reason, the largest group first.
    static func excludedGroups(_ excluded: [(title: String, reason: String)]) -> [Excluded] {
        var order: [String] = []
        var titles: [String: [String]] = [:]
        for item in excluded {
            if titles[item.reason] == nil { order.append(item.reason) }
            titles[item.reason, default: []].append(item.title)
        }
        return order.map { reason in
            let all = titles[reason] ?? []
            return Excluded(reason: reason, count: all.count, titles: all.prefix(excludedTitles).joined(separator: "、"),
                            more: all.count > excludedTitles ? all.count - excludedTitles : nil)
        }.sorted { $0.count > $1.count }
    }

    private static func course(_ recommendation: Recommendation) -> Course {
        var when = recommendation.start.map { "開催 \($0)" } ?? ""
        if let applyBy = recommendation.applyBy { when += "、申込締切 \(applyBy)" }
        return Course(title: recommendation.title, mandatory: recommendation.mandatory,
                      sources: recommendation.sources.joined(separator: "・"), when: when,
                      score: String(format: "%.2f", recommendation.score), reasons: recommendation.reasons)
    }
}

/// 職員 (search): the query and the people it found.
struct StaffSearchView: Sendable {
    struct Hit: Sendable {
        var id: String
        var name: String
        var department: String
        var title: String
        var inactive: Bool
    }

    var query: String
    var hits: [Hit]
    /// Set when the list was cut at the limit.
    var more: Bool
    // Mustache sees stored properties only: the flags the template tests.
    var searched: Bool
    var hasHits: Bool

    static let limit = 50
}
