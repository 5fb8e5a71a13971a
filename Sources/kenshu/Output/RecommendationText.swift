import Foundation
import KenshuCore
import KenshuMatch

/// `kenshu recommend` and `kenshu explain` as text for an HR admin.
enum RecommendationText {
    static func render(_ result: PersonRecommendations, staff: StaffMember?, date: LocalDate, catalog: PolicyCatalog,
                              explain: Bool) -> String {
        var lines: [String] = []
        let who = staff.map { "\($0.id) \($0.name)（\($0.family.japaneseName) \($0.title)）" } ?? result.staffID
        lines.append("\(who) as of \(date)" + (result.band.map { ", band \($0)" } ?? ", no band for the title"))
        if explain {
            lines.append("gaps (expected − evaluated):")
            for gap in result.gaps {
                let name = catalog.ability(number: gap.ability).map { "\($0.symbol)\($0.shortName)" } ?? "\(gap.ability)"
                let evaluated = String(format: "%.2f", gap.evaluated) + (gap.fromPrior ? " (no rating: prior)" : "")
                lines.append("  \(pad(name, 16)) expected \(gap.expected)  evaluated \(evaluated)  gap \(String(format: "%.2f", gap.gap))")
            }
        }
        if result.recommendations.isEmpty { lines.append("no recommendation") }
        for (index, recommendation) in result.recommendations.enumerated() {
            lines.append(contentsOf: describe(recommendation, index: index + 1, explain: explain))
        }
        if explain {
            if !result.alsoEligible.isEmpty { lines.append("also eligible, below the cut:") }
            for recommendation in result.alsoEligible {
                lines.append("  - \(recommendation.title) (\(recommendation.courseID)) score "
                    + String(format: "%.2f", recommendation.score))
            }
            if !result.excluded.isEmpty { lines.append("excluded:") }
            for exclusion in result.excluded {
                lines.append("  - \(exclusion.title) (\(exclusion.courseID)): \(exclusion.reason.text)")
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ recommendation: Recommendation, index: Int, explain: Bool) -> [String] {
        let mark = recommendation.mandatory ? "[必須] " : ""
        var when = recommendation.start.map { "開催 \($0)" } ?? ""
        if let applyBy = recommendation.applyBy { when += "、申込締切 \(applyBy)" }
        var lines = ["\(index). \(mark)\(recommendation.title) — \(recommendation.sources.joined(separator: "・"))、\(when)"]
        for reason in recommendation.reasons { lines.append("     ・\(reason)") }
        if explain {
            let parts = recommendation.parts
            lines.append("     score \(String(format: "%.2f", recommendation.score)) = gap \(String(format: "%.2f", parts.gap))"
                + " rank \(parts.rank) track \(parts.track) tier \(parts.tier) novelty \(String(format: "%.2f", parts.novelty))"
                + (parts.mandatory ? " + mandatory" : "") + " (weighted by rules.yaml recommendations.weights)")
        }
        return lines
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: "　", count: (width - text.count + 1) / 2)
    }
}
