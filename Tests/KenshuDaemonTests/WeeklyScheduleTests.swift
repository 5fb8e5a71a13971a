import Foundation
import KenshuCore
import Testing
@testable import KenshuDaemon

@Suite struct WeeklyScheduleTests {
    let tokyo = WeeklySchedule(weekday: 1, hour: 7, minute: 0, timeZone: TimeZone(identifier: "Asia/Tokyo") ?? .current)

    func at(_ text: String) throws -> Date { try Date(text, strategy: .iso8601) }

    @Test func theSlotIsMondaySevenInTokyo() throws {
        #expect(tokyo.slot(of: ISOWeek(year: 2026, week: 49)) == (try at("2026-11-30T07:00:00+09:00")))
    }

    @Test func waitsForThisWeeksSlotWhenLastWeekRan() throws {
        let decision = tokyo.decide(now: try at("2026-11-30T06:59:58+09:00")) { $0 == ISOWeek(year: 2026, week: 48) }
        #expect(decision == .wait(until: try at("2026-11-30T07:00:00+09:00"), week: ISOWeek(year: 2026, week: 49)))
    }

    @Test func runsAtTheSlotAsOfThatDay() throws {
        let decision = tokyo.decide(now: try at("2026-11-30T07:00:01+09:00")) { _ in false }
        #expect(decision == .run(week: ISOWeek(year: 2026, week: 49), day: LocalDate(year: 2026, month: 11, day: 30) ?? .init(daysSinceEpoch: 0)))
    }

    @Test func aMissedWeekRunsOnceAtStartAndThenWaitsForNextWeek() throws {
        let thursday = try at("2026-12-03T10:00:00+09:00")
        #expect(tokyo.decide(now: thursday) { _ in false }
            == .run(week: ISOWeek(year: 2026, week: 49), day: LocalDate(year: 2026, month: 12, day: 3) ?? .init(daysSinceEpoch: 0)))
        #expect(tokyo.decide(now: thursday) { $0 == ISOWeek(year: 2026, week: 49) }
            == .wait(until: try at("2026-12-07T07:00:00+09:00"), week: ISOWeek(year: 2026, week: 50)))
    }

    @Test func aMissedWeekIsNotCaughtUpHoursBeforeTheNextSlot() throws {
        // Monday 01:00: last week never ran, but this week's run comes in 6 hours.
        let decision = tokyo.decide(now: try at("2026-11-30T01:00:00+09:00")) { _ in false }
        #expect(decision == .wait(until: try at("2026-11-30T07:00:00+09:00"), week: ISOWeek(year: 2026, week: 49)))
    }

    @Test func aMissedWeekDaysBeforeALateSlotRunsAsOfItsLastDay() throws {
        let friday = WeeklySchedule(weekday: 5, hour: 9, minute: 30, timeZone: tokyo.timeZone)
        let decision = friday.decide(now: try at("2026-12-01T12:00:00+09:00")) { _ in false }
        #expect(decision == .run(week: ISOWeek(year: 2026, week: 48), day: LocalDate(year: 2026, month: 11, day: 29) ?? .init(daysSinceEpoch: 0)))
    }

    @Test func theWeekIsTheOfficesWeekNotUTCs() throws {
        // Sunday 23:30 UTC is already Monday 08:30 in Tokyo.
        let decision = tokyo.decide(now: try at("2026-11-29T23:30:00Z")) { _ in false }
        #expect(decision == .run(week: ISOWeek(year: 2026, week: 49), day: LocalDate(year: 2026, month: 11, day: 30) ?? .init(daysSinceEpoch: 0)))
    }
}
