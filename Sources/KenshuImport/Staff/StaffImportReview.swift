import KenshuCore
import KenshuStore

/// What a staff-data import would change, weighed against the config's threshold
/// (`data.review.threshold`): an import that would deactivate or change more than that share
/// of what is stored, or blank a field for more than that share of those who have it, is
/// held back (with this as its summary) until someone runs it with `--accept`.
public struct StaffImportReview: Sendable, Codable, Equatable {
    public var kind: StaffDataKind
    public var impact: ImportImpact
    /// The threshold it was weighed against (0.1 = 10 %).
    public var threshold: Double
    /// What the import would change, one line each.
    public var changes: [String]
    /// Why it is held back; empty when it may go ahead.
    public var reasons: [String]

    public var isHeld: Bool { !reasons.isEmpty }

    /// A field must lose its value for at least this many records to count as blanked, so
    /// that one person's cleared mail address among three never holds the roster back.
    static let minimumBlanked = 2

    init(kind: StaffDataKind, impact: ImportImpact, threshold: Double, columns: [ColumnSpec]) {
        self.kind = kind
        self.impact = impact
        self.threshold = threshold
        var changes: [String] = []
        var reasons: [String] = []
        let noun = kind.reviewedRecords
        let limit = threshold * Double(impact.before)
        switch kind {
        case .roster, .evaluations:
            if impact.removed > 0 {
                changes.append("\(kind.removalVerb) \(impact.removed) of \(impact.before) \(noun)")
            }
            if impact.changed > 0 {
                changes.append("change \(impact.changed) of \(impact.before) \(noun)")
            }
            let affected = impact.removed + impact.changed
            if impact.before > 0, Double(affected) > limit {
                reasons.append("it would \(kind.removalVerb) or change \(affected) of \(impact.before) \(noun) "
                    + "(\(Self.percent(affected, of: impact.before)), more than \(Self.percent(threshold)))")
            }
        case .history:
            if impact.changed > 0 {
                changes.append("change the report date of \(impact.changed) of \(impact.before) known \(noun)")
            }
        }
        for spec in columns {
            guard let field = impact.fields[spec.key] else { continue }
            if field.changed > 0 {
                let blanked = field.blanked > 0 ? " (blank for \(field.blanked) of the \(field.filled) who have it)" : ""
                changes.append("\(spec.label): \(field.changed) changed\(blanked)")
            }
            if field.blanked >= Self.minimumBlanked, Double(field.blanked) > threshold * Double(field.filled) {
                reasons.append("it would blank \(spec.label) for \(field.blanked) of the \(field.filled) \(noun) that have it "
                    + "(\(Self.percent(field.blanked, of: field.filled)), more than \(Self.percent(threshold)))")
            }
        }
        self.changes = changes
        self.reasons = reasons
    }

    /// The summary a held-back import prints.
    public var description: String {
        var lines = ["held back: " + reasons.joined(separator: "; ")]
        if !changes.isEmpty { lines.append("what it would change:") }
        lines += changes.map { "  " + $0 }
        lines.append("the store is as it was; if these changes are right, import the file again with --accept "
            + "(the weekly run: data.review.acceptScheduled: true in kenshu.yaml)")
        return lines.joined(separator: "\n")
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        percent(whole == 0 ? 0 : Double(part) / Double(whole))
    }

    static func percent(_ share: Double) -> String {
        let value = share * 100
        return value == value.rounded() ? "\(Int(value))%" : "\((value * 10).rounded() / 10)%"
    }
}

extension StaffDataKind {
    /// What `ImportImpact.before` counts for this kind.
    var reviewedRecords: String {
        switch self {
        case .roster: "active staff"
        case .evaluations: "rated staff"
        case .history: "trainings"
        }
    }

    var removalVerb: String {
        switch self {
        case .roster: "deactivate"
        case .evaluations: "remove the ratings of"
        case .history: "remove"
        }
    }
}
