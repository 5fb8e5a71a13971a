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
        let unit = kind.reviewedUnit
        let limit = threshold * Double(impact.before)
        let over = "しきい値 \(Self.percent(threshold))（data.review.threshold）を超えます"
        switch kind {
        case .roster, .evaluations:
            if impact.removed > 0 {
                changes.append("\(noun) \(impact.before) \(unit)のうち \(impact.removed) \(unit)\(kind.removal)")
            }
            if impact.changed > 0 {
                changes.append("\(noun) \(impact.before) \(unit)のうち \(impact.changed) \(unit)の内容を変える")
            }
            let affected = impact.removed + impact.changed
            if impact.before > 0, Double(affected) > limit {
                reasons.append("\(noun) \(impact.before) \(unit)のうち \(affected) \(unit)"
                    + "（\(Self.percent(affected, of: impact.before))）が外れるか変わり、\(over)")
            }
        case .history:
            if impact.changed > 0 {
                changes.append("\(noun) \(impact.before) \(unit)のうち \(impact.changed) \(unit)の復命書提出日を変える")
            }
        }
        for spec in columns {
            guard let field = impact.fields[spec.key] else { continue }
            if field.changed > 0 {
                let blanked = field.blanked > 0 ? "（値のある \(field.filled) \(unit)のうち \(field.blanked) \(unit)が空になる）" : ""
                changes.append("\(spec.label): \(field.changed) \(unit)変更\(blanked)")
            }
            if field.blanked >= Self.minimumBlanked, Double(field.blanked) > threshold * Double(field.filled) {
                reasons.append("\(spec.label)が、値のある\(noun) \(field.filled) \(unit)のうち \(field.blanked) \(unit)"
                    + "（\(Self.percent(field.blanked, of: field.filled))）で空になり、\(over)")
            }
        }
        self.changes = changes
        self.reasons = reasons
    }

    /// The summary a held-back import prints.
    public var description: String {
        var lines = ["保留しました: " + reasons.joined(separator: "。")]
        if !changes.isEmpty { lines.append("取り込むと変わること:") }
        lines += changes.map { "  " + $0 }
        lines.append(Self.acceptInstruction)
        return lines.joined(separator: "\n")
    }

    /// The summary's last line: how to apply a held import from the command line (the console
    /// shows its own button instead).
    public static let acceptInstruction = "保管データは変えていません。変更が正しければ --accept を付けてもう一度取り込んでください"
        + "（週次処理では kenshu.yaml に data.review.acceptScheduled: true）"

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
        case .roster: "在職の職員"
        case .evaluations: "評価のある職員"
        case .history: "記録済みの研修履歴"
        }
    }

    /// Its counter word: 人 or 件.
    var reviewedUnit: String {
        self == .history ? "件" : "人"
    }

    /// What removing one means, after the count: を名簿から外す.
    var removal: String {
        switch self {
        case .roster: "を名簿から外す（在職でなくする）"
        case .evaluations: "の評価を消す"
        case .history: "を消す"
        }
    }
}
