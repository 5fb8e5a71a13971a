import Foundation
import Logging

/// A swift-log handler writing one line per message to standard error. Under systemd (with
/// `$JOURNAL_STREAM` set) each line starts with the syslog priority the journal reads
/// (`<3>` error … `<7>` debug) and carries no time stamp (the journal adds its own);
/// elsewhere it starts with the local time and the level.
public struct JournalLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let journal: Bool
    private let label: String

    public init(label: String, journal: Bool, level: Logger.Level = .info) {
        self.label = label
        self.journal = journal
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let details = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let text = "\(event.message)\(details)".replacingOccurrences(of: "\n", with: " | ")
        let line = journal
            ? "<\(Self.priority(event.level))>\(text)\n"
            : "\(Self.timestamp()) \(event.level.rawValue.uppercased()) \(text)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// syslog priorities (sd-daemon.h): 2 critical, 3 error, 4 warning, 5 notice, 6 info, 7 debug.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .critical: 2
        case .error: 3
        case .warning: 4
        case .notice: 5
        case .info: 6
        case .debug, .trace: 7
        }
    }

    private static func timestamp() -> String {
        Date().formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false).timeZone(separator: .omitted))
    }
}
