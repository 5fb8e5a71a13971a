import KenshuCore

/// Reads the `feeds:` section of `kenshu.yaml`.
enum FeedSettingsLoader {
    static let keys = ["profiles", "sources", "limits", "validate"]
    static let sourceKeys = ["file", "profile", "provider"]
    static let limitKeys = ["maxDepth", "maxTextBytes", "maxAttributes", "maxCourseNodes"]

    static func parse(_ node: YAMLValue?, base: String, catalogDirectory: String) throws(InputError) -> FeedSettings {
        var settings = FeedSettings(profilesDirectory: catalogDirectory + "/profiles")
        guard let node else { return settings }
        let feeds = try node.mapping(allowed: keys)
        if let profiles = feeds["profiles"] {
            settings.profilesDirectory = FilePaths.resolve(try profiles.string(), relativeTo: base)
        }
        for item in try feeds["sources"]?.sequence() ?? [] {
            settings.sources.append(try source(item, base: base))
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

    /// `- feeds/a.xml` or `- {file: feeds/a.xml, profile: academy, provider: jamp}`.
    private static func source(_ item: YAMLValue, base: String) throws(InputError) -> FeedSettings.FeedSource {
        if let text = try? item.string() {
            guard !text.isEmpty else { throw item.error("a feed file is expected") }
            return FeedSettings.FeedSource(file: FilePaths.resolve(text, relativeTo: base))
        }
        let fields = try item.mapping(allowed: sourceKeys)
        guard let file = fields["file"] else { throw item.error("a feed source needs a file", hint: "file: feeds/NAME.xml") }
        let path = try file.string()
        guard !path.isEmpty else { throw file.error("a feed file is expected") }
        return FeedSettings.FeedSource(file: FilePaths.resolve(path, relativeTo: base),
                                       profile: try fields["profile"]?.string(), provider: try fields["provider"]?.string())
    }
}
