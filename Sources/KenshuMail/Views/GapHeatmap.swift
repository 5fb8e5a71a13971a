import KenshuCore
import KenshuMatch

/// The HR report's heatmap: the average gap per ability (columns ①〜⑩) and department
/// (rows), each cell with a background colour from white (no gap) to deep red (a gap of
/// `fullScale` or more).
struct GapHeatmap: Sendable {
    struct Cell: Sendable {
        var value: String
        var colour: String
    }

    struct Row: Sendable {
        var department: String
        var staff: Int
        var cells: [Cell]
    }

    var abilities: [String]
    var rows: [Row]

    static let fullScale = 2.0

    static func make(_ entries: [StaffRecommendations], catalog: PolicyCatalog) -> GapHeatmap {
        let numbers = catalog.abilities.map(\.number)
        var sums: [String: [Int: (total: Double, count: Int)]] = [:]
        var staffCount: [String: Int] = [:]
        for entry in entries where entry.result.band != nil {
            let department = entry.staff.department.isEmpty ? "（所属なし）" : entry.staff.department
            staffCount[department, default: 0] += 1
            for gap in entry.result.gaps {
                let current = sums[department, default: [:]][gap.ability] ?? (0, 0)
                sums[department, default: [:]][gap.ability] = (current.total + gap.gap, current.count + 1)
            }
        }
        let rows = sums.keys.sorted().map { department in
            Row(department: department, staff: staffCount[department] ?? 0, cells: numbers.map { number in
                guard let sum = sums[department]?[number], sum.count > 0 else { return Cell(value: "–", colour: "#ffffff") }
                let mean = sum.total / Double(sum.count)
                return Cell(value: MailText.level(mean), colour: colour(mean))
            })
        }
        return GapHeatmap(abilities: catalog.abilities.map(\.symbol), rows: rows)
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
