/// The mentor programme's rules (the `mentors` section of `rules.yaml`): who is a mentee,
/// who may mentor whom, and what makes a good pair.
public struct MentorRules: Sendable, Equatable {
    /// Staff hired within this many years are mentees.
    public var menteeHiredWithinYears = 2
    /// Staff promoted into a managerial or supervisory band within this many months are mentees.
    public var menteePromotedWithinMonths = 12
    /// A mentor's band is at least this many ladder steps above the mentee's (same family).
    public var minStepsAbove = 1
    /// A mentor has served at least this many years.
    public var minServiceYears = 8
    /// A mentor who is not a higher step of the mentee's own ladder (another family's
    /// managerial band, or the same step) has served at least this many years more than the
    /// mentee: the policy's mentor is an experienced colleague, a senior (`seniority.yearsMoreInService`).
    public var seniorityYearsMoreInService = 5
    /// Mentees per mentor (a mentor's own capacity may be set per staff id).
    public var capacity = 2
    public var capacityOverrides: [String: Int] = [:]
    /// Families whose mentor may be in the mentee's own department (the "diagonal" rule is
    /// waived: a nursery or the fire service is one department).
    public var sameDepartmentFamilies: Set<JobFamily> = [.nursery, .fire]
    /// The rank distance (ladder steps) a pair is best at.
    public var idealStepDistance = 2
    /// Pairs never to be made (conflicts, past pairs), as staff ids in either order.
    public var excludedPairs: Set<[String]> = []

    public init() {}

    /// Whether the pair is listed as excluded.
    public func isExcluded(_ a: String, _ b: String) -> Bool {
        guard !excludedPairs.isEmpty else { return false }
        return excludedPairs.contains([a, b]) || excludedPairs.contains([b, a])
    }
}
