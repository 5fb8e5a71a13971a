import Foundation
import KenshuConfig
import KenshuCore

/// When the weekly cycle is due: one slot per ISO week (weekday and local time in a zone,
/// default Monday 07:00 Asia/Tokyo). A week runs once; a week whose slot passed while the
/// daemon was down runs at start, unless the next slot comes within `catchUpHorizon`, when
/// waiting for it spares staff two mails in a day.
public struct WeeklySchedule: Sendable {
    public let weekday: Int
    public let hour: Int
    public let minute: Int
    public let timeZone: TimeZone
    /// A missed week is not caught up when the next slot is nearer than this.
    public var catchUpHorizon: TimeInterval = 24 * 3600

    /// What to do now.
    public enum Decision: Sendable, Equatable {
        /// Run the cycle of `week`, evaluating as of `day`.
        case run(week: ISOWeek, day: LocalDate)
        /// Nothing due: the next slot is `week`'s, at `at`.
        case wait(until: Date, week: ISOWeek)
    }

    public init(weekday: Int, hour: Int, minute: Int, timeZone: TimeZone) {
        self.weekday = weekday
        self.hour = hour
        self.minute = minute
        self.timeZone = timeZone
    }

    public init(_ settings: ServeSettings) {
        self.init(weekday: settings.weekday, hour: settings.hour, minute: settings.minute, timeZone: settings.zone)
    }

    /// The instant of `week`'s slot.
    public func slot(of week: ISOWeek) -> Date {
        let day = week.monday.adding(days: weekday - 1)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute)
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400)
    }

    /// The local date of `instant` in the schedule's zone.
    public func localDate(_ instant: Date) -> LocalDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return LocalDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? LocalDate(daysSinceEpoch: 0)
    }

    /// What is due at `now`, given which weeks have run.
    public func decide(now: Date, hasRun: (ISOWeek) -> Bool) -> Decision {
        let today = localDate(now)
        let current = ISOWeek(containing: today)
        let currentSlot = slot(of: current)
        if now >= currentSlot {
            if !hasRun(current) { return .run(week: current, day: today) }
            let next = ISOWeek(containing: current.monday.adding(days: 7))
            return .wait(until: slot(of: next), week: next)
        }
        let previous = current.minus(weeks: 1)
        if !hasRun(previous), currentSlot.timeIntervalSince(now) > catchUpHorizon {
            return .run(week: previous, day: previous.monday.adding(days: 6))
        }
        return .wait(until: currentSlot, week: current)
    }
}
