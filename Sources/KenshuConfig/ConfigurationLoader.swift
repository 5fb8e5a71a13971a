import Foundation
import KenshuCore

/// Reads and checks `kenshu.yaml`: unknown keys, wrong types and bad values are errors with
/// file, line, column and key.
public enum ConfigurationLoader {
    static let keys = ["catalog", "state", "rules", "timezone", "inbox", "spool", "data", "hr", "feeds", "mail", "schedule", "watch", "gate", "departments", "console"]
    static let dataKeys = ["roster", "evaluations", "history", "encoding", "review", "absentColumns"]
    static let reviewKeys = ["threshold", "acceptScheduled"]
    static let gateKeys = ["evaluatedShare", "minimumCourses"]
    static let staffDataKinds = ["roster", "evaluations", "history"]
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
            guard !text.isEmpty else { throw node.error("パスを書いてください") }
            return FilePaths.resolve(text, relativeTo: base)
        }
        let data = try root["data"]?.mapping(allowed: dataKeys) ?? [:]
        func dataPath(_ key: String) throws(InputError) -> String? {
            guard let node = data[key] else { return nil }
            return FilePaths.resolve(try node.string(), relativeTo: base)
        }
        let encoding = try data["encoding"]?.string() ?? "auto"
        if !encodings.contains(encoding), let node = data["encoding"] {
            throw node.error("文字コード '\(encoding)' はありません", hint: "\(encodings.joined(separator: "、")) のいずれか")
        }
        let timeZone = try root["timezone"]?.string() ?? KenshuConfiguration.Defaults.timeZone
        if TimeZone(identifier: timeZone) == nil, let node = root["timezone"] {
            throw node.error("タイムゾーン '\(timeZone)' はありません", hint: "Asia/Tokyo のような IANA の名前で書いてください")
        }
        let hr = try root["hr"]?.mapping(allowed: hrKeys) ?? [:]
        var addresses: [String] = []
        for item in try hr["addresses"]?.sequence() ?? [] {
            addresses.append(try MailSettingsLoader.address(item))
        }
        let catalogDirectory = try path("catalog", default: KenshuConfiguration.Defaults.catalogDirectory)
        let feeds = try FeedSettingsLoader.parse(root["feeds"], base: base, catalogDirectory: catalogDirectory)
        let stateDirectory = try path("state", default: KenshuConfiguration.Defaults.stateDirectory)
        return KenshuConfiguration(
            file: file,
            catalogDirectory: catalogDirectory,
            stateDirectory: stateDirectory,
            rulesFile: try path("rules", default: KenshuConfiguration.Defaults.rulesFile),
            timeZone: timeZone,
            inboxDirectory: try path("inbox", default: KenshuConfiguration.Defaults.inboxDirectory),
            spoolDirectory: try path("spool", default: KenshuConfiguration.Defaults.spoolDirectory),
            data: .init(roster: try dataPath("roster"), evaluations: try dataPath("evaluations"),
                        history: try dataPath("history"), encoding: encoding, review: try review(data)),
            hrAddresses: addresses,
            feeds: feeds,
            departmentOrder: try departmentOrder(root["departments"]),
            gate: try gate(root["gate"]),
            mail: try MailSettingsLoader.parse(root["mail"], base: base),
            serve: try ServeSettingsLoader.parse(schedule: root["schedule"], watch: root["watch"], timeZone: timeZone),
            console: try ConsoleSettingsLoader.parse(root["console"], base: base, stateDirectory: stateDirectory))
    }
}

extension ConfigurationLoader {
    /// `data.review` and `data.absentColumns`.
    static func review(_ data: [String: YAMLValue]) throws(InputError) -> ImportReviewSettings {
        var settings = ImportReviewSettings()
        if let node = data["review"] {
            let review = try node.mapping(allowed: reviewKeys)
            if let threshold = review["threshold"] { settings.threshold = try threshold.share() }
            if let accept = review["acceptScheduled"] { settings.acceptScheduled = try accept.bool() }
        }
        if let node = data["absentColumns"] {
            for (kind, list) in try node.mapping(allowed: staffDataKinds) {
                var names: [String] = []
                for item in try list.sequence() { names.append(try item.string()) }
                settings.absentColumns[kind] = names
            }
        }
        return settings
    }

    /// `departments.order`: the city's departments in the order reports list them.
    static func departmentOrder(_ node: YAMLValue?) throws(InputError) -> [String] {
        guard let node else { return [] }
        var names: [String] = []
        for item in try node.mapping(allowed: ["order"])["order"]?.sequence() ?? [] {
            names.append(try item.string())
        }
        return names
    }

    /// `gate`: when the week's data is fit to mail.
    static func gate(_ node: YAMLValue?) throws(InputError) -> MailGateSettings {
        var settings = MailGateSettings()
        guard let node else { return settings }
        let gate = try node.mapping(allowed: gateKeys)
        if let share = gate["evaluatedShare"] { settings.evaluatedShare = try share.share() }
        if let minimum = gate["minimumCourses"] { settings.minimumCourses = try minimum.int(in: 0...1_000_000) }
        return settings
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
