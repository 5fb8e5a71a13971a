import Foundation
import KenshuImport
import KenshuCore
import Testing
import KenshuTesting
@testable import KenshuConfig

/// `schedule:`, `watch:` and polled feeds (`feeds.sources: - url:`, `feeds.poll`), and the
/// production examples in Deploy/etc.
struct ServeSettingsTests {
    let file = "/srv/city/kenshu.yaml"
    static let repository = RepositoryPaths.root

    @Test func theWeeklyRunDefaultsToMondaySevenInTheConfigsZone() throws {
        let config = try ConfigurationLoader.parse("timezone: Asia/Tokyo\n", file: file)
        #expect(config.serve == ServeSettings(timeZone: "Asia/Tokyo"))
        #expect((config.serve.weekday, config.serve.hour, config.serve.minute) == (1, 7, 0))
        #expect(config.feeds.poll == FeedSettings.Poll())
        #expect(config.feeds.polled.isEmpty)
    }

    @Test func everyKeyIsRead() throws {
        let config = try ConfigurationLoader.parse("""
            schedule:
              weekday: 金曜日
              time: "18:30"
              timezone: Europe/London
              retryAfter: 2h
            watch:
              interval: 30s
              settle: 1m
            feeds:
              poll: {interval: 1d, timeout: 90}
              sources:
                - feeds/local.xml
                - url: https://academy.example.jp/courses.xml
                  profile: academy
                  provider: jamp
            """, file: file)
        var expected = ServeSettings(timeZone: "Europe/London")
        (expected.weekday, expected.hour, expected.minute, expected.retryAfter) = (5, 18, 30, 7200)
        (expected.inboxInterval, expected.inboxSettle) = (30, 60)
        #expect(config.serve == expected)
        #expect(config.feeds.poll.interval == 86_400)
        #expect(config.feeds.poll.timeout == 90)
        #expect(config.feeds.sources.map(\.file) == ["/srv/city/feeds/local.xml"])
        #expect(config.feeds.polled == [.init(url: "https://academy.example.jp/courses.xml", profile: "academy", provider: "jamp")])
    }

    @Test(arguments: [
        ("schedule:\n  weekday: someday\n", "schedule.weekday", 2),
        ("schedule:\n  time: 7am\n", "schedule.time", 2),
        ("schedule:\n  time: \"25:00\"\n", "schedule.time", 2),
        ("schedule:\n  timezone: Mars/Olympus\n", "schedule.timezone", 2),
        ("schedule:\n  day: monday\n", "day", 2),
        ("watch:\n  interval: 5x\n", "watch.interval", 2),
        ("watch:\n  interval: 0s\n", "watch.interval", 2),
        ("feeds:\n  poll:\n    interval: 10s\n", "feeds.poll.interval", 3),
        ("feeds:\n  sources:\n    - url: ftp://example.jp/a.xml\n", "feeds.sources[0].url", 3),
        ("feeds:\n  sources:\n    - url: https://example.jp/a.xml\n      file: a.xml\n", "feeds.sources[0].url", 3),
    ])
    func aBadValueNamesItsLineAndKey(text: String, key: String, line: Int) throws {
        let error = try #require(throws: InputError.self) { try ConfigurationLoader.parse(text, file: file) }
        #expect(error.location.line == line, "\(error)")
        #expect(error.description.contains(key), "\(error)")
    }

    @Test func aPolledFeedsDownloadNameIsSafeAndDistinct() {
        let a = FeedSettings.PolledFeed(url: "https://academy.example.jp/kenshu/courses.xml?year=2026")
        let b = FeedSettings.PolledFeed(url: "https://academy.example.jp/kenshu/courses.xml?year=2027")
        #expect(a.downloadName.hasPrefix("academy.example.jp_kenshu_courses.xml_year_2026-"))
        #expect(a.downloadName.hasSuffix(".xml"))
        #expect(a.downloadName != b.downloadName)
        #expect(!a.downloadName.contains("/"))
    }

    @Test func theProductionExamplesAreValid() throws {
        let deploy = Self.repository.appendingPathComponent("Deploy/etc")
        let config = try ConfigurationLoader.load(path: deploy.appendingPathComponent("kenshu.yaml").path)
        #expect(config.stateDirectory == "/var/lib/kenshu")
        #expect(config.inboxDirectory == "/var/spool/kenshu/incoming")
        #expect(config.spoolDirectory == "/var/spool/kenshu/outgoing")
        #expect(config.serve.weekday == 1)
        #expect(config.feeds.polled.count == 1)
        let catalog = try PolicyCatalogLoader.load(catalogDirectory: Self.repository.appendingPathComponent("Catalog").path)
        _ = try RulesLoader.load(path: deploy.appendingPathComponent("rules.yaml").path, catalog: catalog)
    }
}
