/// An ISO 8601 week (`2026-W48`): the weekly run's unit, Monday to Sunday.
public struct ISOWeek: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var week: Int

    public init(year: Int, week: Int) {
        self.year = year
        self.week = week
    }

    /// The week a day falls in (the week belongs to the year of its Thursday).
    public init(containing date: LocalDate) {
        let thursday = date.adding(days: 4 - ISOWeek.weekday(date))
        let januaryFirst = LocalDate(year: thursday.year, month: 1, day: 1) ?? thursday
        year = thursday.year
        week = (thursday.daysSinceEpoch - januaryFirst.daysSinceEpoch) / 7 + 1
    }

    /// `2026-W48`, or nil.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), parts[1].hasPrefix("W"), let week = Int(parts[1].dropFirst()),
              (1...53).contains(week) else { return nil }
        self.init(year: year, week: week)
    }

    /// The Monday of the week.
    public var monday: LocalDate {
        let januaryFourth = LocalDate(year: year, month: 1, day: 4) ?? LocalDate(daysSinceEpoch: 0)
        return januaryFourth.adding(days: 1 - ISOWeek.weekday(januaryFourth) + 7 * (week - 1))
    }

    /// Monday 1 … Sunday 7 (1970-01-01 was a Thursday).
    public static func weekday(_ date: LocalDate) -> Int {
        ((date.daysSinceEpoch % 7 + 7) % 7 + 3) % 7 + 1
    }

    /// The week `count` weeks earlier.
    public func minus(weeks count: Int) -> ISOWeek { ISOWeek(containing: monday.adding(days: -7 * count)) }

    public var description: String { "\(year)-W\(week < 10 ? "0" : "")\(week)" }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool { (lhs.year, lhs.week) < (rhs.year, rhs.week) }
}
