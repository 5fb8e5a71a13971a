import Foundation
import KenshuCore
import KenshuMatch

/// The HR report's heatmap: the average gap per ability (columns ①〜⑩) and department
/// (rows), each cell with a background colour from white (no gap) to deep red (a gap of
/// `fullScale` or more). The HR report and the console's 今週 page show the same values.
public struct GapHeatmap: Sendable {
    public struct Cell: Sendable {
        public var value: String
        public var colour: String
        /// Black or white, whichever reads better on `colour` (at least 4.5:1 on every shade).
        public var textColour: String
        /// The gap in tenths, 0…20 (a gap of `fullScale` or more is 20): for pages whose policy
        /// forbids inline styles, which colour the cell by a class per shade (`shadeColours`).
        public var shade = 0
    }

    /// An ability's column: its symbol (①) and its name as the policy writes it.
    public struct Ability: Sendable {
        public var symbol: String
        public var name: String
    }

    public struct Row: Sendable {
        public var department: String
        public var staff: Int
        public var cells: [Cell]
    }

    public var abilities: [String]
    /// The columns with their names (the HTML headers' titles and the legend).
    public var columns: [Ability]
    public var rows: [Row]
    /// The table as plain text: columns aligned by display width, in blocks of abilities that
    /// each fit `TextWrapping.width` columns (one block when the departments' names allow).
    public var textLines: [String] = []
    /// The table's heading.
    public var title = "能力別・所属別の平均ギャップ（期待水準 − 評価）"
    /// The colour scale in words, for under the table.
    public var legend = "色: 白 = ギャップなし、濃い赤 = \(MailText.level(fullScale)) 以上。"

    static let fullScale = 2.0

    /// Rows in the city's order of departments: those `order` names first, in its order, then
    /// the others as the roster lists them (by staff id).
    static func make(_ entries: [StaffRecommendations], catalog: PolicyCatalog, order: [String] = []) -> GapHeatmap {
        make(people: entries.map { ($0.staff, $0.result.band, $0.result.gaps) }, catalog: catalog, order: order)
    }

    /// The heatmap of `people` (active staff with their band id and gaps); those without a band
    /// are left out, as the HR report leaves them out.
    public static func make(
        people: [(staff: StaffMember, band: String?, gaps: [AbilityGap])], catalog: PolicyCatalog, order: [String] = []
    ) -> GapHeatmap {
        let numbers = catalog.abilities.map(\.number)
        var sums: [String: [Int: (total: Double, count: Int)]] = [:]
        var staffCount: [String: Int] = [:]
        var seen: [String] = []
        for person in people.sorted(by: { $0.staff.id < $1.staff.id }) where person.band != nil {
            let department = person.staff.department.isEmpty ? "（所属なし）" : person.staff.department
            if staffCount[department] == nil { seen.append(department) }
            staffCount[department, default: 0] += 1
            for gap in person.gaps {
                let current = sums[department, default: [:]][gap.ability] ?? (0, 0)
                sums[department, default: [:]][gap.ability] = (current.total + gap.gap, current.count + 1)
            }
        }
        let listed = order.filter { staffCount[$0] != nil }
        let departments = listed + seen.filter { !listed.contains($0) }
        let rows = departments.map { department in
            Row(department: department, staff: staffCount[department] ?? 0, cells: numbers.map { number in
                guard let sum = sums[department]?[number], sum.count > 0 else {
                    return Cell(value: "–", colour: "#ffffff", textColour: "#000000")
                }
                let mean = sum.total / Double(sum.count)
                let background = colour(mean)
                return Cell(value: MailText.level(mean), colour: background, textColour: textColour(on: background),
                            shade: Int((min(fullScale, max(0, mean)) * 10).rounded()))
            })
        }
        var heatmap = GapHeatmap(abilities: catalog.abilities.map(\.symbol),
                                 columns: catalog.abilities.map { Ability(symbol: $0.symbol, name: $0.name) }, rows: rows)
        heatmap.textLines = heatmap.textBlocks(width: TextWrapping.width)
        return heatmap
    }

    /// Each cell is right-aligned in `cellWidth` columns; the department column is as wide as
    /// its longest name (names wider than `maxDepartmentWidth` are cut with `…`).
    static let cellWidth = 5
    static let maxDepartmentWidth = 24

    func textBlocks(width: Int) -> [String] {
        guard !abilities.isEmpty else { return [] }
        let header = "所属"
        let names = rows.map { Self.fitted($0.department, to: Self.maxDepartmentWidth) }
        let nameWidth = max(DisplayWidth.of(header), names.map { DisplayWidth.of($0) }.max() ?? 0)
        let perBlock = max(1, (width - nameWidth) / Self.cellWidth)
        let blockCount = (abilities.count + perBlock - 1) / perBlock
        // Blocks of even size: 10 abilities in two blocks are 5 and 5, not 8 and 2.
        let size = (abilities.count + blockCount - 1) / blockCount
        var lines: [String] = []
        for start in stride(from: 0, to: abilities.count, by: size) {
            let range = start..<min(start + size, abilities.count)
            if !lines.isEmpty { lines.append("") }
            lines.append(Self.padded(header, to: nameWidth) + range.map { Self.right(abilities[$0], Self.cellWidth) }.joined())
            for (row, name) in zip(rows, names) {
                lines.append(Self.padded(name, to: nameWidth) + range.map { Self.right(row.cells[$0].value, Self.cellWidth) }.joined())
            }
        }
        return lines
    }

    private static func padded(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }

    private static func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
    }

    /// `text`, cut to `width` columns with `…` when wider.
    private static func fitted(_ text: String, to width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var out = ""
        for character in text {
            if DisplayWidth.of(out + String(character)) > width - 2 { break }
            out.append(character)
        }
        return out + "…"
    }

    /// Black on light shades, white on dark ones: whichever contrasts more (WCAG), which is
    /// at least 4.58:1 for any background.
    static func textColour(on background: String) -> String {
        let luminance = relativeLuminance(background)
        let onBlack = (luminance + 0.05) / 0.05
        let onWhite = 1.05 / (luminance + 0.05)
        return onBlack >= onWhite ? "#000000" : "#ffffff"
    }

    /// WCAG 2 relative luminance of `#rrggbb`.
    static func relativeLuminance(_ colour: String) -> Double {
        let hex = colour.dropFirst()
        func channel(_ offset: Int) -> Double {
            let start = hex.index(hex.startIndex, offsetBy: offset)
            let value = Double(Int(hex[start..<hex.index(start, offsetBy: 2)], radix: 16) ?? 0) / 255
            return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    /// Each shade's background and text colour (the colours of gaps 0.0, 0.1 … 2.0).
    public static let shadeColours: [(background: String, text: String)] = (0...Int(fullScale * 10)).map { shade in
        let background = colour(Double(shade) / 10)
        return (background, textColour(on: background))
    }

    /// White to deep red, linear in the gap up to `fullScale`.
    static func colour(_ gap: Double) -> String {
        let t = min(1, max(0, gap / fullScale))
        let (from, to) = ((255.0, 255.0, 255.0), (179.0, 0.0, 0.0))
        func channel(_ a: Double, _ b: Double) -> String {
            let value = Int((a + (b - a) * t).rounded())
            let hex = String(value, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }
        return "#" + channel(from.0, to.0) + channel(from.1, to.1) + channel(from.2, to.2)
    }
}
