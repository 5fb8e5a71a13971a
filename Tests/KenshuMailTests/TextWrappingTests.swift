import Testing
import KenshuCore
@testable import KenshuMail

/// Plain-text parts wrapped to 76 columns as a terminal counts them.
struct TextWrappingTests {
    @Test func countsWideCharactersAsTwoColumns() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("研修") == 4)
        #expect(DisplayWidth.of("①課題") == 6)
        #expect(DisplayWidth.of("ｱｲ") == 2, "halfwidth katakana is narrow")
    }

    @Test func aLongJapaneseLineBreaksBetweenCharactersButNeverBeforeAClosingMark() {
        let line = String(repeating: "研修のご案内です。", count: 12)
        let wrapped = TextWrapping.wrap(line)
        let lines = wrapped.split(separator: "\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 76 })
        #expect(lines.allSatisfy { !($0.first.map { TextWrapping.noLineStart.contains($0) } ?? false) })
        #expect(lines.joined() == line)
    }

    @Test func numbersWordsAndURLsStayWholeAndAURLStandsAlone() {
        let url = "https://www.example.jp/academy/courses/" + String(repeating: "x", count: 60)
        let line = "  詳細: " + url + " 評価 2.5 に対し期待水準 3.0 の差があります。" + String(repeating: "能力", count: 20)
        let lines = TextWrapping.wrap(line).split(separator: "\n").map(String.init)
        #expect(lines.contains("  " + url))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 76 || $0.trimmingCharacters(in: .whitespaces) == url })
        #expect(lines.contains { $0.contains("2.5") } && lines.contains { $0.contains("3.0") })
    }

    @Test func aBulletContinuesUnderItsTextAndLineEndsAreKept() {
        let text = "first\r\n・" + String(repeating: "あ", count: 50) + "\r\nlast"
        let wrapped = TextWrapping.wrap(text)
        #expect(wrapped.hasPrefix("first\r\n・"))
        #expect(wrapped.contains("\r\n  あ"))
        #expect(wrapped.hasSuffix("\r\nlast"))
        #expect(!wrapped.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func aShortTextIsLeftAlone() {
        let text = "山田 さん\n\n■ おすすめの研修\n  日程: 2027年1月19日(火)\n"
        #expect(TextWrapping.wrap(text) == text)
    }
}

/// The heatmap reads in any client: cell text contrasts 4.5:1 or more on every shade, and the
/// plain-text table fits 76 columns.
struct GapHeatmapLayoutTests {
    @Test func everyShadeGetsATextColourOfAtLeast4Point5To1() {
        for step in 0...200 {
            let background = GapHeatmap.colour(Double(step) / 100)
            let text = GapHeatmap.textColour(on: background)
            let (light, dark) = [GapHeatmap.relativeLuminance(background), GapHeatmap.relativeLuminance(text)]
                .sorted(by: >).pair
            #expect((light + 0.05) / (dark + 0.05) >= 4.5, "\(text) on \(background)")
        }
    }

    @Test func thePlainTextTableFitsItsWidthInBlocksWhenNeeded() {
        let cells = (1...10).map { _ in GapHeatmap.Cell(value: "0.5", colour: "#ffffff", textColour: "#000000") }
        let abilities = ["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨", "⑩"]
        let heatmap = GapHeatmap(abilities: abilities, columns: abilities.map { GapHeatmap.Ability(symbol: $0, name: $0) },
                                 rows: [GapHeatmap.Row(department: "市民生活部市民課窓口サービス係", staff: 3, cells: cells),
                                        GapHeatmap.Row(department: "会計課", staff: 2, cells: cells)])
        let lines = heatmap.textBlocks(width: 76)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 76 }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("市民生活部") && $0.contains("…") }, "a long name is cut")
        #expect(!lines.contains { $0.contains("\t") })
        let narrow = heatmap.textBlocks(width: 60)
        #expect(narrow.allSatisfy { DisplayWidth.of($0) <= 60 }, "\(narrow)")
        #expect(narrow.filter { $0.hasPrefix("所属") }.count == 2, "two blocks of five")
    }
}

private extension Array {
    var pair: (Element, Element) { (self[0], self[1]) }
}
