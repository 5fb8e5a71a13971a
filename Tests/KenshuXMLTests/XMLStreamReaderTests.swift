import Foundation
import KenshuCore
import KenshuXML
import Testing

/// The stream of start, text and end events, names, attributes and text decoding.
struct XMLStreamReaderTests {
    @Test func startTextAndEndEventsComeInDocumentOrder() throws {
        let read = try events(of: "<a><b>hi</b><c>there</c></a>")
        #expect(summary(read) == ["start a", "start b", "text hi", "end b", "start c", "text there", "end c", "end a"])
    }

    @Test func anEmptyElementGetsAnEndEvent() throws {
        let read = try events(of: "<a><b/></a>")
        #expect(summary(read) == ["start a", "start b", "end b", "end a"])
    }

    @Test func anEmptyRootElementGetsAnEndEvent() throws {
        let read = try events(of: "<only/>")
        #expect(summary(read) == ["start only", "end only"])
    }

    @Test func anEmptyElementWithAttributesKeepsThemAndStillEnds() throws {
        let read = try events(of: #"<a><b id="7"/></a>"#)
        #expect(summary(read) == ["start a", "start b", "end b", "end a"])
        guard case .start(let b) = read[1] else {
            Issue.record("expected the start of <b>, got \(read[1])")
            return
        }
        #expect(b.attribute("id") == "7")
    }

    @Test func theReaderKeepsReturningNilAfterTheEnd() throws {
        let reader = try XMLStreamReader(bytes: Array("<a/>".utf8), file: "test.xml")
        _ = try reader.allEvents()
        #expect(try reader.next() == nil)
        #expect(try reader.next() == nil)
    }

    @Test func startEventsCarryTheirNestingDepthWithTheRootAtOne() throws {
        let reader = try XMLStreamReader(bytes: Array("<a><b><c/></b><d/></a>".utf8), file: "test.xml")
        let depths = try reader.starts().map { "\($0.name.local)\($0.depth)" }
        #expect(depths == ["a1", "b2", "c3", "d2"])
    }

    @Test func whitespaceBetweenElementsArrivesAsText() throws {
        let read = try events(of: "<a>\n  <b/>\n</a>")
        #expect(summary(read) == ["start a", "text \n  ", "start b", "end b", "text \n", "end a"])
    }

    @Test func commentsAndProcessingInstructionsGiveNoEvents() throws {
        let read = try events(of: "<?xml version=\"1.0\"?><!-- head --><a>x<!-- inside --><?pi data?>y</a>")
        #expect(summary(read) == ["start a", "text x", "text y", "end a"])
    }

    @Test func aCDATASectionArrivesAsPlainText() throws {
        let read = try events(of: "<a><![CDATA[<b>&amp;</b>]]></a>")
        #expect(summary(read) == ["start a", "text <b>&amp;</b>", "end a"])
    }

    // MARK: Namespaces

    @Test func elementsCarryTheirNamespaceURIAndLocalName() throws {
        let xml = #"<x:catalog xmlns:x="urn:one"><course xmlns="urn:two"><title/></course><plain/></x:catalog>"#
        let reader = try XMLStreamReader(bytes: Array(xml.utf8), file: "test.xml")
        let names = try reader.starts().map(\.name)
        #expect(names == [
            XMLName("urn:one", "catalog"),
            XMLName("urn:two", "course"),
            XMLName("urn:two", "title"),
            XMLName("", "plain"),
        ])
    }

    @Test func endEventsCarryTheSameExpandedNameAsTheirStart() throws {
        let read = try events(of: #"<p:a xmlns:p="urn:p"><p:b/></p:a>"#)
        #expect(summary(read) == ["start {urn:p}a", "start {urn:p}b", "end {urn:p}b", "end {urn:p}a"])
    }

    @Test func aPrefixedAndADefaultNamespaceGiveTheSameNames() throws {
        let prefixed = try events(of: #"<xcri:course xmlns:xcri="urn:xcri"><xcri:title>A</xcri:title></xcri:course>"#)
        let defaulted = try events(of: #"<course xmlns="urn:xcri"><title>A</title></course>"#)
        #expect(summary(prefixed) == summary(defaulted))
        #expect(summary(prefixed).first == "start {urn:xcri}course")
    }

    @Test func attributesCarryTheirNamespaceAndUnprefixedOnesHaveNone() throws {
        let xml = #"<a xmlns="urn:d" xmlns:p="urn:p" id="1" p:kind="x"/>"#
        let reader = try XMLStreamReader(bytes: Array(xml.utf8), file: "test.xml")
        let start = try #require(try reader.starts().first)
        #expect(start.name == XMLName("urn:d", "a"))
        #expect(start.attributes == [
            XMLAttribute(name: XMLName("", "id"), value: "1"),
            XMLAttribute(name: XMLName("urn:p", "kind"), value: "x"),
        ])
        #expect(start.attribute("id") == "1")
        #expect(start.attribute("kind") == nil)
        #expect(start.attribute("kind", namespace: "urn:p") == "x")
    }

    @Test func namespaceDeclarationsAreNotReportedAsAttributes() throws {
        let xml = #"<a xmlns="urn:d" xmlns:p="urn:p"/>"#
        let reader = try XMLStreamReader(bytes: Array(xml.utf8), file: "test.xml")
        let start = try #require(try reader.starts().first)
        #expect(start.attributes.isEmpty)
    }

    @Test func xmlNameDescriptionShowsTheNamespaceInBraces() {
        #expect(XMLName("urn:x", "course").description == "{urn:x}course")
        #expect(XMLName("", "course").description == "course")
    }

    // MARK: Values and text

    @Test func attributeValuesDecodeAmpersandAndCharacterReferences() throws {
        let xml = #"<a v="Tom &amp; Jerry &#x4E00;&#65;&#x3042; &lt;&gt;&quot;&apos;"/>"#
        let reader = try XMLStreamReader(bytes: Array(xml.utf8), file: "test.xml")
        let start = try #require(try reader.starts().first)
        #expect(start.attribute("v") == "Tom & Jerry 一Aあ <>\"'")
    }

    @Test func textDecodesPredefinedAndCharacterReferences() throws {
        let read = try events(of: "<a>1 &lt; 2 &amp;&amp; &#x4E00;&#19968;</a>")
        #expect(summary(read) == ["start a", "text 1 < 2 && 一一", "end a"])
    }

    @Test func japaneseTextNamesAndAttributesSurviveIntact() throws {
        let xml = #"<研修 名前="山田 太郎">新人研修：ビジネスマナー（第１回）</研修>"#
        let read = try events(of: xml)
        #expect(summary(read) == ["start 研修", "text 新人研修：ビジネスマナー（第１回）", "end 研修"])
        guard case .start(let start) = read.first else {
            Issue.record("expected a start event first")
            return
        }
        #expect(start.attribute("名前") == "山田 太郎")
    }

    @Test func characterOutsideTheBasicPlaneSurvives() throws {
        let read = try events(of: "<a v=\"&#x20BB7;\">𠮷野家</a>")
        #expect(summary(read) == ["start a", "text 𠮷野家", "end a"])
        guard case .start(let start) = read.first else {
            Issue.record("expected a start event first")
            return
        }
        #expect(start.attribute("v") == "𠮷")
    }

    @Test func aDocumentReadFromAFileGivesTheSameEventsAsFromMemory() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<講座 id=\"k1\">\n  <名称>安全衛生</名称>\n</講座>\n"
        let folder = try TemporaryFolder()
        let path = try folder.write(xml, to: "course.xml")
        let fromFile = try XMLStreamReader(path: path).allEvents()
        #expect(summary(fromFile) == summary(try events(of: xml)))
        #expect(summary(fromFile) == ["start 講座", "text \n  ", "start 名称", "text 安全衛生", "end 名称", "text \n", "end 講座"])
    }

    @Test func theReaderRemembersTheFileNameItWasGiven() throws {
        let reader = try XMLStreamReader(bytes: Array("<a/>".utf8), file: "feed-2024.xml")
        #expect(reader.file == "feed-2024.xml")
        #expect(reader.diagnostics.isEmpty)
    }

    // MARK: Lines

    @Test func theRootOfASingleLineDocumentIsOnLineOne() throws {
        let reader = try XMLStreamReader(bytes: Array("<a/>".utf8), file: "test.xml")
        #expect(try reader.starts().map(\.line) == [1])
    }

    @Test func startEventsCarryTheLineOfTheirTag() throws {
        let xml = "<a>\n  <b/>\n  <c>\n    <d/>\n  </c>\n</a>\n"
        let reader = try XMLStreamReader(bytes: Array(xml.utf8), file: "test.xml")
        let lines = try reader.starts().map(\.line)
        #expect(lines == [1, 2, 3, 4])
    }
}
