import Testing
@testable import KenshuCore

/// Dates as the HR system writes them.
struct LocalDateTests {
    @Test(arguments: [
        ("2026-04-01", "2026-04-01"), ("2026/4/1", "2026-04-01"), ("2026.4.1", "2026-04-01"),
        ("2026年4月1日", "2026-04-01"), ("令和8年4月1日", "2026-04-01"), ("令和元年5月1日", "2019-05-01"),
        ("平成31年4月30日", "2019-04-30"), ("平成10年4月1日", "1998-04-01"), ("昭和64年1月7日", "1989-01-07"),
        ("R8.4.1", "2026-04-01"), ("H31/4/30", "2019-04-30"), ("２０２６／４／１", "2026-04-01"), (" 2024-02-29 ", "2024-02-29"),
    ])
    func readsEveryWrittenForm(text: String, expected: String) {
        #expect(LocalDate(parsing: text)?.description == expected)
    }

    @Test(arguments: [
        "", "2026-13-01", "2026-02-30", "2025-02-29", "2026/4", "2026-04-01x", "平成32年1月1日", "令和1年4月30日",
        "昭和64年1月8日", "26/4/1", "April 1, 2026", "2026--04-01", "2026-4-1-1", "2026-04-001",
        "0999-01-01", "2026-0x-01", "2026-04-+1",
    ])
    func rejectsWhatIsNotADate(text: String) {
        #expect(LocalDate(parsing: text) == nil)
    }

    /// The store's own form is read straight from its bytes: the same day back for every day
    /// of a long span.
    @Test func everyStoredDateReadsBack() {
        for days in stride(from: -25_000, through: 40_000, by: 1) {
            let date = LocalDate(daysSinceEpoch: days)
            guard date.year >= 1000 else { continue }
            #expect(LocalDate(parsing: date.description) == date)
        }
    }

    @Test func countsDaysAndMonths() throws {
        let date = try #require(LocalDate(year: 2026, month: 1, day: 31))
        #expect(date.adding(months: 1).description == "2026-02-28")
        #expect(date.adding(days: 1).description == "2026-02-01")
        #expect(LocalDate(daysSinceEpoch: date.daysSinceEpoch) == date)
        #expect(LocalDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(date.months(until: try #require(LocalDate(year: 2026, month: 4, day: 30))) == 2)
    }

    @Test func fiscalYearRunsAprilToMarch() {
        #expect(LocalDate(year: 2027, month: 3, day: 31)?.fiscalYear == 2026)
        #expect(LocalDate(year: 2026, month: 4, day: 1)?.fiscalYear == 2026)
    }
}

/// ISO weeks: the year of the Thursday, Monday first.
struct ISOWeekTests {
    @Test(arguments: [
        ("2026-11-25", "2026-W48"), ("2026-11-23", "2026-W48"), ("2026-11-29", "2026-W48"), ("2026-11-30", "2026-W49"),
        ("2021-01-03", "2020-W53"), ("2024-12-30", "2025-W01"), ("2027-01-01", "2026-W53"), ("2026-01-01", "2026-W01"),
    ])
    func theWeekOfADay(day: String, week: String) throws {
        let date = try #require(LocalDate(parsing: day))
        #expect(ISOWeek(containing: date).description == week)
        #expect(ISOWeek(parsing: week) == ISOWeek(containing: date))
        #expect(ISOWeek(containing: ISOWeek(containing: date).monday) == ISOWeek(containing: date))
    }

    @Test func weeksCountBackAcrossTheYear() throws {
        let week = try #require(ISOWeek(parsing: "2026-W02"))
        #expect(week.minus(weeks: 2).description == "2025-W52")
        #expect(ISOWeek(parsing: "2026-W54") == nil)
    }
}
