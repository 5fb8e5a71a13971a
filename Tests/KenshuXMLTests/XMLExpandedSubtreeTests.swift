import KenshuCore
import KenshuXML
import Testing

/// `readSubtree` right after an element's start reads libxml2's expanded tree of the element
/// instead of one event per node: the same tree, the same limits, the stream carrying on after.
struct XMLExpandedSubtreeTests {
    /// A record with everything a tree can hold: namespaces by prefix and by default, attributes
    /// in and out of a namespace, mixed content, a comment splitting text, CDATA, an empty
    /// element, white space between children (kept whatever `xml:space` says, as the events keep it).
    static let record = """
        <feed xmlns="urn:feed" xmlns:dc="http://purl.org/dc/elements/1.1/">
          <course id="C-1" dc:type="code" xmlns:x="urn:x">
            <dc:title>政策 <b>形成</b> 研修</dc:title>
            <x:note>a<!-- comment -->b<![CDATA[ <c> ]]></x:note>
            <empty/>
            <keep xml:space="default">  <i>1</i>  </keep>
            <kept xml:space="preserve">  <i>2</i>  <drop xml:space="default"> <i>3</i> </drop></kept>
            <deep><deeper><deepest>x</deepest></deeper></deep>
          </course>
          <course id="C-2"><dc:title>二</dc:title></course>
        </feed>
        """

    /// The tree of the element `start` opened, built from events (what `readSubtree` gave
    /// before it read expanded trees).
    private func treeFromEvents(_ reader: XMLStreamReader, _ start: XMLElementStart) throws -> XMLNode {
        var node = XMLNode(name: start.name, attributes: start.attributes, line: start.line)
        while let event = try reader.next() {
            switch event {
            case .start(let child): node.children.append(try treeFromEvents(reader, child))
            case .text(let text): node.text += text
            case .end: return node
            }
        }
        Issue.record("the document ended inside \(start.name)")
        return node
    }

    /// Each `course` of the document read by `read`, and the names of the other elements in order.
    private func courses(
        _ xml: String, limits: XMLLimits = .init(), read: (XMLStreamReader, XMLElementStart) throws -> XMLNode
    ) throws -> (courses: [XMLNode], others: [String]) {
        let reader = try XMLStreamReader(bytes: Array(xml.utf8), file: "feed.xml", limits: limits)
        var courses: [XMLNode] = []
        var others: [String] = []
        while let event = try reader.next() {
            switch event {
            case .start(let start) where start.name.local == "course": courses.append(try read(reader, start))
            case .start(let start): others.append("start \(start.name.local)")
            case .end(let name): others.append("end \(name.local)")
            case .text: break
            }
        }
        return (courses, others)
    }

    @Test func theExpandedTreeIsTheTreeTheEventsGive() throws {
        let expanded = try courses(Self.record) { reader, start in try reader.readSubtree(from: start) }
        let fromEvents = try courses(Self.record) { reader, start in try treeFromEvents(reader, start) }
        #expect(expanded.courses == fromEvents.courses)
        #expect(expanded.others == ["start feed", "end feed"])
        let first = try #require(expanded.courses.first)
        #expect(first.attributes.map(\.name) == [XMLName("", "id"), XMLName("http://purl.org/dc/elements/1.1/", "type")])
        #expect(first.children.map(\.name.local) == ["title", "note", "empty", "keep", "kept", "deep"])
        #expect(first.children[1].name.namespace == "urn:x")
        #expect(first.children[1].text == "ab <c> ")
        #expect(first.children[3].text == "    ")
        #expect(first.children[4].text == "    ")
        #expect(first.children.map(\.line) == [3, 4, 5, 6, 7, 8])
    }

    @Test func theStreamCarriesOnAfterAnExpandedRecord() throws {
        let xml = #"<feed><course id="1"><t>A</t></course><note>n</note><course id="2"/><last/></feed>"#
        let read = try courses(xml) { reader, start in try reader.readSubtree(from: start) }
        #expect(read.courses.map { $0.attribute("id") } == ["1", "2"])
        #expect(read.others == ["start feed", "start note", "end note", "start last", "end last", "end feed"])
    }

    @Test(arguments: [
        (XMLLimits(maxDepth: 4), "<feed>\n<course>\n<a>\n<b>\n<c/>\n</b>\n</a>\n</course>\n</feed>", "maxDepth", 5),
        (XMLLimits(maxAttributes: 1), "<feed>\n<course>\n<a x=\"1\" y=\"2\"/>\n</course>\n</feed>", "maxAttributes", 3),
        (XMLLimits(maxTextBytes: 4), "<feed>\n<course>\n<a>12345</a>\n</course>\n</feed>", "maxTextBytes", 3),
    ])
    func aLimitInsideARecordNamesItsLine(limits: XMLLimits, xml: String, limit: String, line: Int) throws {
        let error = try #require(throws: XMLReadError.self) {
            try courses(xml, limits: limits) { reader, start in try reader.readSubtree(from: start) }
        }
        #expect(error.description.contains(limit))
        #expect(error.description.hasPrefix("feed.xml:\(line):"))
    }

    @Test func tooManyNodesInARecordFailNamingTheLimit() throws {
        let error = try #require(throws: XMLReadError.self) {
            try courses("<feed>\n<course>\n<a/>\n<b/>\n</course>\n</feed>") { reader, start in
                try reader.readSubtree(from: start, maxNodes: 2)
            }
        }
        #expect(error.description.contains("more than 2 elements (limit maxNodes)"))
        #expect(error.description.hasPrefix("feed.xml:4:"))
    }

    @Test func aRecordCutShortIsAnError() throws {
        let error = try #require(throws: XMLReadError.self) {
            try courses("<feed>\n<course>\n<a>text</a>\n<b>") { reader, start in try reader.readSubtree(from: start) }
        }
        #expect(error.description.contains("feed.xml"))
    }

    @Test func aRecordBrokenInsideIsAnError() throws {
        let error = try #require(throws: XMLReadError.self) {
            try courses("<feed>\n<course>\n<a>text</b>\n</course>\n</feed>") { reader, start in
                try reader.readSubtree(from: start)
            }
        }
        #expect(error.description.contains("feed.xml:3"))
    }
}
