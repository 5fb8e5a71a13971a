import Foundation
import KenshuCore
import KenshuImport
import KenshuXML
import Testing

/// The XCRI-CAP reader on small feeds written here: mapping, warnings, rejections.
struct XCRICAPReaderTests {
    static let oneCourse = """
        <course>
          <dc:identifier>http://acme.example/courses/101</dc:identifier>
          <dc:identifier>C-101</dc:identifier>
          <dc:title>Project management</dc:title>
          <dc:subject identifier="N211">Management</dc:subject>
          <dc:subject>Planning</dc:subject>
          <dc:description>Plan and run a project.</dc:description>
          <mlo:url>http://acme.example/courses/101</mlo:url>
          <presentation>
            <dc:identifier>P-1</dc:identifier>
            <mlo:start dtf="2026-05-12">12 May 2026</mlo:start>
            <end dtf="2026-05-13T17:00:00+09:00">13 May 2026</end>
            <applyUntil dtf="2026-04-30">30 April</applyUntil>
            <attendanceMode identifier="CM">Campus</attendanceMode>
            <mlo:places>20</mlo:places>
            <mlo:cost>5,000円</mlo:cost>
            <venue><provider><dc:title>City Hall, Room 3</dc:title></provider></venue>
          </presentation>
        </course>
        """

