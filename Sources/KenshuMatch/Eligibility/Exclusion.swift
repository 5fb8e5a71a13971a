import KenshuCore

/// Why a course is not recommended to a person: each rule of eligibility, with the words
/// `kenshu explain` shows.
public enum ExclusionReason: Sendable, Hashable, Codable {
    case optedOut
    case dispatch
    case family(targets: [String])
    case rank(targets: [String])
    /// Not in the course's audiences (採用1年目 …) nor of the ranks it names.
    case audience(ranks: [String], audiences: [CourseAudience])
    /// Not whom the feed's audience lines name; `unread`: what of them Kenshu could not read.
    case audienceLine(lines: [String], unread: [String])
    /// A domain course (its fields owned by departments, `work`) outside the person's work.
    case work(fields: [String])
    case digitalTier(target: String)
    case applyByPassed(LocalDate)
    case outsideHorizon(firstStart: LocalDate?, days: Int)
    case noPresentation
    case completed(on: LocalDate)
    case noUptake(weeks: Int)
    case untagged
    /// The presentation's seats went to others, where they closed larger gaps.
    case seatsTaken
    /// The person has reached the rules' trainings per fiscal year.
    case yearlyCapReached

    /// In Japanese, with the policy's names for bands and digital tiers (`general.shuji` →
    /// 一般職 主事): as `kenshu explain` shows it.
    public func text(catalog: PolicyCatalog) -> String {
        func name(_ target: String) -> String {
            catalog.band(id: target)?.label ?? catalog.digitalTier(parsing: target)?.name ?? target
        }
        switch self {
        case .family(let targets): return "対象職種外です（対象: \(targets.map(name).joined(separator: "・"))）"
        case .rank(let targets): return "対象職位外です（対象: \(targets.map(name).joined(separator: "、"))）"
        case .audience(let ranks, let audiences):
            let targets = ranks.map(name) + audiences.map { $0.text(rankName: name) }
            return "対象外です（対象: \(targets.joined(separator: "、"))）"
        case .digitalTier(let target): return "デジタル人材区分が対象外です（対象: \(name(target))）"
        default: return text
        }
    }

    /// In Japanese, as staff and HR read it (targets as the feed or profile names them).
    public var text: String {
        switch self {
        case .optedOut: "配信停止中の職員には推薦しません"
        case .dispatch: "派遣研修は職員への推薦ではなく人事担当の候補リストで扱います"
        case .family(let targets): "対象職種外です（対象: \(targets.joined(separator: "・"))）"
        case .rank(let targets): "対象職位外です（対象: \(targets.joined(separator: "・"))）"
        case .audience(let ranks, let audiences):
            "対象外です（対象: \((ranks + audiences.map { $0.text() }).joined(separator: "、"))）"
        case .audienceLine(let lines, let unread):
            "対象外です（\(lines.joined(separator: "／"))）" + (unread.isEmpty ? ""
                : "。読み取れなかった対象: \(unread.joined(separator: "、"))（rules.yaml の work.roles か work の分野に書くと読めます）")
        case .work(let fields): "担当業務の分野外です（分野: \(fields.joined(separator: "・"))）"
        case .digitalTier(let target): "デジタル人材区分が対象外です（対象: \(target)）"
        case .applyByPassed(let date): "申込締切（\(date)）を過ぎています"
        case .outsideHorizon(let start, let days):
            start.map { "開催（\($0)）が今後\(days)日以内ではありません" } ?? "開催日が未定です"
        case .noPresentation: "開催予定がありません"
        case .completed(let date): "\(date)に修了済みです"
        case .noUptake(let weeks): "\(weeks)週続けて推薦しましたが受講につながっていないため、しばらく推薦を控えます"
        case .untagged: "能力のタグがなく、ギャップを埋める根拠がありません（rules.yaml の courses.abilities で確認）"
        case .seatsTaken: "定員の枠は、より大きなギャップを埋める他の職員に割り当てました"
        case .yearlyCapReached: "今年度の受講上限に達しています"
        }
    }
}

/// A course left out for a person, and why.
public struct Exclusion: Sendable, Hashable, Codable {
    public var provider: String
    public var courseID: String
    public var title: String
    public var reason: ExclusionReason
}
