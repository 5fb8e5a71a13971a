import Foundation
import KenshuCore

/// Reads the `feeds:` section of `kenshu.yaml`.
enum FeedSettingsLoader {
    static let keys = ["profiles", "sources", "limits", "validate", "poll"]
    static let sourceKeys = ["file", "url", "profile", "provider"]
    static let pollKeys = ["interval", "timeout"]
    static let limitKeys = ["maxDepth", "maxTextBytes", "maxAttributes", "maxCourseNodes"]

    static func parse(_ node: YAMLValue?, base: String, catalogDirectory: String) throws(InputError) -> FeedSettings {
        var settings = FeedSettings(profilesDirectory: catalogDirectory + "/profiles")
        guard let node else { return settings }
        let feeds = try node.mapping(allowed: keys)
        if let profiles = feeds["profiles"] {
            settings.profilesDirectory = FilePaths.resolve(try profiles.string(), relativeTo: base)
        }
        for item in try feeds["sources"]?.sequence() ?? [] {
            if let polled = try polled(item) {
                settings.polled.append(polled)
            } else {
                settings.sources.append(try source(item, base: base))
            }
        }
        if let poll = try feeds["poll"]?.mapping(allowed: pollKeys) {
            if let value = poll["interval"] { settings.poll.interval = try value.seconds(in: 60...(30 * 86_400)) }
            if let value = poll["timeout"] { settings.poll.timeout = try value.seconds(in: 5...86_400) }
        }
        if let limits = try feeds["limits"]?.mapping(allowed: limitKeys) {
            if let value = limits["maxDepth"] { settings.limits.maxDepth = try value.int(in: 8...10_000) }
            if let value = limits["maxTextBytes"] { settings.limits.maxTextBytes = try value.int(in: 1024...(1 << 30)) }
            if let value = limits["maxAttributes"] { settings.limits.maxAttributes = try value.int(in: 4...10_000) }
            if let value = limits["maxCourseNodes"] { settings.limits.maxCourseNodes = try value.int(in: 16...10_000_000) }
        }
        if let validate = feeds["validate"] { settings.validate = try validate.bool() }
        return settings
    }

    /// `- {url: https://…, profile: academy, provider: jamp}`, or nil when the item names a file.
    private static func polled(_ item: YAMLValue) throws(InputError) -> FeedSettings.PolledFeed? {
        guard (try? item.string()) == nil else { return nil }
        let fields = try item.mapping(allowed: sourceKeys)
        guard let node = fields["url"] else { return nil }
        if fields["file"] != nil { throw node.error("フィードの取得元には file か url のどちらか一方を書いてください（両方は書けません）") }
        let url = try node.string().trimmingWhitespace()
        guard let parsed = URLComponents(string: url), let scheme = parsed.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = parsed.host, !host.isEmpty else {
            throw node.error("'\(url)' は http(s) のアドレスではありません", hint: "例: url: https://academy.example.jp/courses.xml")
        }
        return FeedSettings.PolledFeed(url: url, profile: try fields["profile"]?.string(), provider: try fields["provider"]?.string())
    }

    /// `- feeds/a.xml` or `- {file: feeds/a.xml, profile: academy, provider: jamp}`.
    private static func source(_ item: YAMLValue, base: String) throws(InputError) -> FeedSettings.FeedSource {
        if let text = try? item.string() {
            guard !text.isEmpty else { throw item.error("フィードのファイルを書いてください") }
            return FeedSettings.FeedSource(file: FilePaths.resolve(text, relativeTo: base))
        }
        let fields = try item.mapping(allowed: sourceKeys)
        guard let file = fields["file"] else { throw item.error("フィードの取得元には file が要ります", hint: "file: feeds/NAME.xml") }
        let path = try file.string()
        guard !path.isEmpty else { throw file.error("フィードのファイルを書いてください") }
        return FeedSettings.FeedSource(file: FilePaths.resolve(path, relativeTo: base),
                                       profile: try fields["profile"]?.string(), provider: try fields["provider"]?.string())
    }
}
