/// A job family (職種): staff records carry it, and (family, title) resolves to one rank band.
public enum JobFamily: String, Sendable, Hashable, Codable, CaseIterable {
    /// 一般職: administrative and technical staff.
    case general = "一般職"
    /// 保育士職: nursery teachers.
    case nursery = "保育士職"
    /// 現業職: manual and service workers (工務員, 調理員 …).
    case manual = "現業職"
    /// 公安職: fire service.
    case fire = "公安職"

    /// The stable ASCII id used in band ids and rules (`general`, `nursery`, `manual`, `fire`).
    public var id: String {
        switch self {
        case .general: "general"
        case .nursery: "nursery"
        case .manual: "manual"
        case .fire: "fire"
        }
    }

    /// The Japanese name as in the policy (一般職 …).
    public var japaneseName: String { rawValue }

    /// Reads a family from its Japanese name or its ASCII id, ignoring surrounding spaces.
    public init?(parsing text: String) {
        let key = text.trimmingWhitespace()
        guard let family = Self.allCases.first(where: { $0.rawValue == key || $0.id == key.lowercased() }) else {
            return nil
        }
        self = family
    }
}
