extension LocalDate {
    /// Reads a date as the HR system writes it: `2026-04-01`, `2026/4/1`, `2026.4.1`,
    /// `2026年4月1日`, or in the Japanese era calendar: `令和8年4月1日`, `令和元年5月1日`,
    /// `平成31年4月30日`, `昭和64年1月7日`, `R8.4.1`, `H31/4/30`. Full-width digits are accepted.
    /// Returns nil for anything else, including dates that do not exist.
    public init?(parsing raw: String) {
        if let date = LocalDate.isoDate(raw) {
            self = date
            return
        }
        let text = LocalDate.foldDigits(raw.trimmingWhitespace())
        guard !text.isEmpty else { return nil }
        if let era = JapaneseEra.allCases.first(where: { text.hasPrefix($0.kanji) || text.hasPrefix($0.letter) }) {
            let prefixLength = text.hasPrefix(era.kanji) ? era.kanji.count : era.letter.count
            var rest = String(text.dropFirst(prefixLength))
            if rest.hasPrefix("元") { rest = "1" + rest.dropFirst() }
            guard let parts = LocalDate.numericParts(rest), parts.count == 3,
                  let date = era.date(eraYear: parts[0], month: parts[1], day: parts[2])
            else { return nil }
            self = date
            return
        }
        guard let parts = LocalDate.numericParts(text), parts.count == 3, parts[0] >= 1000,
              let date = LocalDate(year: parts[0], month: parts[1], day: parts[2])
        else { return nil }
        self = date
    }

    /// `2026-04-01` exactly, read from its bytes: the form the store keeps every date in, so
    /// loading a city's staff and trainings meets it hundreds of thousands of times. Anything
    /// else is left to the general reading (nil here).
    private static func isoDate(_ text: String) -> LocalDate? {
        var text = text
        return text.withUTF8 { bytes -> LocalDate? in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - 0x30
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), year >= 1000, let month = number(5..<7), let day = number(8..<10) else { return nil }
            return LocalDate(year: year, month: month, day: day)
        }
    }

    /// `2026-04-01` → [2026, 4, 1]; separators `-`, `/`, `.`, or 年月日.
    private static func numericParts(_ text: String) -> [Int]? {
        var parts: [Int] = []
        var lengths: [Int] = []
        var current = ""
        var lastWasSeparator = false
        for character in text {
            if character.isASCII, character.isNumber {
                current.append(character)
                lastWasSeparator = false
            } else if "-/.年月".contains(character) {
                guard !current.isEmpty, let value = Int(current) else { return nil }
                parts.append(value)
                lengths.append(current.count)
                current = ""
                lastWasSeparator = true
            } else if character == "日" {
                guard !current.isEmpty else { return nil }
                lastWasSeparator = false
            } else {
                return nil
            }
        }
        guard !lastWasSeparator, !current.isEmpty, let value = Int(current) else { return nil }
        parts.append(value)
        lengths.append(current.count)
        // Year up to 4 digits, month and day up to 2: `2026-04-001` is not a date.
        guard lengths.first.map({ $0 <= 4 }) == true, lengths.dropFirst().allSatisfy({ $0 <= 2 }) else { return nil }
        return parts
    }

    /// Full-width digits and separators to ASCII (２０２６／４／１ → 2026/4/1).
    private static func foldDigits(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19, 0xFF0D, 0xFF0F, 0xFF0E:
                out.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// The Japanese eras (元号) HR records still carry: 昭和 for long-serving staff's hiring dates.
enum JapaneseEra: CaseIterable {
    case reiwa, heisei, showa

    var kanji: String {
        switch self {
        case .reiwa: "令和"
        case .heisei: "平成"
        case .showa: "昭和"
        }
    }

    var letter: String {
        switch self {
        case .reiwa: "R"
        case .heisei: "H"
        case .showa: "S"
        }
    }

    /// First day of the era.
    var start: LocalDate {
        switch self {
        case .reiwa: LocalDate(daysSinceEpoch: 18017)   // 2019-05-01
        case .heisei: LocalDate(daysSinceEpoch: 6947)   // 1989-01-08
        case .showa: LocalDate(daysSinceEpoch: -15713)  // 1926-12-25
        }
    }

    /// Last day of the era, if it has ended.
    var end: LocalDate? {
        switch self {
        case .reiwa: nil
        case .heisei: LocalDate(daysSinceEpoch: 18016)  // 2019-04-30
        case .showa: LocalDate(daysSinceEpoch: 6946)    // 1989-01-07
        }
    }

    /// The Gregorian date of an era date, or nil when it does not exist or lies outside the era.
    func date(eraYear: Int, month: Int, day: Int) -> LocalDate? {
        guard eraYear >= 1, let date = LocalDate(year: start.year + eraYear - 1, month: month, day: day),
              date >= start
        else { return nil }
        if let end, date > end { return nil }
        return date
    }
}
