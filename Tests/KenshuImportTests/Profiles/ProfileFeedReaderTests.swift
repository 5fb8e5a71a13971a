import Foundation
import KenshuConfig
import KenshuCore
import KenshuImport
import KenshuXML
import Testing

/// Reading institutes' own formats through a profile: fields, lists, value maps,
/// namespaces, per-record warnings, and documents that are not in the profile's format.
struct ProfileFeedReaderTests {
    static let profileYAML = """
        name: test
        namespace: urn:example:kenshu
        provider: {id: /catalogue/@institute, name: /catalogue/name, url: https://example.org/}
        course: /catalogue/course
        fields:
          id: "@code"
          title: title
          summary: outline
          url: link
          kind: category
          families: target/family
          ranks: target/rank
          subjects: field
          digitalTier: dx
          abilities: ability
        presentation: session
        presentationFields:
          id: "@no"
          start: period/from
          end: period/to
          applyBy: deadline
          venue: place
          attendance: style
          seats: capacity
          cost: fee
        values:
          kind: {公募: external.open-call.generalist, 階層別: external.rank-based}
          families: {保育士: 保育士職, 全職種: []}
          ranks: {若手: [主事, 主任], 係長相当: 係長}
          attendance: {集合: onsite, オンライン: online}
        """

    static func profile() throws -> FeedProfile { try ProfileFixtures.profile(profileYAML) }

