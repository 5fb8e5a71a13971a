import Foundation
import KenshuCore
import KenshuXML
import Testing

/// Reading a small document, or one record of a stream, into an element tree.
struct XMLTreeTests {
    private func tree(_ xml: String, file: String = "tree.xml", maxNodes: Int = 100_000) throws(XMLReadError) -> XMLNode {
        try XMLStreamReader(bytes: Array(xml.utf8), file: file).readTree(maxNodes: maxNodes)
    }

    @Test func readTreeBuildsChildrenAttributesAndText() throws {
        let root = try tree(#"<catalog version="2"><course id="c1"><title>安全衛生</title></course><course id="c2"/></catalog>"#)
        #expect(root.name == XMLName("", "catalog"))
        #expect(root.attribute("version") == "2")
        #expect(root.children.count == 2)
        #expect(root.children.map { $0.attribute("id") } == ["c1", "c2"])
        let title = try #require(root.children.first?.child("title"))
        #expect(title.text == "安全衛生")
        #expect(title.children.isEmpty)
        #expect(root.children[1].children.isEmpty)
        #expect(root.children[1].text.isEmpty)
    }

    @Test func readTreeGivesTheSameTreeAsBuiltByHand() throws {
        let root = try tree(#"<a k="v"><b>x</b><c/></a>"#)
        var expected = XMLNode(
            name: XMLName("", "a"),
            attributes: [XMLAttribute(name: XMLName("", "k"), value: "v")],
            children: [XMLNode(name: XMLName("", "b"), text: "x"), XMLNode(name: XMLName("", "c"))])
        // Lines are whatever the reader says; compare the rest.
        expected.line = root.line
        expected.children[0].line = root.children[0].line
        expected.children[1].line = root.children[1].line
        #expect(root == expected)
    }

    @Test func anElementsTextLeavesOutItsChildrensText() throws {
        let root = try tree("<p>before<b>bold</b>after</p>")
        #expect(root.text == "beforeafter")
        #expect(root.child("b")?.text == "bold")
    }

    @Test func textSplitByACommentIsJoined() throws {
        let root = try tree("<p>研修<!-- note -->計画</p>")
        #expect(root.text == "研修計画")
    }

    @Test func whitespaceBetweenChildrenIsKeptInTheText() throws {
        let root = try tree("<a>\n  <b/>\n</a>")
        #expect(root.text == "\n  \n")
        #expect(root.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    @Test func childLookupsStayInTheElementsOwnNamespace() throws {
        let xml = #"<c:course xmlns:c="urn:c" xmlns:o="urn:o"><c:title>A</c:title><o:title>B</o:title><c:title>C</c:title></c:course>"#
        let root = try tree(xml)
        #expect(root.name == XMLName("urn:c", "course"))
        #expect(root.children.count == 3)
        #expect(root.child("title")?.text == "A")
        #expect(root.children("title").map(\.text) == ["A", "C"])
        #expect(root.child("missing") == nil)
        #expect(root.children("missing").isEmpty)
    }

    @Test func attributeLookupOnANodeIgnoresNamespacedAttributes() throws {
        let root = try tree(#"<a xmlns:p="urn:p" p:id="namespaced" id="plain"/>"#)
        #expect(root.attribute("id") == "plain")
        #expect(root.attributes.count == 2)
        #expect(root.attribute("missing") == nil)
    }

    @Test func readSubtreeReadsOneRecordOfAStream() throws {
        let xml = #"<feed><course id="1"><t>A</t></course><note/><course id="2"><t>B</t></course></feed>"#
        let reader = try XMLStreamReader(bytes: Array(xml.utf8), file: "feed.xml")
        var courses: [XMLNode] = []
        var others: [String] = []
        while let event = try reader.next() {
            guard case .start(let start) = event else { continue }
            if start.name.local == "course" {
                courses.append(try reader.readSubtree(from: start))
            } else {
                others.append(start.name.local)
            }
        }
        #expect(courses.map { $0.attribute("id") } == ["1", "2"])
        #expect(courses.map { $0.child("t")?.text } == ["A", "B"])
        #expect(others == ["feed", "note"])
    }

    @Test func readSubtreeOfAnEmptyElementStopsAtItsEnd() throws {
        let reader = try XMLStreamReader(bytes: Array("<a><b x=\"1\"/><c/></a>".utf8), file: "t.xml")
        _ = try reader.next() // <a>
        guard case .start(let b) = try reader.next() else {
            Issue.record("expected the start of <b>")
            return
        }
        let node = try reader.readSubtree(from: b)
        #expect(node.name.local == "b")
        #expect(node.attribute("x") == "1")
        #expect(node.children.isEmpty)
        #expect(summary(try reader.allEvents()) == ["start c", "end c", "end a"])
    }

    @Test func tooManyNodesFailNamingTheLimit() throws {
        let error = try #require(throws: XMLReadError.self) {
            try tree("<a><b/><c/><d/></a>", file: "big.xml", maxNodes: 3)
        }
        #expect(error.description.contains("big.xml"))
        #expect(error.description.contains("more than 3 elements"))
        #expect(error.description.contains("maxNodes"))
    }

    @Test func exactlyMaxNodesIsAccepted() throws {
        let root = try tree("<a><b/><c/></a>", maxNodes: 3)
        #expect(root.children.count == 2)
    }

    @Test func readTreeReportsABrokenDocument() throws {
        let error = try #require(throws: XMLReadError.self) { try tree("<a>\n<b>\n</a>", file: "broken.xml") }
        #expect(error.description.contains("broken.xml:3"))
    }

    @Test func readTreeReportsALimitOfTheReader() throws {
        let reader = try XMLStreamReader(bytes: Array("<a><b><c/></b></a>".utf8), file: "deep.xml", limits: XMLLimits(maxDepth: 2))
        let error = try #require(throws: XMLReadError.self) { try reader.readTree() }
        #expect(error.description.contains("maxDepth"))
    }

    @Test func readTreeValidatesAgainstASchema() throws {
        let folder = try TemporaryFolder()
        let schema = try XMLSchema(path: folder.write(XMLSchemaTests.xsd, to: "courses.xsd"))
        let good = try folder.write(XMLSchemaTests.document(), to: "good.xml")
        let root = try XMLStreamReader(path: good, schema: schema).readTree()
        #expect(root.child("course")?.child("hours")?.text == "6")
        let bad = try folder.write(XMLSchemaTests.document(hours: "x"), to: "bad.xml")
        let error = try #require(throws: XMLReadError.self) {
            try XMLStreamReader(path: bad, schema: schema).readTree()
        }
        #expect(error.description.contains("bad.xml:5"))
    }

    @Test func nodesCarryTheLineOfTheirTag() throws {
        let root = try tree("<a>\n  <b/>\n  <c>\n    <d/>\n  </c>\n</a>\n")
        let lines = [root.line] + root.children.map(\.line) + (root.child("c")?.children.map(\.line) ?? [])
        #expect(lines == [1, 2, 3, 4])
    }
}