    @Test func readsACourseWithItsPresentationAndProvider() throws {
        let read = try readXCRI(xcriCatalog(Self.oneCourse))
        #expect(read.warnings.isEmpty)
        let course = try #require(read.courses.first)
        #expect(read.courses.count == 1)
        #expect(course.id == "C-101")
        #expect(course.title == "Project management")
        #expect(course.summary == "Plan and run a project.")
        #expect(course.url == "http://acme.example/courses/101")
        #expect(course.subjects == ["Management", "N211", "Planning"])
        #expect(course.provider == CourseProvider(id: "http://acme.example/", name: "Acme Institute"))
        #expect(course.line == 7)
        let presentation = try #require(course.presentations.first)
        #expect(presentation == Presentation(
            id: "P-1", start: LocalDate(year: 2026, month: 5, day: 12), end: LocalDate(year: 2026, month: 5, day: 13),
            applyBy: LocalDate(year: 2026, month: 4, day: 30), venue: "City Hall, Room 3", attendance: .onsite,
            seats: 20, cost: "5,000円"))
    }

    @Test func aPrerequisiteThatSaysWhomIsAnAudienceLineAndOthersAreNot() throws {
        let course = Self.oneCourse.replacingOccurrences(of: "<mlo:url>", with: """
            <mlo:prerequisite>対象：税務担当職員、係長</mlo:prerequisite>
            <mlo:prerequisite>Basic knowledge of Excel</mlo:prerequisite>
            <mlo:prerequisite>  受講対象:  全職員 </mlo:prerequisite>
            <mlo:url>
            """)
        let read = try readXCRI(xcriCatalog(course))
        #expect(read.warnings.isEmpty)
        #expect(read.courses.first?.audienceLines == ["対象：税務担当職員、係長", "受講対象: 全職員"])
    }

    @Test func theDefaultNamespaceAndAnXcriPrefixGiveTheSameCourses() throws {
        let prefixed = """
            <xcri:catalog xmlns:xcri="http://xcri.org/profiles/1.2/catalog" xmlns:dc="http://purl.org/dc/elements/1.1/"
                          xmlns:mlo="http://purl.org/net/mlo">
              <xcri:provider>
                <dc:identifier>http://acme.example/</dc:identifier><dc:title>Acme Institute</dc:title>
                <xcri:course>
                  <dc:identifier>http://acme.example/courses/101</dc:identifier>
                  <dc:identifier>C-101</dc:identifier>
                  <dc:title>Project management</dc:title>
                  <dc:subject identifier="N211">Management</dc:subject>
                  <dc:subject>Planning</dc:subject>
                  <dc:description>Plan and run a project.</dc:description>
                  <mlo:url>http://acme.example/courses/101</mlo:url>
                  <xcri:presentation>
                    <dc:identifier>P-1</dc:identifier>
                    <mlo:start dtf="2026-05-12">12 May 2026</mlo:start>
                    <xcri:end dtf="2026-05-13T17:00:00+09:00">13 May 2026</xcri:end>
                    <xcri:applyUntil dtf="2026-04-30">30 April</xcri:applyUntil>
                    <xcri:attendanceMode identifier="CM">Campus</xcri:attendanceMode>
                    <mlo:places>20</mlo:places>
                    <mlo:cost>5,000円</mlo:cost>
                    <xcri:venue><xcri:provider><dc:title>City Hall, Room 3</dc:title></xcri:provider></xcri:venue>
                  </xcri:presentation>
                </xcri:course>
              </xcri:provider>
            </xcri:catalog>
            """
        var expected = try readXCRI(xcriCatalog(Self.oneCourse)).courses
        var actual = try readXCRI(prefixed).courses
        // Only the lines differ.
        for index in expected.indices { expected[index].line = nil }
        for index in actual.indices { actual[index].line = nil }
        #expect(actual == expected)
    }

    @Test(arguments: ["http://xcri.org/profiles/catalog/1.2", "http://xcri.org/profiles/catalog", ""])
    func aVariantNamespaceReadsWithAWarning(namespace: String) throws {
        let xml = """
            <catalog xmlns="\(namespace)" xmlns:dc="http://purl.org/dc/elements/1.1">
              <provider><dc:title>Acme</dc:title>
                <course><dc:identifier>C-1</dc:identifier><dc:title>One</dc:title></course>
              </provider>
            </catalog>
            """
        let read = try readXCRI(xml)
        #expect(read.courses.map(\.id) == ["C-1"])
        #expect(read.courses.first?.provider == CourseProvider(id: "Acme", name: "Acme"))
        let warning = try #require(read.warnings.first)
        #expect(read.warnings.count == 1)
        #expect(warning.message.contains("read as XCRI-CAP 1.2"))
        #expect(warning.location.line == 1)
    }

    @Test func lowerCaseElementNamesAndDublinCoreWithoutItsSlashAreRead() throws {
        // As North Lindsey College writes them.
        let xml = """
            <catalog xmlns="http://xcri.org/profiles/1.2/catalog" xmlns:dc="http://purl.org/dc/elements/1.1">
              <provider><dc:identifier>NL</dc:identifier>
                <course>
                  <description>Text</description>
                  <dc:identifier>PF1</dc:identifier><dc:title>Art</dc:title>
                  <presentation>
                    <dc:start dtf='2026-09-01'>September</dc:start>
                    <applyuntil dtf='2026-07-31'>31 July</applyuntil>
                    <attendancemode identifier='CM'>Campus</attendancemode>
                  </presentation>
                </course>
              </provider>
            </catalog>
            """
        let course = try #require(try readXCRI(xml).courses.first)
        #expect(course.summary == "Text")
        let presentation = try #require(course.presentations.first)
        #expect(presentation.start == LocalDate(year: 2026, month: 9, day: 1))
        #expect(presentation.applyBy == LocalDate(year: 2026, month: 7, day: 31))
        #expect(presentation.attendance == .onsite)
    }

    @Test func theDtfAttributeIsAuthoritativeAndProseWithoutOneIsLeftOutWithAWarning() throws {
        let xml = xcriCatalog("""
            <course><dc:identifier>C-1</dc:identifier><dc:title>Dates</dc:title>
              <presentation><dc:identifier>dtf</dc:identifier>
                <mlo:start dtf="2026-06-01T09:30:00Z">Monday 1st of June 2026</mlo:start>
              </presentation>
              <presentation><dc:identifier>iso-text</dc:identifier>
                <mlo:start>2026-06-02</mlo:start><end>2026/6/3</end>
              </presentation>
              <presentation><dc:identifier>prose</dc:identifier>
                <mlo:start>Monday 30 September 2013</mlo:start>
              </presentation>
              <presentation><dc:identifier>bad-dtf</dc:identifier>
                <mlo:start dtf="2026-02-30">30 February</mlo:start>
                <end dtf="soon">2026-07-01</end>
              </presentation>
            </course>
            """)
        let read = try readXCRI(xml)
        let course = try #require(read.course("C-1"))
        let byID = Dictionary(uniqueKeysWithValues: course.presentations.map { ($0.id, $0) })
        #expect(byID["dtf"]?.start == LocalDate(year: 2026, month: 6, day: 1))
        #expect(byID["iso-text"]?.start == LocalDate(year: 2026, month: 6, day: 2))
        #expect(byID["iso-text"]?.end == LocalDate(year: 2026, month: 6, day: 3))
        #expect(byID["prose"] != nil)
        #expect(byID["prose"]?.start == nil)
        #expect(byID["bad-dtf"]?.start == nil)
        #expect(byID["bad-dtf"]?.end == LocalDate(year: 2026, month: 7, day: 1))
        #expect(read.warnings.map(\.record) == ["C-1/prose", "C-1/bad-dtf", "C-1/bad-dtf"])
        #expect(read.warnings[0].message.contains("'Monday 30 September 2013' is not a date"))
        #expect(read.warnings[0].location == SourceLocation(file: "feed.xml", line: 15))
        #expect(read.warnings[1].message.contains("dtf '2026-02-30' is not a date (left out)"))
        #expect(read.warnings[2].message.contains("the text '2026-07-01' is used"))
    }

    @Test func aPresentationEndingBeforeItStartsIsSkippedWithAWarning() throws {
        let xml = xcriCatalog("""
            <course><dc:identifier>C-1</dc:identifier><dc:title>Backwards</dc:title>
              <presentation><dc:identifier>P-1</dc:identifier>
                <mlo:start dtf="2026-09-05"/><end dtf="2026-09-04"/>
              </presentation>
              <presentation><dc:identifier>P-2</dc:identifier>
                <mlo:start dtf="2026-09-05"/><end dtf="2026-09-05"/>
              </presentation>
            </course>
            """)
        let read = try readXCRI(xml)
        #expect(read.courses.first?.presentations.map(\.id) == ["P-2"])
        let warning = try #require(read.warnings.first)
        #expect(read.warnings.count == 1)
        #expect(warning.record == "C-1/P-1")
        #expect(warning.location.line == 8)
        #expect(warning.description == "feed.xml:8: C-1/P-1: the presentation ends (2026-09-04) before it starts (2026-09-05) (skipped)")
    }

    /// A repeated presentation id is the reader's to catch; a repeated course id the store's
    /// (see CatalogStoreTests), so the reader's memory stays flat.
    @Test func aRepeatedPresentationIDKeepsTheFirstAndRepeatedCoursesPassThrough() throws {
        let xml = xcriCatalog("""
            <course><dc:identifier>C-1</dc:identifier><dc:title>First</dc:title>
              <presentation><dc:identifier>P-1</dc:identifier><mlo:cost>free</mlo:cost></presentation>
              <presentation><dc:identifier>P-1</dc:identifier><mlo:cost>again</mlo:cost></presentation>
            </course>
            <course><dc:identifier>C-1</dc:identifier><dc:title>Second</dc:title></course>
            """)
        let read = try readXCRI(xml)
        #expect(read.courses.map(\.title) == ["First", "Second"])
        #expect(read.courses.first?.presentations.map(\.cost) == ["free"])
        #expect(read.warnings.map(\.record) == ["C-1/P-1"])
        #expect(read.warnings.map(\.location.line) == [9])
        #expect(read.warnings[0].message.contains("repeats the one on line 8"))
    }

    @Test func theSameCourseIDUnderTwoProvidersIsNotARepeat() throws {
        let xml = """
            <catalog xmlns="http://xcri.org/profiles/1.2/catalog" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <provider><dc:identifier>A</dc:identifier>
                <course><dc:identifier>C-1</dc:identifier><dc:title>At A</dc:title></course></provider>
              <provider><dc:identifier>B</dc:identifier>
                <course><dc:identifier>C-1</dc:identifier><dc:title>At B</dc:title></course></provider>
            </catalog>
            """
        let read = try readXCRI(xml)
        #expect(read.courses.map(\.provider.id) == ["A", "B"])
        #expect(read.warnings.isEmpty)
        // Filed under one provider, they are the same id (the store then keeps the first).
        let merged = try readXCRI(xml, provider: CourseProvider(id: "acme", name: "Acme"))
        #expect(merged.courses.map(\.provider.id) == ["acme", "acme"])
    }

    @Test func aCourseWithoutTitleOrIdentifierIsSkippedWithAWarning() throws {
        let xml = xcriCatalog("""
            <course><dc:identifier>C-1</dc:identifier><dc:description>No title</dc:description></course>
            <course><dc:title>No id</dc:title></course>
            <course><dc:identifier>C-3</dc:identifier><dc:title>  </dc:title></course>
            <course><dc:identifier>C-4</dc:identifier><dc:title>Kept</dc:title></course>
            """)
        let read = try readXCRI(xml)
        #expect(read.courses.map(\.id) == ["C-4"])
        #expect(read.warnings.map(\.description) == [
            "feed.xml:7: C-1: the course has no dc:title (skipped)",
            "feed.xml:8: a course without dc:identifier (title 'No id') (skipped)",
            "feed.xml:9: C-3: the course has no dc:title (skipped)",
        ])
    }

    @Test func identifiersPreferACodeToAURLAndPresentationsWithoutOneGetADerivedID() throws {
        let xml = xcriCatalog("""
            <course><dc:identifier>http://acme.example/c/9</dc:identifier><dc:title>Only a URL</dc:title>
              <presentation><mlo:start dtf="2026-01-01"/></presentation>
              <presentation><dc:identifier>http://acme.example/p/2</dc:identifier></presentation>
              <presentation/>
            </course>
            """)
        let course = try #require(try readXCRI(xml).courses.first)
        #expect(course.id == "http://acme.example/c/9")
        #expect(course.presentations.map(\.id) == [
            "http://acme.example/c/9#1", "http://acme.example/p/2", "http://acme.example/c/9#3",
        ])
    }

    @Test func anEscapedHTMLDescriptionBecomesText() throws {
        let xml = xcriCatalog("""
            <course><dc:identifier>C-1</dc:identifier><dc:title>HTML</dc:title>
              <dc:description xsi:type="courseDataProgramme:metadataKeywords">keywords, only</dc:description>
              <dc:description>&lt;p&gt;Budgets &amp;amp; plans&lt;/p&gt;&#xD;
            &lt;ul&gt;&lt;li&gt;one&lt;/li&gt;&lt;li&gt;two&lt;/li&gt;&lt;/ul&gt;</dc:description>
            </course>
            """)
        #expect(try readXCRI(xml).courses.first?.summary == "Budgets & plans one two")
    }

    @Test func anXHTMLDivDescriptionGivesAllItsText() throws {
        let xml = xcriCatalog("""
            <course xmlns:x="http://www.w3.org/1999/xhtml"><dc:identifier>C-1</dc:identifier><dc:title>XHTML</dc:title>
              <dc:description><x:div><x:h1>Welcome</x:h1><x:p>First  paragraph.</x:p>
                <x:ul><x:li>one</x:li><x:li>two</x:li></x:ul></x:div></dc:description>
            </course>
            """)
        #expect(try readXCRI(xml).courses.first?.summary == "Welcome First paragraph. one two")
    }

    @Test func aTypedDescriptionIsTheSummaryWhenItIsTheOnlyOneAndTheAbstractWhenThereIsNone() throws {
        let xml = xcriCatalog("""
            <course><dc:identifier>C-1</dc:identifier><dc:title>Typed</dc:title>
              <dc:description xsi:type="x:keywords">keywords</dc:description></course>
            <course><dc:identifier>C-2</dc:identifier><dc:title>Abstract</dc:title>
              <abstract>Short.</abstract></course>
            <course><dc:identifier>C-3</dc:identifier><dc:title>None</dc:title></course>
            """)
        #expect(try readXCRI(xml).courses.map(\.summary) == ["keywords", "Short.", ""])
    }

    @Test func readsJapaneseText() throws {
        let xml = xcriCatalog(
            """
            <course><dc:identifier>KS-2026-01</dc:identifier><dc:title>新任係長研修（マネジメント基礎）</dc:title>
              <dc:subject>マネジメント</dc:subject>
              <dc:description>係長に必要な　部下育成と業務改善を学ぶ。</dc:description>
              <presentation><dc:identifier>第1回</dc:identifier>
                <mlo:start>令和8年5月12日</mlo:start><end>２０２６／５／１３</end>
                <attendanceMode>集合研修</attendanceMode>
                <mlo:places>定員２０名</mlo:places><mlo:cost>無料</mlo:cost>
                <venue><provider><dc:title>市役所本庁舎 ７階研修室</dc:title></provider></venue>
              </presentation>
              <presentation><dc:identifier>第2回</dc:identifier>
                <attendanceMode>オンライン（Zoom）</attendanceMode><mlo:places>なし</mlo:places><mlo:cost> </mlo:cost>
              </presentation>
            </course>
            """,
            provider: "<dc:title>自治大学校</dc:title>")
        let read = try readXCRI(xml)
        #expect(read.warnings.isEmpty)
        let course = try #require(read.courses.first)
        #expect(course.title == "新任係長研修（マネジメント基礎）")
        #expect(course.summary == "係長に必要な 部下育成と業務改善を学ぶ。")
        #expect(course.subjects == ["マネジメント"])
        #expect(course.provider == CourseProvider(id: "自治大学校", name: "自治大学校"))
        #expect(course.presentations.count == 2)
        let first = try #require(course.presentations.first)
        #expect(first.id == "第1回")
        #expect(first.start == LocalDate(year: 2026, month: 5, day: 12))
        #expect(first.end == LocalDate(year: 2026, month: 5, day: 13))
        #expect(first.attendance == .onsite)
        #expect(first.seats == 20)
        #expect(first.cost == "無料")
        #expect(first.venue == "市役所本庁舎 ７階研修室")
        let second = try #require(course.presentations.last)
        #expect(second.attendance == .online)
        #expect(second.seats == nil)
        #expect(second.cost == nil)
    }

    @Test(arguments: [
        ("CM", "", AttendanceMode.onsite), ("NC", "", .onsite), ("DS", "", .online), ("ON", "", .online),
        ("DA", "", .blended), ("MM", "", .blended), ("", "Face-to-face non-campus", .onsite),
        ("", "Distance without attendance", .online), ("", "Distance with attendance", .blended),
        ("", "e-Learning", .online), ("", "ﾈｯﾄ研修", .online), ("", "Blended", .blended), ("", "Mixed mode", .blended),
        ("", "Self-study", .unknown), ("", "", .unknown), ("XX", "Campus", .onsite),
    ])
    func attendanceModesFromCodeOrText(identifier: String, text: String, expected: AttendanceMode) throws {
        let attribute = identifier.isEmpty ? "" : " identifier=\"\(identifier)\""
        let xml = xcriCatalog("""
            <course><dc:identifier>C-1</dc:identifier><dc:title>Modes</dc:title>
              <presentation><attendanceMode\(attribute)>\(text)</attendanceMode></presentation></course>
            """)
        #expect(try readXCRI(xml).courses.first?.presentations.first?.attendance == expected)
    }

    @Test func readsAUTF16BigEndianDocumentWithItsByteOrderMark() throws {
        let xml = xcriCatalog("<course><dc:identifier>U-1</dc:identifier><dc:title>ユニコード研修</dc:title></course>")
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in xml.utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let read = try readXCRI(bytes: bytes, file: "utf16.xml")
        #expect(read.courses.map(\.title) == ["ユニコード研修"])
        #expect(read.courses.first?.line == 7)
    }

    @Test func theProviderIsTheOverrideOrTheEnclosingProviderOrTheFileName() throws {
        let xml = xcriCatalog(
            "<course><dc:identifier>C-1</dc:identifier><dc:title>T</dc:title></course>",
            provider: """
                <dc:identifier xsi:type="ukrlp:ukprn">10004695</dc:identifier>
                <dc:identifier>http://acme.example/</dc:identifier>
                <dc:title>Acme</dc:title><mlo:url>http://acme.example/home</mlo:url>
                <mlo:location><mlo:url>http://acme.example/map</mlo:url></mlo:location>
                """)
        #expect(try readXCRI(xml).courses.first?.provider
                == CourseProvider(id: "http://acme.example/", name: "Acme", url: "http://acme.example/home"))
        let override = CourseProvider(id: "jichi", name: "自治研修所")
        #expect(try readXCRI(xml, provider: override).courses.first?.provider == override)

        let unnamed = try readXCRI(
            xcriCatalog("<course><dc:identifier>C-1</dc:identifier><dc:title>T</dc:title></course>", provider: ""),
            file: "feeds/acme-2026.xml")
        #expect(unnamed.courses.first?.provider == CourseProvider(id: "acme-2026", name: "acme-2026"))
        #expect(unnamed.warnings.map(\.location.line) == [5])
        #expect(unnamed.warnings.first?.message.contains("filed under 'acme-2026'") == true)
    }

    @Test func providerFieldsAfterItsCoursesDoNotNameThemAndOtherChildrenAreIgnored() throws {
        let xml = """
            <catalog xmlns="http://xcri.org/profiles/1.2/catalog" xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:mlo="http://purl.org/net/mlo">
              <dc:identifier>catalog-id</dc:identifier>
              <provider>
                <dc:description><dc:title>not the provider's</dc:title></dc:description>
                <course><dc:identifier>C-1</dc:identifier><dc:title>Early</dc:title></course>
                <course><dc:identifier>C-2</dc:identifier><dc:title>Early too</dc:title></course>
                <dc:title>Late</dc:title>
                <course><dc:identifier>C-3</dc:identifier><dc:title>After</dc:title></course>
                <mlo:location><mlo:address>1 Street</mlo:address></mlo:location>
              </provider>
            </catalog>
            """
        let read = try readXCRI(xml, file: "late.xml")
        #expect(read.courses.map(\.provider.id) == ["late", "late", "Late"])
        #expect(read.warnings.count == 1)
    }

    @Test func aRootOtherThanAnXCRICatalogIsRejectedNamingIt() throws {
        let foreign = "<?xml version=\"1.0\"?>\n<courses xmlns=\"urn:example:institute\"><course/></courses>"
        let error = try #require(throws: XMLReadError.self) { try readXCRI(foreign, file: "institute.xml") }
        #expect(error.description.contains("institute.xml:2"))
        #expect(error.description.contains("the root element is {urn:example:institute}courses"))
        #expect(error.description.contains("not an XCRI-CAP 1.2 catalog"))
        #expect(error.description.contains("mapping profile"))

        let provider = "<provider xmlns=\"http://xcri.org/profiles/1.2/catalog\"/>"
        let providerError = try #require(throws: XMLReadError.self) { try readXCRI(provider) }
        #expect(providerError.description.contains("the root element is {http://xcri.org/profiles/1.2/catalog}provider"))
    }

    @Test func aDocumentThatIsNotWellFormedIsRejectedWithItsLine() throws {
        let xml = xcriCatalog("<course><dc:identifier>C-1</dc:identifier><dc:title>T</course>")
        let error = try #require(throws: XMLReadError.self) { try readXCRI(xml, file: "broken.xml") }
        #expect(error.description.contains("broken.xml:7"))
    }

    @Test func anErrorFromTheCourseCallbackStopsTheRead() throws {
        struct Stop: Error {}
        let xml = xcriCatalog("""
            <course><dc:identifier>C-1</dc:identifier><dc:title>One</dc:title></course>
            <course><dc:identifier>C-2</dc:identifier><dc:title>Two</dc:title></course>
            """)
        let reader = XCRICAPReader(reader: try XMLStreamReader(bytes: Array(xml.utf8), file: "feed.xml"))
        var seen: [String] = []
        #expect(throws: Stop.self) {
            try reader.read(course: { seen.append($0.id); throw Stop() }, warning: { _ in })
        }
        #expect(seen == ["C-1"])
    }

    @Test func aCourseOverTheNodeLimitIsRejected() throws {
        let many = String(repeating: "<dc:subject>s</dc:subject>", count: XCRICAPReader.maxNodesPerCourse)
        let xml = xcriCatalog("<course><dc:identifier>C-1</dc:identifier><dc:title>Big</dc:title>\(many)</course>")
        let error = try #require(throws: XMLReadError.self) { try readXCRI(xml) }
        #expect(error.description.contains("maxNodes"))
    }

    @Test func opensAFileByPath() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("kenshu-xcri-\(UUID().uuidString).xml").path
        try xcriCatalog("<course><dc:identifier>C-1</dc:identifier><dc:title>T</dc:title></course>")
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let read = try readXCRI(XCRICAPReader(path: path))
        #expect(read.courses.map(\.id) == ["C-1"])
    }
}