    /// A catalogue in the test format with `courses` inside; the namespace is bound to `prefix`.
    static func catalogue(_ courses: String, prefix: String = "") -> String {
        let declaration = prefix.isEmpty ? "xmlns" : "xmlns:\(prefix)"
        let root = prefix.isEmpty ? "catalogue" : "\(prefix):catalogue"
        let name = prefix.isEmpty ? "name" : "\(prefix):name"
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <\(root) \(declaration)="urn:example:kenshu" institute="niigata-kenshu">
              <\(name)>新潟研修センター</\(name)>
            \(courses)
            </\(root)>
            """
    }

    @Test func mapsFieldsListsAndValueMaps() throws {
        let xml = Self.catalogue("""
              <course code="C-101">
                <title>政策形成研修</title>
                <outline><p>地域の課題を&lt;b&gt;データ&lt;/b&gt;で捉えます。</p>
                  <p>A&amp;B</p></outline>
                <link> https://example.jp/c/101 </link>
                <category>公募</category>
                <target><family>保育士</family><family>一般職</family><rank>若手</rank><rank>係長相当</rank><rank>主査</rank><rank>窓口担当職員</rank></target>
                <field>政策形成、EBPM</field><field>EBPM</field>
                <dx>DX推進リーダー</dx>
                <ability>④</ability><ability>政策形成能力</ability><ability>1</ability>
                <session no="1">
                  <period><from>2027-01-26</from><to>令和9年1月28日</to></period>
                  <deadline>2026/12/18</deadline>
                  <place>新潟県自治会館</place>
                  <style>集合</style>
                  <capacity>定員30名</capacity>
                  <fee>5,000円</fee>
                </session>
                <session>
                  <period><from>2027-08-24</from></period>
                  <style>Online</style>
                </session>
              </course>
            """)
        let read = try readWithProfile(xml, profile: Self.profile())
        #expect(read.warnings.isEmpty, "\(read.messages)")
        let course = try #require(read.course("C-101"))
        #expect(course.provider == CourseProvider(id: "niigata-kenshu", name: "新潟研修センター", url: "https://example.org/"))
        #expect(course.title == "政策形成研修")
        #expect(course.summary == "地域の課題を データ で捉えます。 A&B")
        #expect(course.url == "https://example.jp/c/101")
        #expect(course.kind == "external.open-call.generalist")
        #expect(course.families == [.nursery, .general])
        #expect(course.ranks == ["主事", "主任", "係長", "主査"])
        // A rank text the profile does not map and the policy does not know is words for whom.
        #expect(course.audienceLines == ["窓口担当職員"])
        #expect(course.subjects == ["政策形成", "EBPM"])
        #expect(course.digitalTier == "dx-leader")
        #expect(course.abilities == [AbilityWeight(ability: 4), AbilityWeight(ability: 1)])
        #expect(course.line == 4)
        #expect(course.presentations.count == 2)
        let first = try #require(course.presentations.first)
        #expect(first.id == "1")
        #expect(first.start == LocalDate(year: 2027, month: 1, day: 26))
        #expect(first.end == LocalDate(year: 2027, month: 1, day: 28))
        #expect(first.applyBy == LocalDate(year: 2026, month: 12, day: 18))
        #expect(first.venue == "新潟県自治会館")
        #expect(first.attendance == .onsite)
        #expect(first.seats == 30)
        #expect(first.cost == "5,000円")
        let second = try #require(course.presentations.last)
        #expect(second.id == "C-101@2027-08-24")
        #expect(second.attendance == .online)
        #expect(second.end == nil && second.seats == nil && second.cost == nil)
    }

    @Test func matchesNamespacesByURINotPrefix() throws {
        let prefixed = Self.catalogue("""
              <k:course code="C-1"><k:title>接遇研修</k:title><title>not this one</title></k:course>
            """, prefix: "k")
        let read = try readWithProfile(prefixed, profile: Self.profile())
        #expect(read.courses.map(\.title) == ["接遇研修"])

        let profile = try ProfileFixtures.profile("""
            course: /c:list/c:item
            namespaces: {c: "urn:a", d: "urn:b"}
            fields: {id: "@d:id", title: d:name}
            provider: {id: fixed}
            """)
        let xml = """
            <list xmlns="urn:a" xmlns:x="urn:b" xmlns:d="urn:other">
              <item x:id="1" d:id="wrong"><x:name>法制執務研修</x:name><d:name>wrong</d:name></item>
              <d:item x:id="2"><x:name>not an item of urn:a</x:name></d:item>
            </list>
            """
        let other = try readWithProfile(xml, profile: profile)
        #expect(other.courses.map(\.id) == ["1"])
        #expect(other.courses.map(\.title) == ["法制執務研修"])
    }

    @Test func warnsAboutABadDateAndLeavesItOut() throws {
        let read = try readWithProfile(Self.catalogue("""
              <course code="C-1"><title>接遇研修</title>
                <session no="1"><period><from>2027-02-30</from><to>2027-03-01</to></period></session>
              </course>
            """), profile: Self.profile())
        let presentation = try #require(read.courses.first?.presentations.first)
        #expect(presentation.start == nil)
        #expect(presentation.end == LocalDate(year: 2027, month: 3, day: 1))
        #expect(read.messages == ["C-1/1: start '2027-02-30' is not a date (left out)"])
        #expect(read.warnings.first?.location == SourceLocation(file: "feed.xml", line: 5))
    }

    @Test func skipsAPresentationThatEndsBeforeItStarts() throws {
        let read = try readWithProfile(Self.catalogue("""
              <course code="C-1"><title>接遇研修</title>
                <session no="1"><period><from>2027-02-16</from><to>2027-02-06</to></period></session>
                <session no="2"><period><from>2027-03-16</from><to>2027-03-16</to></period></session>
              </course>
            """), profile: Self.profile())
        #expect(read.courses.first?.presentations.map(\.id) == ["2"])
        #expect(read.messages == ["C-1/1: the presentation ends (2027-02-06) before it starts (2027-02-16) (skipped)"])
    }

    /// Courses without id or title are skipped here; a repeated id passes through to the
    /// store, which keeps the first (memory here stays flat).
    @Test func skipsCoursesWithoutIdOrTitle() throws {
        let read = try readWithProfile(Self.catalogue("""
              <course code="C-1"><title>接遇研修</title></course>
              <course code="C-1"><title>接遇研修（再掲）</title></course>
              <course><title>番号のない研修</title></course>
              <course code="C-3"><title>  </title></course>
              <course code="C-4"><title>法制執務研修</title></course>
            """), profile: Self.profile())
        #expect(read.courses.map(\.id) == ["C-1", "C-1", "C-4"])
        #expect(read.courses.first?.title == "接遇研修")
        #expect(read.messages == [
            "a course「番号のない研修」 without an id at @code (skipped)",
            "C-3: the course has no title at title (skipped)",
        ])
        #expect(read.warnings.map(\.location.line) == [6, 7])
    }

    @Test func warnsOnceAboutEachUnmappedValue() throws {
        let read = try readWithProfile(Self.catalogue("""
              <course code="C-1"><title>a</title><category>特別研修</category>
                <target><family>事務職</family></target><ability>⑪</ability>
                <session no="1"><style>通信</style></session></course>
              <course code="C-2"><title>b</title><category>特別研修</category>
                <session no="1"><style>通信</style></session></course>
              <course code="C-3"><title>c</title><category>external.dispatch</category><dx>上級</dx></course>
            """), profile: Self.profile())
        #expect(read.courses.count == 3)
        #expect(read.courses.map(\.kind) == [nil, nil, "external.dispatch"])
        #expect(read.courses.first?.families == [])
        #expect(read.courses.first?.presentations.first?.attendance == .unknown)
        #expect(read.warnings.count == 5)
        #expect(read.messages.first == "C-1: kind '特別研修' is not in values.kind of the profile test (no kind; add it to test.yaml; warned once)")
        #expect(read.messages.contains { $0.hasPrefix("C-1: families '事務職'") })
        #expect(read.messages.contains { $0.hasPrefix("C-1: abilities '⑪'") })
        #expect(read.messages.contains { $0.hasPrefix("C-1/1: attendance '通信'") })
        #expect(read.messages.contains { $0.hasPrefix("C-3: digitalTier '上級'") })
    }

    @Test func rejectsADocumentWhoseRootIsNotTheProfiles() throws {
        let wrongName = try #require(throws: XMLReadError.self) {
            try readWithProfile("<catalog xmlns=\"urn:example:kenshu\"><course code=\"1\"/></catalog>", profile: Self.profile())
        }
        #expect(wrongName.description == "feed.xml:1: fatal: the root is <catalog>, the profile test expects <catalogue>")

        let wrongNamespace = try #require(throws: XMLReadError.self) {
            try readWithProfile("<catalogue><course code=\"1\"/></catalogue>", profile: Self.profile())
        }
        #expect(wrongNamespace.description.contains(
            "the root is <catalogue> in no namespace, the profile test expects <catalogue> in namespace urn:example:kenshu"))
    }

    @Test func takesTheProviderOverrideOrRequiresOne() throws {
        let xml = Self.catalogue("<course code=\"C-1\"><title>a</title></course>")
        let override = CourseProvider(id: "city-own", name: "市の研修")
        let read = try readWithProfile(xml, profile: Self.profile(), provider: override)
        #expect(read.courses.first?.provider == override)

        let noProvider = try ProfileFixtures.profile("course: /catalogue/course\nfields: {id: \"@code\", title: title}\nnamespace: urn:example:kenshu")
        let error = try #require(throws: XMLReadError.self) { try readWithProfile(xml, profile: noProvider) }
        #expect(error.description.contains("does not say the provider"))

        let missing = "<catalogue xmlns=\"urn:example:kenshu\"><course code=\"C-1\"><title>a</title></course></catalogue>"
        let notInFeed = try #require(throws: XMLReadError.self) { try readWithProfile(missing, profile: Self.profile()) }
        #expect(notInFeed.description.contains("does not give its provider's id at /catalogue/@institute"))
    }

    @Test func providerValuesAreScopedToTheElementHoldingThem() throws {
        let profile = try ProfileFixtures.profile("""
            course: /feed/institute/course
            provider: {id: /feed/institute/@id, name: /feed/institute/name}
            fields: {id: "@id", title: .}
            """)
        let read = try readWithProfile("""
            <feed>
              <institute id="a"><name>A研修所</name><course id="1">一</course></institute>
              <institute id="b"><course id="2">二</course></institute>
            </feed>
            """, profile: profile)
        #expect(read.courses.map(\.provider) == [
            CourseProvider(id: "a", name: "A研修所"), CourseProvider(id: "b", name: "b"),
        ])
        #expect(read.courses.map(\.title) == ["一", "二"])
    }

    @Test func readsACourseThatIsItsOwnPresentationAndAlternativePaths() throws {
        let profile = try ProfileFixtures.profile("""
            course: /研修計画/研修
            provider: {id: pref}
            fields: {id: "@番号", title: [研修名, 名称]}
            presentation: .
            presentationFields: {start: [開始日, "@開始"], end: "@終了"}
            """)
        let read = try readWithProfile("""
            <研修計画>
              <研修 番号="1" 開始="令和9年1月19日" 終了="令和9年1月20日"><名称>主任研修</名称></研修>
              <研修 番号="2" 開始="令和9年2月1日"><研修名>係長研修</研修名><名称>x</名称><開始日>2027-02-02</開始日></研修>
            </研修計画>
            """, profile: profile)
        #expect(read.courses.map(\.title) == ["主任研修", "係長研修"])
        #expect(read.courses.map { $0.presentations.map(\.id) } == [["1@2027-01-19"], ["2@2027-02-02"]])
        #expect(read.courses.first?.presentations.first?.end == LocalDate(year: 2027, month: 1, day: 20))
    }

    @Test func warnsWhenTheFeedHasNoCourseAtThePath() throws {
        let read = try readWithProfile(Self.catalogue("<courses><course code=\"1\"><title>a</title></course></courses>"),
                                       profile: Self.profile())
        #expect(read.courses.isEmpty)
        #expect(read.messages == ["the feed has no course at /catalogue/course (profile test)"])
    }

    @Test func anErrorThrownForACourseStopsTheRead() throws {
        struct Stop: Error {}
        let reader = ProfileFeedReader(
            reader: try XMLStreamReader(bytes: Array(Self.catalogue("""
                <course code="1"><title>a</title></course><course code="2"><title>b</title></course>
                """).utf8), file: "feed.xml"),
            profile: try Self.profile())
        var seen: [String] = []
        #expect(throws: Stop.self) {
            try reader.read(course: { seen.append($0.id); throw Stop() }, warning: { _ in })
        }
        #expect(seen == ["1"])
    }

    @Test func refusesACourseOverTheNodeLimit() throws {
        let sessions = String(repeating: "<session><period><from>2027-01-01</from></period></session>", count: 10)
        let reader = ProfileFeedReader(
            reader: try XMLStreamReader(bytes: Array(Self.catalogue("<course code=\"1\"><title>a</title>\(sessions)</course>").utf8),
                                        file: "feed.xml"),
            profile: try Self.profile(), maxCourseNodes: 20)
        let error = try #require(throws: XMLReadError.self) { try readWithProfile(reader) }
        #expect(error.description.contains("limit maxNodes"))
    }
}
