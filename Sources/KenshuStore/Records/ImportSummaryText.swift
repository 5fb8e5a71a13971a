import KenshuCore

/// An import's stored summary as the HR office reads it. Summaries are written in Japanese;
/// a store written by an earlier Kenshu holds them in English (`added 3, updated 12, …`,
/// `periods 2024, 2025: replaced 10 rating(s) with 12`, `rejected: 2 error(s)`), which this
/// says in Japanese the same way, so `status` and the HR report never show both.
public enum ImportSummaryText {
    public static func japanese(_ stored: String) -> String {
        guard stored.unicodeScalars.contains(where: { $0.isASCII && $0.properties.isAlphabetic }) else { return stored }
        if stored.hasPrefix("rejected; the previous catalogue stays") { return "取込不可（前回の研修一覧のまま）" }
        if let count = number(after: "rejected: ", in: stored) { return "取込不可（エラー \(count) 件）" }
        if let count = number(after: "held back: ", in: stored) { return "保留（理由 \(count) 件）" }
        if stored.hasPrefix("periods "), let colon = stored.firstIndex(of: ":") {
            let periods = stored[stored.index(stored.startIndex, offsetBy: 8)..<colon]
                .split(separator: ",").map { String($0).trimmingWhitespace() }.joined(separator: "・")
            let numbers = stored[colon...].split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            guard numbers.count == 2 else { return stored }
            return "\(periods)年度の評価 \(numbers[0]) 件を \(numbers[1]) 件に置き換え"
        }
        let words = ["added": "追加", "updated": "更新", "unchanged": "変更なし", "retired": "掲載終了",
                     "deactivated": "名簿から外れた", "reactivated": "名簿に戻った"]
        var parts: [String] = []
        for part in stored.split(separator: ",") {
            let pieces = part.split(separator: " ")
            guard pieces.count == 2, let word = words[String(pieces[0])], Int(pieces[1]) != nil else { return stored }
            parts.append("\(word) \(pieces[1])")
        }
        return parts.joined(separator: "・")
    }

    /// The number that follows `prefix` at the start of `text`.
    private static func number(after prefix: String, in text: String) -> Int? {
        guard text.hasPrefix(prefix) else { return nil }
        return Int(text.dropFirst(prefix.count).prefix { $0.isNumber })
    }
}
