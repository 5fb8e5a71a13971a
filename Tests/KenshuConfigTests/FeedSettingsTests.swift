import KenshuCore
import Testing
@testable import KenshuConfig

/// The `feeds:` section: sources in both forms, limits in range, profiles folder.
struct FeedSettingsTests {
    let file = "/srv/city/kenshu.yaml"

    @Test func defaultsPutProfilesInTheCatalogue() throws {
        let config = try ConfigurationLoader.parse("catalog: /opt/kenshu\n", file: file)
        #expect(config.feeds.profilesDirectory == "/opt/kenshu/profiles")
        #expect(config.feeds.sources.isEmpty)
        #expect(config.feeds.limits == FeedSettings.Limits())
        #expect(config.feeds.validate == false)
    }

    @Test func sourcesAreFilesOrMappingsRelativeToTheConfig() throws {
        let config = try ConfigurationLoader.parse("""
            feeds:
              profiles: profiles
              validate: true
              sources:
                - feeds/xcri.xml
                - {file: feeds/academy.xml, profile: academy, provider: jamp}
              limits: {maxDepth: 32, maxTextBytes: 65536}
            """, file: file)
        #expect(config.feeds.profilesDirectory == "/srv/city/profiles")
        #expect(config.feeds.sources == [
            .init(file: "/srv/city/feeds/xcri.xml"),
            .init(file: "/srv/city/feeds/academy.xml", profile: "academy", provider: "jamp"),
        ])
        #expect(config.feeds.limits.maxDepth == 32)
        #expect(config.feeds.limits.maxTextBytes == 65536)
        #expect(config.feeds.limits.maxAttributes == 64)
        #expect(config.feeds.validate)
    }

    @Test func aLimitOutOfRangeNamesItsLine() throws {
        let error = try #require(throws: InputError.self) {
            try ConfigurationLoader.parse("feeds:\n  limits:\n    maxDepth: 1\n", file: file)
        }
        #expect(error.location.line == 3)
    }

    @Test func aSourceWithoutAFileIsAnError() throws {
        let error = try #require(throws: InputError.self) {
            try ConfigurationLoader.parse("feeds:\n  sources:\n    - {profile: academy}\n", file: file)
        }
        #expect(error.location.line == 3)
        #expect(error.description.contains("フィードの取得元には file が要ります"))
    }

    @Test func aTypoInTheFeedsSectionSuggestsTheKey() throws {
        let error = try #require(throws: InputError.self) {
            try ConfigurationLoader.parse("feeds:\n  sorces: []\n", file: file)
        }
        #expect(error.description.contains("'sources' の書き間違いではありませんか"))
    }
}
