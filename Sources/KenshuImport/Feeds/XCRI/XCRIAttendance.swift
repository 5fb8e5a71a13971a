import KenshuCore

/// How a presentation is attended, from its `attendanceMode`: the code of XCRI-CAP's
/// vocabulary first (`identifier="CM"`), else words in the text, English or Japanese.
enum XCRIAttendance {
    /// XCRI-CAP 1.2's attendanceMode vocabulary: Campus, Face-to-face non-campus, Work-based,
    /// Distance without attendance, Online (no attendance), Distance with attendance, Mixed mode.
    private static let codes: [String: AttendanceMode] = [
        "CM": .onsite, "NC": .onsite, "WB": .onsite,
        "DS": .online, "ON": .online,
        "DA": .blended, "MM": .blended,
    ]

    /// Words in the text, checked in this order (`Distance with attendance` is blended, not online).
    private static let words: [(AttendanceMode, [String])] = [
        (.blended, ["mixed", "blended", "with attendance", "hybrid", "ブレンド", "ハイブリッド", "併用"]),
        (.online, [
            "distance", "online", "on line", "e learning", "elearning", "webinar",
            "オンライン", "ネット", "ﾈｯﾄ", "eラーニング", "ｅラーニング", "通信",
        ]),
        (.onsite, ["campus", "face to face", "work based", "classroom", "集合", "対面", "通学", "会場"]),
    ]

    /// - Parameter text: the element's text, read only when the identifier is not a known code.
    static func mode(identifier: String?, text: @autoclosure () -> String) -> AttendanceMode {
        // The code as written first: nearly every feed writes it trimmed, in capitals.
        if let identifier, let mode = codes[identifier] ?? codes[identifier.trimmingWhitespace().uppercased()] { return mode }
        let text = text()
        // `Face-to-face`, `e-learning`, `Work_based`: hyphens and underscores are spaces.
        let folded = FeedValues.foldWhitespace(
            String(text.lowercased().map { $0 == "-" || $0 == "_" ? " " : $0 }))
        guard !folded.isEmpty else { return .unknown }
        for (mode, keys) in words where keys.contains(where: { folded.contains($0) }) {
            return mode
        }
        return .unknown
    }
}
