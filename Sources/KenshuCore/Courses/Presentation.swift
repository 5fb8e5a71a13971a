/// One run of a course (開催回): when and where, how to attend, seats and cost.
public struct Presentation: Sendable, Hashable, Codable {
    /// The feed's id of the presentation; when the feed gives none, the reader derives one
    /// from the course id and the start date.
    public var id: String
    public var start: LocalDate?
    public var end: LocalDate?
    /// 申込締切.
    public var applyBy: LocalDate?
    public var venue: String?
    public var attendance: AttendanceMode
    /// 定員, when the feed states a number.
    public var seats: Int?
    /// As the feed writes it (`無料`, `5,000円`, `0.0000`, `free`): free text in real feeds.
    public var cost: String?

    public init(
        id: String, start: LocalDate? = nil, end: LocalDate? = nil, applyBy: LocalDate? = nil, venue: String? = nil,
        attendance: AttendanceMode = .unknown, seats: Int? = nil, cost: String? = nil
    ) {
        self.id = id
        self.start = start
        self.end = end
        self.applyBy = applyBy
        self.venue = venue
        self.attendance = attendance
        self.seats = seats
        self.cost = cost
    }
}

/// How a presentation is attended.
public enum AttendanceMode: String, Sendable, Hashable, Codable, CaseIterable {
    case onsite, online, blended, unknown
}
