/// A course's score for a person, part by part (`kenshu explain` shows each), before and
/// after the rules' weights.
public struct ScoreParts: Sendable, Hashable, Codable {
    /// Σ gap × the course's weight for each ability it develops.
    public var gap = 0.0
    /// 1 when the course names the person's band or title, 0.5 when it names no rank.
    public var rank = 0.0
    /// 1 when a ゼネラリスト or プロフェッショナル course meets a person on that track.
    public var track = 0.0
    /// 1 when the course builds the person's digital talent tier.
    public var tier = 0.0
    /// Share of the course's abilities the person has not trained in the last year.
    public var novelty = 0.0
    /// The band's 階層別研修 for someone newly promoted into it.
    public var mandatory = false
    /// The weighted sum.
    public var total = 0.0
}
