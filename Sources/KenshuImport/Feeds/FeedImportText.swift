import KenshuConfig
import KenshuCore

/// A feed import's summary as text for the HR office: what changed, the warnings, the
/// untagged courses with suggested abilities. The one wording of `kenshu import` and of the
/// console's アップロード page.
public enum FeedImportText {
    public static func render(_ summary: FeedImportSummary, catalog: PolicyCatalog) -> String {
        let providers = summary.changes.providers.joined(separator: "・")
        let what = summary.validateOnly
            ? "確認のみで保存していません。取り込むと: \(summary.changes)"
            : "研修機関 \(providers.isEmpty ? "なし" : providers): \(summary.changes)"
        var lines = ["\(FilePaths.name(summary.file))（\(summary.format)）: \(what)、警告 \(summary.warningCount) 件、"
            + String(format: "%.1f MB を %.2f 秒で", Double(summary.bytes) / 1e6, summary.seconds)]
        for warning in summary.warnings { lines.append("  警告: \(warning)") }
        if summary.warningCount > summary.warnings.count {
            lines.append("  ほかに警告 \(summary.warningCount - summary.warnings.count) 件（--json で全件）")
        }
        if summary.validated && summary.schemaDeviations.isEmpty { lines.append("  スキーマ: 適合") }
        for deviation in summary.schemaDeviations { lines.append("  スキーマ: \(deviation)") }
        if summary.untaggedCount > 0 {
            lines.append("  能力のタグがない研修 \(summary.untaggedCount) 件（rules.yaml の courses.abilities で確かめてください）:")
            for course in summary.untagged.prefix(10) {
                let suggested = course.suggestions.map { suggestion in
                    let name = catalog.ability(number: suggestion.ability).map { "\($0.symbol)\($0.shortName)" } ?? "\(suggestion.ability)"
                    return "\(name)（\(String(format: "%.2f", suggestion.score))）"
                }
                lines.append("    「\(course.title)」: "
                    + (suggested.isEmpty ? "候補なし" : "候補 " + suggested.joined(separator: "、")))
            }
        }
        return lines.joined(separator: "\n")
    }
}
