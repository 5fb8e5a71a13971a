import KenshuCore

/// One course recommended to one person, with the presentation to apply for, its score and
/// the reasons in words (kept with the recommendation).
public struct Recommendation: Sendable, Hashable, Codable {
    public var provider: String
    public var courseID: String
    public var presentationID: String
    public var title: String
    public var start: LocalDate?
    public var applyBy: LocalDate?
    /// The presentation's seat limit, when it has one (allocated across all staff).
    public var seats: Int?
    public var score: Double
    public var mandatory: Bool
    public var reasons: [String]
    public var parts: ScoreParts
    /// Every provider that advertises the same course (one listing, several sources).
    public var sources: [String]
    /// Where the course is in the listings it was chosen from, and the presentation in the
    /// course (internal bookkeeping).
    var listing: Int?
    var presentationIndex = 0
}

/// What the matching core decided for one person.
public struct PersonRecommendations: Sendable, Codable {
    public var staffID: String
    public var band: String?
    public var gaps: [AbilityGap]
    /// Best first, at most `perPerson`.
    public var recommendations: [Recommendation]
    /// Eligible courses below the cut, best first (for explain).
    public var alsoEligible: [Recommendation]
    /// Courses left out, each with the rule that left it out.
    public var excluded: [Exclusion]
}

/// One member of staff and what the matching gave them: what the mails, `recommend` and
/// `explain` show for that person.
public struct StaffRecommendations: Sendable {
    public var staff: StaffMember
    public var result: PersonRecommendations

    public init(staff: StaffMember, result: PersonRecommendations) {
        self.staff = staff
        self.result = result
    }
}

/// A presentation of a provider's course, as a recommendation names it and the week's
/// record keeps it.
public struct PresentationKey: Sendable, Hashable {
    public var provider: String
    public var courseID: String
    public var presentationID: String

    public init(provider: String, courseID: String, presentationID: String) {
        self.provider = provider
        self.courseID = courseID
        self.presentationID = presentationID
    }

    public init(_ recommendation: Recommendation) {
        self.init(provider: recommendation.provider, courseID: recommendation.courseID,
                  presentationID: recommendation.presentationID)
    }
}
