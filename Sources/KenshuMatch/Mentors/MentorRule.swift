/// A hard rule of the mentor programme that keeps a mentor from a mentee, in the words
/// `kenshu mentors` shows.
public enum MentorRule: String, Sendable, Hashable, Codable, CaseIterable {
    case notTrained, inactive, notSenior, tooJunior, sameDepartment, inManagementChain, excludedPair, isSelf

    public var text: String {
        switch self {
        case .notTrained: "メンター研修を修了していません"
        case .inactive: "在職していません"
        case .notSenior: "メンティーの先輩ではありません（同じ職種でより上の職位か、勤続が十分に長いこと）"
        case .tooJunior: "勤続年数が足りません"
        case .sameDepartment: "同じ所属です（斜めの関係を優先）"
        case .inManagementChain: "メンティーの上司（指揮系統）です"
        case .excludedPair: "除外するペアに指定されています"
        case .isSelf: "本人です"
        }
    }
}
