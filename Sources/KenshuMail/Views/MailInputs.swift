import KenshuCore
import KenshuMatch
import KenshuStore

/// Everything the week's mails are made from, gathered once by the cycle: the matching's
/// results, the week before's recommendations, the new mentor pairs, the training history
/// and what the store says of the imports.
public struct MailInputs: Sendable {
    public var day: LocalDate
    public var week: ISOWeek
    /// Active staff by id.
    public var staff: [String: StaffMember]
    /// This week's recommendations, per member of staff.
    public var entries: [StaffRecommendations]
    /// The courses (`provider`␟`courseID`) each person was recommended the week before.
    public var previousWeek: [String: Set<String>]
    /// Pairs that started this week.
    public var newPairs: [(mentor: String, mentee: String)]
    public var unmatchedMentees: [UnmatchedMentee]
    public var shortlists: [DispatchShortlist]
    public var listings: [CourseListing]
    /// `listings` by `CourseKey`.
    private var listingIndex: [String: (listing: CourseListing, source: CourseListing.Source)]
    public var history: [String: [TrainingRecord]]
    /// Each provider's catalogue and its last feed import.
    public var providers: [ProviderCatalogCounts]
    /// Rejected feeds that name no provider, newest first.
    public var rejectedFeeds: [FeedImportEntry]
    /// Data-quality warnings for the HR office.
    public var warnings: [DataQualityWarning]

    public init(
        day: LocalDate, staff: [StaffMember], entries: [StaffRecommendations], previousWeek: [String: Set<String>],
        newPairs: [(mentor: String, mentee: String)], unmatchedMentees: [UnmatchedMentee], shortlists: [DispatchShortlist],
        listings: [CourseListing], history: [String: [TrainingRecord]], providers: [ProviderCatalogCounts],
        rejectedFeeds: [FeedImportEntry], warnings: [DataQualityWarning]
    ) {
        self.day = day
        self.week = ISOWeek(containing: day)
        self.staff = Dictionary(staff.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.entries = entries
        self.previousWeek = previousWeek
        self.newPairs = newPairs
        self.unmatchedMentees = unmatchedMentees
        self.shortlists = shortlists
        self.listings = listings
        self.listingIndex = Self.index(listings)
        self.history = history
        self.providers = providers
        self.rejectedFeeds = rejectedFeeds
        self.warnings = warnings
    }

    /// The listing and source of a provider's course (for titles, dates, links in the mails).
    func listing(provider: String, courseID: String) -> (listing: CourseListing, source: CourseListing.Source)? {
        listingIndex[CourseKey.make(provider: provider, courseID: courseID)]
    }

    /// Whether `staffID` was not recommended `recommendation`'s course the week before.
    func isNew(_ recommendation: Recommendation, for staffID: String) -> Bool {
        !(previousWeek[staffID] ?? []).contains(CourseKey.make(provider: recommendation.provider, courseID: recommendation.courseID))
    }

    private static func index(_ listings: [CourseListing]) -> [String: (listing: CourseListing, source: CourseListing.Source)] {
        var index: [String: (listing: CourseListing, source: CourseListing.Source)] = [:]
        for listing in listings {
            for source in listing.sources { index[CourseKey.make(provider: source.provider.id, courseID: source.courseID)] = (listing, source) }
        }
        return index
    }

    /// Completed courses without a 復命書 for at least `days` days, completed within the last year.
    func overdueReports(of staffID: String, days: Int) -> [TrainingRecord] {
        (history[staffID] ?? []).filter { record in
            record.reportFiledOn == nil && record.completedOn.adding(days: days) <= day
                && record.completedOn.adding(days: 365) > day
        }.sorted { $0.completedOn < $1.completedOn }
    }
}
