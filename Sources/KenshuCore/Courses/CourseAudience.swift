/// Whom a course is for when a band alone does not say it: the newly hired (採用1年目),
/// young staff (若手職員, the policy's 採用後10年程度まで), the newly promoted to a band (新任係長).
///
/// A person is in the audience when their title or band is among `ranks` (any, when empty),
/// and their years of service and years in their band fall in the spans given. Years are
/// counted as the city counts them, in fiscal years (April to March): the fiscal year of hire
/// is 採用1年目, that of the 現職位発令日 is 昇任1年目. They are counted for the fiscal year
/// the course runs in, so an April course for new hires is not offered to this year's.
/// A person whose date is unknown is not in an audience that asks for it.
public struct CourseAudience: Sendable, Hashable, Codable {
    /// Titles (職名) or band ids, as `Course.ranks`; empty: any rank.
    public var ranks: [String]
    /// Years of service: 1 is the fiscal year of hire.
    public var serviceYears: YearSpan?
    /// Years in the current band: 1 is the fiscal year of the 現職位発令日.
    public var rankYears: YearSpan?

    public init(ranks: [String] = [], serviceYears: YearSpan? = nil, rankYears: YearSpan? = nil) {
        self.ranks = ranks
        self.serviceYears = serviceYears
        self.rankYears = rankYears
    }

    private enum CodingKeys: String, CodingKey {
        case ranks, serviceYears, rankYears
    }

    /// Reads the stored form, where an empty `ranks` is left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        ranks = try container.decodeIfPresent([String].self, forKey: .ranks) ?? []
        serviceYears = try container.decodeIfPresent(YearSpan.self, forKey: .serviceYears)
        rankYears = try container.decodeIfPresent(YearSpan.self, forKey: .rankYears)
    }

    /// Whether a person hired on `hiredOn`, in their band since `rankSince`, is in the years
    /// of this audience during `fiscalYear` (the ranks are checked by the caller, who knows
    /// the bands).
    public func matchesYears(hiredOn: LocalDate?, rankSince: LocalDate?, fiscalYear: Int) -> Bool {
        if let span = serviceYears {
            guard let hiredOn, span.contains(fiscalYear - hiredOn.fiscalYear + 1) else { return false }
        }
        if let span = rankYears {
            guard let rankSince, span.contains(fiscalYear - rankSince.fiscalYear + 1) else { return false }
        }
        return true
    }

    /// In Japanese, as a reason names it: 採用1年目の職員, 採用10年目までの職員,
    /// 昇任1年目の係長. `rankName` gives a rank's name (a band id's label).
    public func text(rankName: (String) -> String = { $0 }) -> String {
        let who = ranks.isEmpty ? "職員" : ranks.map(rankName).joined(separator: "・")
        var when: [String] = []
        if let span = serviceYears { when.append("採用\(span.text)") }
        if let span = rankYears { when.append("昇任\(span.text)") }
        return when.isEmpty ? who : "\(when.joined(separator: "・"))の\(who)"
    }
}

/// A span of years counted from 1, both ends included: `1` is the first year alone, `1-10`
/// the first ten.
public struct YearSpan: Sendable, Hashable, Codable {
    public var from: Int
    public var to: Int

    public init(from: Int, to: Int) {
        self.from = from
        self.to = to
    }

    public func contains(_ year: Int) -> Bool { from <= year && year <= to }

    /// 1年目, 10年目まで, 2〜3年目.
    public var text: String {
        if from == to { return "\(from)年目" }
        return from <= 1 ? "\(to)年目まで" : "\(from)〜\(to)年目"
    }

    /// `3`, `1-10` or `1〜10` (whole years from 1 to 60, the first not after the second).
    public init?(parsing text: String) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "〜" || $0 == "~" }).map { String($0).trimmingWhitespace() }
        let numbers = parts.compactMap { Int($0) }
        guard numbers.count == parts.count, (1...2).contains(numbers.count),
              let first = numbers.first, let last = numbers.last,
              (1...60).contains(first), (1...60).contains(last), first <= last,
              text.filter({ $0 == "-" || $0 == "〜" || $0 == "~" }).count == numbers.count - 1 else { return nil }
        self.init(from: first, to: last)
    }
}
