import Foundation
import KenshuCore

/// Reads and checks `kenshu.yaml`: unknown keys, wrong types and bad values are errors with
/// file, line, column and key.
public enum ConfigurationLoader {
    static let keys = ["catalog", "state", "rules", "timezone", "inbox", "spool", "data", "hr", "feeds", "mail", "schedule", "watch"]
    static let dataKeys = ["roster", "evaluations", "history", "encoding"]
    static let hrKeys = ["addresses"]
    static let encodings = ["auto", "utf-8", "cp932"]

    /// Loads the config file at `path`.
    public static func load(path: String) throws(ConfigurationError) -> KenshuConfiguration {
        let absolute = FilePaths.resolve(path, relativeTo: FileManager.default.currentDirectoryPath)
        let bytes: [UInt8]
        do {
            bytes = try FilePaths.readBytes(absolute, what: "config file")
        } catch {
            throw .unreadable(error)
        }
        do {
            return try parse(String(decoding: bytes, as: UTF8.self), file: absolute)
        } catch {
            throw .invalid(error)
        }
    }

    /// Parses config text; `file` is the config's absolute path (relative paths resolve against its folder).
    public static func parse(_ text: String, file: String) throws(InputError) -> KenshuConfiguration {
        let base = (file as NSString).deletingLastPathComponent
        let root = try YAMLValue.parse(text, file: file).mapping(allowed: keys)
        func path(_ key: String, default value: String) throws(InputError) -> String {
            guard let node = root[key] else { return value }
            let text = try node.string()
            guard !text.isEmpty else { throw node.error("a path is expected") }
            return FilePaths.resolve(text, relativeTo: base)
        }
        let data = try root["data"]?.mapping(allowed: dataKeys) ?? [:]
        func dataPath(_ key: String) throws(InputError) -> String? {
            guard let node = data[key] else { return nil }
            return FilePaths.resolve(try node.string(), relativeTo: base)
        }
        let encoding = try data["encoding"]?.string() ?? "auto"
        if !encodings.contains(encoding), let node = data["encoding"] {
            throw node.error("unknown encoding '\(encoding)'", hint: "use one of \(encodings.joined(separator: ", "))")
        }
        let timeZone = try root["timezone"]?.string() ?? KenshuConfiguration.Defaults.timeZone
        if TimeZone(identifier: timeZone) == nil, let node = root["timezone"] {
            throw node.error("unknown time zone '\(timeZone)'", hint: "an IANA name such as Asia/Tokyo")
        }
        let hr = try root["hr"]?.mapping(allowed: hrKeys) ?? [:]
        var addresses: [String] = []
        for item in try hr["addresses"]?.sequence() ?? [] {
            addresses.append(try MailSettingsLoader.address(item))
        }
        let catalogDirectory = try path("catalog", default: KenshuConfiguration.Defaults.catalogDirectory)
        let feeds = try FeedSettingsLoader.parse(root["feeds"], base: base, catalogDirectory: catalogDirectory)
        return KenshuConfiguration(
            file: file,
            catalogDirectory: catalogDirectory,
            stateDirectory: try path("state", default: KenshuConfiguration.Defaults.stateDirectory),
            rulesFile: try path("rules", default: KenshuConfiguration.Defaults.rulesFile),
            timeZone: timeZone,
            inboxDirectory: try path("inbox", default: KenshuConfiguration.Defaults.inboxDirectory),
            spoolDirectory: try path("spool", default: KenshuConfiguration.Defaults.spoolDirectory),
            data: .init(roster: try dataPath("roster"), evaluations: try dataPath("evaluations"),
                        history: try dataPath("history"), encoding: encoding),
            hrAddresses: addresses,
            feeds: feeds,
            mail: try MailSettingsLoader.parse(root["mail"], base: base),
            serve: try ServeSettingsLoader.parse(schedule: root["schedule"], watch: root["watch"], timeZone: timeZone))
    }
}

/// The config could not be used.
public enum ConfigurationError: Error, Sendable, CustomStringConvertible {
    case unreadable(FileReadError)
    case invalid(InputError)

    public var description: String {
        switch self {
        case .unreadable(let error): "\(error) (pass the config with --config FILE)"
        case .invalid(let error): error.description
        }
    }
}
