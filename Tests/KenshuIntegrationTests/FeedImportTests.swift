import Foundation
import KenshuTesting
import Testing

/// `kenshu import` and the inbox through the real binary: good feeds replace a provider's
/// catalogue, hostile or broken ones are rejected with a clear message and change nothing.
@Suite(.serialized)
struct FeedImportTests {
    static func feed(courses: [(id: String, title: String)], provider: String = "niigata") -> String {
        let items = courses.map { course in
            """
                <course>
                  <dc:identifier>\(course.id)</dc:identifier>
                  <dc:title>\(course.title)</dc:title>
                  <dc:description>政策課題を発見し解決策を立案する</dc:description>
                  <presentation>
                    <dc:identifier>\(course.id)-1</dc:identifier>
                    <mlo:start dtf="2027-02-01">2027年2月1日</mlo:start>
                    <end dtf="2027-02-02">2027年2月2日</end>
                    <applyUntil dtf="2027-01-10"/>
                    <mlo:places>30</mlo:places>
                  </presentation>
                </course>
            """
        }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <catalog xmlns="http://xcri.org/profiles/1.2/catalog" xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:mlo="http://purl.org/net/mlo" generated="2026-11-20T09:00:00+09:00">
              <provider>
                <dc:identifier>\(provider)</dc:identifier>
                <dc:title>新潟県自治研修所</dc:title>
            \(items)
              </provider>
            </catalog>

            """
    }

    func courseCount(_ city: TemporaryCity) throws -> Int {
        let status = try city.kenshu("status", "--json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let providers = try #require(json["providers"] as? [[String: Any]])
        return providers.reduce(0) { $0 + ($1["courses"] as? Int ?? 0) }
    }

    @Test func aFeedReplacesTheProvidersCatalogueAndReimportingChangesNothing() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let first = try city.write("a.xml", Self.feed(courses: [("K-1", "政策形成研修"), ("K-2", "法制執務研修")]))
        let result = try city.kenshu("import", first)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("追加 2・更新 0・変更なし 0・掲載終了 0"))
        let again = try city.kenshu("import", first)
        #expect(again.stdout.contains("追加 0・更新 0・変更なし 2・掲載終了 0"))
        let smaller = try city.write("b.xml", Self.feed(courses: [("K-1", "政策形成研修")]))
        #expect(try city.kenshu("import", smaller).stdout.contains("追加 0・更新 0・変更なし 1・掲載終了 1"))
        #expect(try courseCount(city) == 1)
    }

    /// `feeds.limits.maxCourseNodes` reaches both readers: XCRI-CAP and a profile's.
    @Test(arguments: ["xcri-niigata.xml", "academy.xml"])
    func theConfiguredLimitOnACoursesElementsIsApplied(_ feed: String) throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        #expect(try city.kenshu("import", TemporaryCity.example("feeds/" + feed)).status == 0)
        try city.appendConfig("feeds:\n  limits:\n    maxCourseNodes: 16\n")
        let result = try city.kenshu("import", TemporaryCity.example("feeds/" + feed))
        #expect(result.status == 2)
        #expect(result.stderr.contains("more than 16 elements"), "\(result.stderr)")
    }

    /// Hostile and broken feeds: each is rejected with exit 2, a message that says what and
    /// where, and the catalogue imported before stays as it was.
    @Test(arguments: [
        ("xxe.xml", #"<?xml version="1.0"?><!DOCTYPE catalog [<!ENTITY x SYSTEM "file:///etc/passwd">]><catalog xmlns="http://xcri.org/profiles/1.2/catalog"><provider><title>&x;</title></provider></catalog>"#,
         "entities"),
        ("bomb.xml", #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><catalog xmlns="http://xcri.org/profiles/1.2/catalog">&lol3;</catalog>"#,
         "entities"),
        ("deep.xml", #"<catalog xmlns="http://xcri.org/profiles/1.2/catalog">"# + String(repeating: "<x>", count: 100)
            + String(repeating: "</x>", count: 100) + "</catalog>", "maxDepth"),
        ("text.xml", #"<catalog xmlns="http://xcri.org/profiles/1.2/catalog"><x>"# + String(repeating: "あ", count: 400_000)
            + "</x></catalog>", "maxTextBytes"),
        ("attributes.xml", #"<catalog xmlns="http://xcri.org/profiles/1.2/catalog"><x "#
            + (0..<100).map { "a\($0)=\"1\"" }.joined(separator: " ") + "/></catalog>", "maxAttributes"),
        ("truncated.xml", String(Self.feed(courses: [("T-1", "研修")]).prefix(400)), ":"),
        ("notxml.xml", "職員番号,氏名\n1,山田\n", ":1"),
        ("other.xml", "<研修一覧><研修/></研修一覧>", "no profile"),
        ("encoding.xml", #"<?xml version="1.0" encoding="X-NO-SUCH-CHARSET"?><catalog/>"#, "encoding"),
    ])
    func aHostileFeedIsRejectedAndChangesNothing(name: String, text: String, expected: String) throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let good = try city.write("good.xml", Self.feed(courses: [("K-1", "政策形成研修")]))
        #expect(try city.kenshu("import", good).status == 0)
        let bad = try city.write(name, text)
        let result = try city.kenshu("import", bad)
        #expect(result.status == 2, "\(name): \(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains(name), "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(name): \(result.stderr)")
        #expect(result.stderr.contains("前の研修一覧のままです"))
        #expect(!result.stderr.contains("root:x:0:0"))
        #expect(try courseCount(city) == 1)
    }

    @Test func invalidUTF8AnEmptyFileAndAFolderAreRejected() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let invalid = city.folder.appendingPathComponent("invalid.xml")
        try Data(Array(#"<catalog xmlns="http://xcri.org/profiles/1.2/catalog"><x>"#.utf8) + [0xFF, 0xFE, 0x80]
            + Array("</x></catalog>".utf8)).write(to: invalid)
        let empty = try city.write("empty.xml", "")
        for path in [invalid.path, empty, city.folder.path] {
            let result = try city.kenshu("import", path)
            #expect(result.status == 2, "\(path): \(result.stderr)")
            #expect(result.stderr.contains(path), "\(result.stderr)")
        }
        #expect(try city.kenshu("import", empty).stderr.contains("empty"))
    }

    @Test func aUTF8FeedLabelledUTF16IsReadAsUTF8WithAWarning() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let text = Self.feed(courses: [("K-1", "政策形成研修")])
            .replacingOccurrences(of: #"encoding="UTF-8""#, with: #"encoding="utf-16""#)
        let feed = try city.write("dotnet.xml", text)
        let result = try city.kenshu("import", feed)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("追加 1・"))
        #expect(result.stdout.contains("says UTF-16 but the bytes are UTF-8"))
    }

    @Test func aCourseListedTwiceIsWarnedAboutOnceAndValidateOnlyStoresNothing() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let feed = try city.write("twice.xml", Self.feed(courses: [("K-1", "政策形成研修"), ("K-1", "再掲"), ("K-2", "法制執務研修")]))
        let checked = try city.kenshu("import", "--validate-only", feed)
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.contains("取り込むと: 追加 2・"))
        #expect(checked.stdout.contains("K-1: the course id is listed again"))
        #expect(try courseCount(city) == 0)
        let imported = try city.kenshu("import", feed)
        #expect(imported.stdout.contains("追加 2・更新 0・変更なし 0・掲載終了 0、警告 1 件"))
        #expect(try courseCount(city) == 2)
    }

    @Test func theLimitsAreConfigurable() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        var config = try String(contentsOfFile: city.config, encoding: .utf8)
        config += "\nfeeds:\n  limits:\n    maxDepth: 8\n"
        try config.write(toFile: city.config, atomically: true, encoding: .utf8)
        let feed = try city.write("feed.xml", Self.feed(courses: [("K-1", "政策形成研修")]))
        let result = try city.kenshu("import", feed)
        #expect(result.status == 0, "\(result.stderr)")
        let deeper = try city.write("deep.xml", #"<catalog xmlns="http://xcri.org/profiles/1.2/catalog">"#
            + String(repeating: "<x>", count: 9) + String(repeating: "</x>", count: 9) + "</catalog>")
        let rejected = try city.kenshu("import", deeper)
        #expect(rejected.status == 2)
        #expect(rejected.stderr.contains("8 levels"))
    }

    @Test func theInboxFilesImportedAndRejectedFeedsAway() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let inbox = city.folder.appendingPathComponent("state/incoming")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Self.feed(courses: [("K-1", "政策形成研修")]).write(to: inbox.appendingPathComponent("good.xml"), atomically: true, encoding: .utf8)
        try "<catalog xmlns=\"http://xcri.org/profiles/1.2/catalog\"><provider>"
            .write(to: inbox.appendingPathComponent("cut.xml"), atomically: true, encoding: .utf8)
        try "partial".write(to: inbox.appendingPathComponent("upload.xml.part"), atomically: true, encoding: .utf8)

        let result = try city.kenshu("run")
        #expect(result.status == 2, "\(result.stdout) \(result.stderr)")
        let fileManager = FileManager.default
        #expect(fileManager.fileExists(atPath: inbox.appendingPathComponent("imported/good.xml").path))
        #expect(fileManager.fileExists(atPath: inbox.appendingPathComponent("rejected/cut.xml").path))
        let note = try String(contentsOf: inbox.appendingPathComponent("rejected/cut.xml.error.txt"), encoding: .utf8)
        #expect(note.contains("cut.xml:"))
        #expect(note.contains("前の研修一覧のままです"))
        #expect(fileManager.fileExists(atPath: inbox.appendingPathComponent("upload.xml.part").path))
        #expect(try courseCount(city) == 1)
    }
}
