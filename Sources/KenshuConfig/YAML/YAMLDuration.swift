import KenshuCore

extension YAMLValue {
    /// A duration in whole seconds: `90s`, `5m`, `6h`, `1d`, or a bare number of seconds.
    public func seconds(in range: ClosedRange<Int>) throws(InputError) -> Int {
        let text = try string().trimmingWhitespace()
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        var digits = Substring(text)
        var unit = 1
        if let last = text.last, let scale = units[last] {
            digits = digits.dropLast()
            unit = scale
        }
        guard let amount = Int(digits), amount >= 0 else {
            throw error("30s、5m、6h、1d のような時間が来るところに '\(text)' があります")
        }
        let (value, overflow) = amount.multipliedReportingOverflow(by: unit)
        guard !overflow, range.contains(value) else {
            throw error("\(text) は範囲の外です", hint: "\(Self.describe(range.lowerBound))〜\(Self.describe(range.upperBound)) で書いてください")
        }
        return value
    }

    /// `3600` → `1h`, `90` → `90s`: the largest unit that divides it.
    static func describe(_ seconds: Int) -> String {
        for (unit, scale) in [("d", 86_400), ("h", 3600), ("m", 60)] where seconds >= scale && seconds % scale == 0 {
            return "\(seconds / scale)\(unit)"
        }
        return "\(seconds)s"
    }
}
