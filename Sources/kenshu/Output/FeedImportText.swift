import KenshuCore
import KenshuImport

/// A feed import's summary as text: what changed, the warnings, the untagged courses.
enum FeedImportText {
    static func render(_ summary: FeedImportSummary, catalog: PolicyCatalog) -> String {
        let providers = summary.changes.providers.joined(separator: ", ")
        let what = summary.validateOnly
            ? "checked, nothing stored; the import would do: \(summary.changes)"
            : "providers \(providers.isEmpty ? "(none)" : providers); \(summary.changes)"
        var lines = ["\(summary.file) (\(summary.format)): \(what); \(summary.warningCount) warning(s), "
            + String(format: "%.1f MB in %.2f s", Double(summary.bytes) / 1e6, summary.seconds)]
        for warning in summary.warnings { lines.append("  warning: \(warning)") }
        if summary.warningCount > summary.warnings.count {
            lines.append("  … \(summary.warningCount - summary.warnings.count) more warning(s) (see --json)")
        }
        if summary.validated && summary.schemaDeviations.isEmpty { lines.append("  schema: valid") }
        for deviation in summary.schemaDeviations { lines.append("  schema: \(deviation)") }
        if summary.untaggedCount > 0 {
            lines.append("  \(summary.untaggedCount) course(s) no rule tags with an ability (confirm in rules.yaml, courses.abilities):")
            for course in summary.untagged.prefix(10) {
                let suggested = course.suggestions.map { suggestion in
                    let name = catalog.ability(number: suggestion.ability).map { "\($0.symbol)\($0.shortName)" } ?? "\(suggestion.ability)"
                    return "\(name) (\(String(format: "%.2f", suggestion.score)))"
                }
                lines.append("    \(course.id) 「\(course.title)」: "
                    + (suggested.isEmpty ? "no suggestion" : "suggested " + suggested.joined(separator: ", ")))
            }
        }
        return lines.joined(separator: "\n")
    }
}
