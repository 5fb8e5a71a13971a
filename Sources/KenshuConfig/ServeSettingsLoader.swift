import Foundation
import KenshuCore

/// Reads `schedule:` and `watch:` of `kenshu.yaml` into `ServeSettings`.
enum ServeSettingsLoader {
    static let scheduleKeys = ["weekday", "time", "timezone", "retryAfter"]
    static let watchKeys = ["interval", "settle"]

    static func parse(schedule: YAMLValue?, watch: YAMLValue?, timeZone: String) throws(InputError) -> ServeSettings {
        var settings = ServeSettings(timeZone: timeZone)
        if let schedule {
            let fields = try schedule.mapping(allowed: scheduleKeys)
            if let node = fields["weekday"] { settings.weekday = try weekday(node) }
            if let node = fields["time"] { (settings.hour, settings.minute) = try time(node) }
            if let node = fields["timezone"] {
                let zone = try node.string()
                guard TimeZone(identifier: zone) != nil else {
                    throw node.error("タイムゾーン '\(zone)' はありません", hint: "Asia/Tokyo のような IANA の名前で書いてください")
                }
                settings.timeZone = zone
            }
            if let node = fields["retryAfter"] { settings.retryAfter = try node.seconds(in: 60...86_400) }
        }
        if let watch {
            let fields = try watch.mapping(allowed: watchKeys)
            if let node = fields["interval"] { settings.inboxInterval = try node.seconds(in: 1...3600) }
            if let node = fields["settle"] { settings.inboxSettle = try node.seconds(in: 0...3600) }
        }
        return settings
    }

    private static func weekday(_ node: YAMLValue) throws(InputError) -> Int {
        let text = try node.string().trimmingWhitespace().lowercased()
        if let match = ServeSettings.weekdayNames.first(where: { $0.names.contains(text) }) { return match.number }
        throw node.error("曜日 '\(text)' はありません", hint: "monday … sunday（または 月 … 日）")
    }

    /// `HH:MM`, 24-hour clock.
    private static func time(_ node: YAMLValue) throws(InputError) -> (Int, Int) {
        let text = try node.string().trimmingWhitespace()
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...23).contains(hour), (0...59).contains(minute) else {
            throw node.error("時刻は HH:MM（24 時間制）で書きますが、'\(text)' になっています", hint: "例: time: \"07:00\"")
        }
        return (hour, minute)
    }
}
