import Foundation

/// What `kenshu serve` does on its own: the weekly run's slot (`schedule:`) and how the
/// inbox is watched (`watch:`). Feed polling is under `feeds.poll`.
public struct ServeSettings: Sendable, Equatable {
    /// The weekly run: ISO weekday (1 = Monday … 7 = Sunday), local time, zone.
    public var weekday = 1
    public var hour = 7
    public var minute = 0
    /// IANA zone of the weekly slot; default the config's `timezone`.
    public var timeZone: String
    /// After a failed weekly run, try again this many seconds later (same week only).
    public var retryAfter = 3600
    /// How often the inbox is looked at, in seconds.
    public var inboxInterval = 5
    /// A dropped file is imported once its size and time stopped changing this long (seconds).
    public var inboxSettle = 3

    public init(timeZone: String) {
        self.timeZone = timeZone
    }

    /// The weekly slot's zone (the loader has checked the name; UTC only for a value built by hand).
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0) ?? .current }

    /// The weekday names `schedule.weekday` takes (English, or Japanese 月〜日), ISO numbered.
    public static let weekdayNames: [(names: [String], number: Int)] = [
        (["monday", "mon", "月", "月曜", "月曜日"], 1), (["tuesday", "tue", "火", "火曜", "火曜日"], 2),
        (["wednesday", "wed", "水", "水曜", "水曜日"], 3), (["thursday", "thu", "木", "木曜", "木曜日"], 4),
        (["friday", "fri", "金", "金曜", "金曜日"], 5), (["saturday", "sat", "土", "土曜", "土曜日"], 6),
        (["sunday", "sun", "日", "日曜", "日曜日"], 7),
    ]
}
