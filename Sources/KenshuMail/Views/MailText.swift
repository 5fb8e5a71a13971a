import KenshuCore
import KenshuStore

/// How the mails write dates, weeks, fiscal years and attendance modes in Japanese.
public enum MailText {
    static let weekdays = ["月", "火", "水", "木", "金", "土", "日"]

    /// `2027年1月12日(火)`.
    static func date(_ date: LocalDate) -> String {
        "\(date.year)年\(date.month)月\(date.day)日(\(weekdays[ISOWeek.weekday(date) - 1]))"
    }

    /// `2027年1月12日(火)〜1月14日(木)`, or one day when start and end are the same.
    static func dates(start: LocalDate?, end: LocalDate?) -> String {
        guard let start else { return "日程未定" }
        guard let end, end != start else { return date(start) }
        let tail = end.year == start.year ? "\(end.month)月\(end.day)日(\(weekdays[ISOWeek.weekday(end) - 1]))" : date(end)
        return date(start) + "〜" + tail
    }

    /// `11月23日の週`: the week as a subject names it (staff do not think in ISO weeks; the
    /// ISO week stays in `X-Kenshu-Week`).
    public static func weekOf(_ week: ISOWeek) -> String {
        monthDay(week.monday) + "の週"
    }

    /// `11月25日`.
    public static func monthDay(_ day: LocalDate) -> String {
        "\(day.month)月\(day.day)日"
    }

    /// `2026年11月23日〜11月29日の週`.
    static func week(_ week: ISOWeek) -> String {
        let sunday = week.monday.adding(days: 6)
        return "\(week.monday.year)年\(week.monday.month)月\(week.monday.day)日〜\(sunday.month)月\(sunday.day)日の週"
    }

    /// `2026年度` (April to March).
    static func fiscalYear(_ day: LocalDate) -> String { "\(day.fiscalYear)年度" }

    static func attendance(_ mode: AttendanceMode) -> String {
        switch mode {
        case .onsite: "集合"
        case .online: "オンライン"
        case .blended: "集合＋オンライン"
        case .unknown: "形式未定"
        }
    }

    /// How and where a presentation is held, each said once: `集合・県庁講堂`; the place alone
    /// when it already says how (`オンライン（Web会議システム）`) or the way is not known.
    static func attendance(_ mode: AttendanceMode, venue: String?) -> String {
        let how = attendance(mode)
        guard let venue = venue?.trimmingWhitespace(), !venue.isEmpty else { return how }
        if mode == .unknown || venue.contains(how) { return venue }
        return how + "・" + venue
    }

    /// A feed import as the HR report says it: the counts of a catalogue that changed, or
    /// that it was rejected and the previous catalogue stays (the reason in the admins'
    /// words is in `kenshu status`).
    static func feedOutcome(_ entry: FeedImportEntry) -> String {
        guard entry.succeeded else {
            let truncated = (entry.message ?? "").contains("truncated") ? "ファイルが途中で切れています。" : ""
            return "取り込めませんでした。\(truncated)前回の研修一覧をそのまま使っています（理由は kenshu status で確かめられます）。"
        }
        var text = ImportSummaryText.japanese(entry.summary)
        if entry.warnings > 0 { text += "（一部の研修に警告 \(entry.warnings) 件）" }
        return text
    }

    /// A level with one decimal: `2.5`.
    static func level(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    /// A value in 0…1 with two decimals: `0.21`.
    static func hundredths(_ value: Double) -> String {
        let hundredths = Int((min(1, max(0, value)) * 100).rounded())
        return hundredths == 100 ? "1.00" : "0.\(hundredths < 10 ? "0" : "")\(hundredths)"
    }
}
