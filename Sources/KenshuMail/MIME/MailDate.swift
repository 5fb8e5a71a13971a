import Foundation

/// Dates as RFC 5322 writes them: `Fri, 27 Nov 2026 07:00:00 +0900`.
public enum MailDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `date` as seen in `timeZone` (the office's zone), with English day and month names
    /// whatever the locale, and the zone's offset at that moment.
    public static func format(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let day = days[((parts.weekday ?? 1) - 1 + 7) % 7]
        let month = months[((parts.month ?? 1) - 1 + 12) % 12]
        let offset = timeZone.secondsFromGMT(for: date)
        let sign = offset < 0 ? "-" : "+"
        let zone = sign + padded(abs(offset) / 3600, 2) + padded(abs(offset) % 3600 / 60, 2)
        return "\(day), \(parts.day ?? 1) \(month) \(padded(parts.year ?? 1970, 4)) "
            + "\(padded(parts.hour ?? 0, 2)):\(padded(parts.minute ?? 0, 2)):\(padded(parts.second ?? 0, 2)) \(zone)"
    }

    /// `value` in decimal, with leading zeros up to `width` digits.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(width - digits.count, 0)) + digits
    }
}
