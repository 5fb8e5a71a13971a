import KenshuCore

/// One member of staff of the example city, as the HR system would export them.
struct ExamplePerson {
    var id: String
    var name: String
    var email: String
    var family: JobFamily
    var department: String
    var section: String
    var title: String
    /// Place on the family's career ladder (1 = entry), which shapes evaluations and history.
    var step: Int
    var hiredOn: LocalDate
    var rankSince: LocalDate
    var track = ""
    var digitalTier = ""
    var mentorTrained = false
    var managerID = ""
    var optedOut = false
    /// How this person's dates are written in the export (HR systems are not consistent).
    var dateStyle = DateStyle.iso
}

/// The ways real exports write a date: `2026-04-01`, `2026/4/1`, `令和8年4月1日`.
enum DateStyle {
    case iso, slashes, japaneseEra

    func format(_ date: LocalDate) -> String {
        switch self {
        case .iso: date.description
        case .slashes: "\(date.year)/\(date.month)/\(date.day)"
        case .japaneseEra: DateStyle.era(date).map { "\($0.name)\($0.year == 1 ? "元" : String($0.year))年\(date.month)月\(date.day)日" }
            ?? date.description
        }
    }

    /// 令和 from 2019-05-01, 平成 from 1989-01-08, 昭和 before.
    private static func era(_ date: LocalDate) -> (name: String, year: Int)? {
        let eras: [(String, LocalDate?)] = [
            ("令和", LocalDate(year: 2019, month: 5, day: 1)),
            ("平成", LocalDate(year: 1989, month: 1, day: 8)),
            ("昭和", LocalDate(year: 1926, month: 12, day: 25)),
        ]
        for (name, start) in eras {
            if let start, date >= start { return (name, date.year - start.year + 1) }
        }
        return nil
    }
}
