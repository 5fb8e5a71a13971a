/// The HR admins' matching rules (the `levels`, `evaluation` and `recommendations` sections
/// of `rules.yaml`): what each rank expects, how ratings make an evaluated level, and how
/// courses are chosen and weighed. Defaults apply to whatever the rules leave out.
public struct MatchingRules: Sendable, Equatable {
    /// Expected level (1〜5) of the 10 abilities ①〜⑩, per rank band id.
    public var expectedLevels: [String: [Int]]
    /// For bands the rules do not list.
    public var defaultLevels: [Int]
    /// Weight of each rater's rating in the evaluated level.
    public var raterWeights: [RaterRole: Double]
    /// The level assumed for an ability with no rating in the latest period.
    public var priorLevel: Double
    /// Only presentations starting within this many days are recommended.
    public var horizonDays: Int
    /// Recommendations per person.
    public var perPerson: Int
    /// Trainings per person per fiscal year (April〜March), those completed included.
    public var perYear: Int
    /// A course completed less than this many days ago is not recommended again.
    public var completedCooldownDays: Int
    /// A course recommended this many weeks running without being taken up rests (0: never).
    public var noUptakeWeeks: Int
    /// Staff promoted within this many months get their band's 階層別研修 first, as 必須.
    public var newlyPromotedMonths: Int
    public var weights: ScoreWeights
    /// Whom courses are for, by a word of their title (`courses.audiences`): for feeds that
    /// say it only in prose (対象：採用2年目の職員). In the rules' order.
    public var audiences: [TitleAudience] = []
    /// The work of each department (`work`): which courses are domain courses, and for whom.
    public var work = WorkRules()

    /// How much each part of a course's score counts.
    public struct ScoreWeights: Sendable, Equatable {
        /// Σ gap × the course's weight for the ability.
        public var gap = 1.0
        /// The course names the person's band or title (half when it names none).
        public var rank = 0.5
        /// ゼネラリスト/プロフェッショナル course for a person on that track.
        public var track = 0.5
        /// The course builds the person's digital talent tier.
        public var tier = 0.5
        /// The course develops abilities the person has not trained in the last year.
        public var novelty = 0.3
        /// Added for a 必須 階層別研修, so it comes first.
        public var mandatory = 100.0

        public init() {}
    }

    public init(
        expectedLevels: [String: [Int]] = [:], defaultLevels: [Int] = Array(repeating: 3, count: 10),
        raterWeights: [RaterRole: Double] = [.selfRating: 1, .primary: 2, .secondary: 2], priorLevel: Double = 2.5,
        horizonDays: Int = 120, perPerson: Int = 5, perYear: Int = 6, completedCooldownDays: Int = 1_095, noUptakeWeeks: Int = 4, newlyPromotedMonths: Int = 6,
        weights: ScoreWeights = .init()
    ) {
        self.expectedLevels = expectedLevels
        self.defaultLevels = defaultLevels
        self.raterWeights = raterWeights
        self.priorLevel = priorLevel
        self.horizonDays = horizonDays
        self.perPerson = perPerson
        self.perYear = perYear
        self.completedCooldownDays = completedCooldownDays
        self.noUptakeWeeks = noUptakeWeeks
        self.newlyPromotedMonths = newlyPromotedMonths
        self.weights = weights
    }

    /// The expected levels of a band: its own, else the default.
    public func levels(for band: String) -> [Int] {
        expectedLevels[band] ?? defaultLevels
    }
}

/// A course audience the rules give every course whose title contains `word`, in place of
/// the ranks and audiences its feed gives.
public struct TitleAudience: Sendable, Equatable {
    public var word: String
    public var audience: CourseAudience

    public init(word: String, audience: CourseAudience) {
        self.word = word
        self.audience = audience
    }
}
