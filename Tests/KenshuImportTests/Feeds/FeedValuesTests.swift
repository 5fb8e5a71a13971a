import KenshuCore
import Testing
@testable import KenshuImport

/// Lenient reading of feed values: dates, text from HTML, numbers from free text.
struct FeedValuesTests {
    @Test(arguments: ["2026-05-12", "2026-05-12T09:30:00+09:00", "2026-05-12T09:30Z", "2026-05-12 09:30", "2026/5/12",
                      "令和8年5月12日", " 2026-05-12 "])
    func datesInEveryFormFeedsUse(text: String) {
        #expect(FeedValues.date(text) == LocalDate(year: 2026, month: 5, day: 12))
    }

    @Test(arguments: ["", "next spring", "2026-13-01", "2026-02-30T10:00"])
    func proseAndImpossibleDatesAreNil(text: String) {
        #expect(FeedValues.date(text) == nil)
    }

    @Test func markupBecomesText() {
        #expect(FeedValues.plainText("<p>政策&amp;法務</p>\r\n  <br/>入門") == "政策&法務 入門")
        #expect(FeedValues.plainText("&lt;b&gt;bold&lt;/b&gt;") == "<b>bold</b>")
        #expect(FeedValues.plainText("a < b and c > d") == "a < b and c > d")
        #expect(FeedValues.plainText("&#x4E00;&#19968;&unknown; & x") == "一一&unknown; & x")
        #expect(FeedValues.plainText("\u{3000}全角　空白\u{3000}") == "全角 空白")
    }

    @Test func numbersFromFreeText() {
        #expect(FeedValues.integer("30") == 30)
        #expect(FeedValues.integer("定員２０名") == 20)
        #expect(FeedValues.integer("1,200円") == 1200)
        #expect(FeedValues.integer("Variable") == nil)
        #expect(FeedValues.integer("") == nil)
        #expect(FeedValues.integer("99999999999999999999") != nil)
    }
}
