import Foundation
import KenshuCore
import KenshuMatch
import KenshuStore

/// `kenshu recommend` and `kenshu explain` as text for an HR admin.
enum RecommendationText {
    static func render(_ result: PersonRecommendations, staff: StaffMember?, date: LocalDate, catalog: PolicyCatalog,
                              explain: Bool) -> String {
        var lines: [String] = []
        let who = staff.map { "\($0.name)（\($0.department)、\($0.family.japaneseName) \($0.title)、職員番号 \($0.id)）" }
            ?? "職員番号 \(result.staffID)"
        let band = result.band.map { id in "職位区分 \(catalog.band(id: id)?.label ?? id)" } ?? "職名に当たる職位区分がありません"
        lines.append("\(who) \(date) 時点、\(band)")
        if explain {
            lines.append("能力のギャップ（期待水準 − 評価）:")
            for gap in result.gaps {
                let name = catalog.ability(number: gap.ability).map { "\($0.symbol)\($0.shortName)" } ?? "\(gap.ability)"
                let evaluated = String(format: "%.2f", gap.evaluated) + (gap.fromPrior ? "（評価なし、仮の値）" : "")
                lines.append("  \(pad(name, 16)) 期待 \(gap.expected)  評価 \(evaluated)  差 \(String(format: "%.2f", gap.gap))")
            }
        }
        if result.recommendations.isEmpty { lines.append("おすすめの研修はありません") }
        // One entry per course: the same course from another provider or on another date is
        // an option under the first (as in the mails).
        var entries: [[Recommendation]] = []
        var entryOfTitle: [String: Int] = [:]
        for recommendation in result.recommendations {
            let key = CourseTitleKey.make(recommendation.title)
            if let index = entryOfTitle[key] {
                entries[index].append(recommendation)
            } else {
                entryOfTitle[key] = entries.count
                entries.append([recommendation])
            }
        }
        for (index, options) in entries.enumerated() {
            lines.append(contentsOf: describe(options[0], index: index + 1, explain: explain))
            for other in options.dropFirst() {
                lines.append("     ほかの開催: \(other.sources.joined(separator: "・"))、\(when(other))")
                for reason in other.reasons where !options[0].reasons.contains(reason) { lines.append("     ・\(reason)") }
            }
        }
        if explain {
            if !result.alsoEligible.isEmpty { lines.append("対象だが件数の上限で外れた研修:") }
            for recommendation in result.alsoEligible {
                lines.append("  - \(recommendation.title)（\(recommendation.sources.joined(separator: "・"))）スコア "
                    + String(format: "%.2f", recommendation.score))
            }
            if !result.excluded.isEmpty { lines.append("対象外の研修:") }
            for exclusion in result.excluded {
                lines.append("  - \(exclusion.title): \(exclusion.reason.text(catalog: catalog))")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ recommendation: Recommendation, index: Int, explain: Bool) -> [String] {
        let mark = recommendation.mandatory ? "[必須] " : ""
        var lines = ["\(index). \(mark)\(recommendation.title) — \(recommendation.sources.joined(separator: "・"))、\(when(recommendation))"]
        for reason in recommendation.reasons { lines.append("     ・\(reason)") }
        if explain {
            let parts = recommendation.parts
            lines.append("     スコア \(String(format: "%.2f", recommendation.score)) = ギャップ \(String(format: "%.2f", parts.gap))"
                + "・職位 \(parts.rank)・キャリア \(parts.track)・デジタル区分 \(parts.tier)・新しさ \(String(format: "%.2f", parts.novelty))"
                + (parts.mandatory ? "・必須" : "") + "（rules.yaml の recommendations.weights で重み付け）")
        }
        return lines
    }

    /// `開催 2027-01-19、申込締切 2026-12-04`.
    private static func when(_ recommendation: Recommendation) -> String {
        var text = recommendation.start.map { "開催 \($0)" } ?? ""
        if let applyBy = recommendation.applyBy { text += "、申込締切 \(applyBy)" }
        return text
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: "　", count: (width - text.count + 1) / 2)
    }
}
