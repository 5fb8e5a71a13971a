/// The mentor run's headings as the HR office reads them, shared by `kenshu mentors` and the
/// console's メンター page so both say them one way.
public enum MentorWording {
    public static let unmatched = "メンターが決まらなかった職員"
    public static let groups = "メンターのグループ"
    public static let dryRun = "試行: 何も記録していません"
}

extension MentorPair.Status {
    /// `新しいペア`, `続くペア`, `終わるペア`.
    public var japaneseName: String {
        switch self {
        case .new: "新しいペア"
        case .kept: "続くペア"
        case .ended: "終わるペア"
        }
    }
}
