import Foundation
import KenshuCore
import Testing
import KenshuXML

/// The SAX capture reader: records captured whole with their text and attributes, the
/// elements around them as starts and ends, and every hostile case refused as the stream
/// reader refuses it.
struct XMLCaptureReaderTests {
    /// Captures every `r` element (up to 10 elements each).
    static let rule: XMLCaptureReader.CaptureRule = { name, _, _ in name.local == "r" ? 10 : nil }

    private func items(_ text: String, limits: XMLLimits = .init(), encoding: String? = nil) throws -> [String] {
        let folder = try TemporaryFolder()
        return try items(path: try folder.write(text, to: "doc.xml"), limits: limits, encoding: encoding)
    }

    private func items(path: String, limits: XMLLimits = .init(), encoding: String? = nil) throws -> [String] {
        let reader = try XMLCaptureReader(path: path, limits: limits, encoding: encoding, capture: Self.rule)
        var seen: [String] = []
        while let item = try reader.next() {
            switch item {
            case .start(let start): seen.append("start \(start.name.local)@\(start.depth)")
            case .end(let name, let depth): seen.append("end \(name.local)@\(depth)")
            case .element(let element): seen.append("record " + describe(element))
            }
        }
        return seen
    }

    /// `name[attributes](text|children)` of a captured element.
    private func describe(_ element: CapturedElement) -> String {
        let attributes = element.attributes.map { "\($0.name.local)=\($0.value)" }.joined(separator: ",")
        let children = element.children.map(describe).joined(separator: ",")
        return "\(element.name.local)[\(attributes)](\(element.text)|\(children))@\(element.line)"
    }

    /// (Attribute values come decoded: libxml2 hands `&` over as `&#38;`, which the reader decodes.)
    @Test func capturesRecordsWholeAndReportsTheRest() throws {
        let xml = """
            <root xmlns:x="urn:x"><group id="g">
            <r a="1" x:b="&amp;2&#38;&lt;&#x3042;">one<c>two</c>three<![CDATA[<four>]]></r>
            <r/><other/></group></root>
            """
        let seen = try items(xml)
        #expect(seen == [
            "start root@1", "start group@2",
            "record r[a=1,b=&2&<あ](onethree<four>|c[](two|)@2)@2",
            "record r[](|)@3", "start other@3", "end other@3", "end group@2", "end root@1",
        ], "\(seen)")
    }

    /// A record of 2 MB of text grows the reader's working buffers past what it keeps; the
    /// records after it are captured whole all the same, each into a block of its own size.
    @Test func aHugeRecordAmongSmallOnesChangesNoneOfThem() throws {
        let huge = String(repeating: "長い説明。", count: 140_000)
        let xml = "<root>" + (0..<3).map { "<r n=\"\($0)\">small \($0)<c>child</c></r>" }.joined()
            + "<r n=\"huge\">\(huge)</r>" + (3..<6).map { "<r n=\"\($0)\">small \($0)<c>child</c></r>" }.joined() + "</root>"
        let seen = try items(xml, limits: XMLLimits(maxTextBytes: 4 << 20))
        #expect(seen.count == 9)
        #expect(seen[4] == "record r[n=huge](\(huge)|)@1")
        for (small, position) in [1, 2, 3, 5, 6, 7].enumerated() {
            #expect(seen[position] == "record r[n=\(small)](small \(small)|c[](child|)@1)@1")
        }
    }

    /// More names than the name cache has slots, met over and over in turn: every element
    /// still gets its own name (slots are taken over, never confused).
    @Test func moreNamesThanTheCacheHoldsKeepTheirOwn() throws {
        let names = (0..<1_500).map { "e\($0)" }
        let record = "<r>" + names.map { "<\($0) a\($0)=\"v\"/>" }.joined() + "</r>"
        let folder = try TemporaryFolder()
        let path = try folder.write("<root>" + String(repeating: record, count: 3) + "</root>", to: "names.xml")
        let reader = try XMLCaptureReader(path: path, capture: { name, _, _ in name.local == "r" ? 2_000 : nil })
        var records = 0
        while let item = try reader.next() {
            guard case .element(let element) = item else { continue }
            records += 1
            #expect(element.children.map(\.name.local) == names)
            #expect(element.children.map { $0.attributes.map(\.name.local) } == names.map { ["a" + $0] })
        }
        #expect(records == 3)
    }

    @Test func namesAreMatchedOnNamespaceURIsNotPrefixes() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write(#"<a xmlns:p="urn:one"><p:r/><r xmlns="urn:one"/><q:r xmlns:q="urn:two"/></a>"#, to: "ns.xml")
        let reader = try XMLCaptureReader(path: path, capture: Self.rule)
        var names: [XMLName] = []
        while let item = try reader.next() {
            if case .element(let element) = item { names.append(element.name) }
        }
        #expect(names == [XMLName("urn:one", "r"), XMLName("urn:one", "r"), XMLName("urn:two", "r")])
    }

    @Test func aDocumentFarLargerThanOneChunkStreamsThrough() throws {
        let records = (0..<20_000).map { "<r n=\"\($0)\">記録 \($0)</r>" }.joined(separator: "\n")
        let seen = try items("<root>\n\(records)\n</root>")
        #expect(seen.count == 20_002)
        #expect(seen[20_000] == "record r[n=19999](記録 19999|)@20001")
    }

    @Test(arguments: [
        (#"<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>"#, "declares entities"),
        (#"<!DOCTYPE a [<!ENTITY a "aa"><!ENTITY b "&a;&a;">]><a>&b;</a>"#, "declares entities"),
        (#"<!DOCTYPE a SYSTEM "a.dtd"><a>&x;</a>"#, "entity references are not allowed"),
        (#"<!DOCTYPE a SYSTEM "a.dtd"><a v="&x;"/>"#, "entity references are not allowed"),
        ("<a>" + String(repeating: "<b>", count: 70) + String(repeating: "</b>", count: 70) + "</a>", "maxDepth"),
        ("<a>" + String(repeating: "あ", count: 400_000) + "</a>", "maxTextBytes"),
        ("<a><r>" + String(repeating: "あ", count: 400_000) + "</r></a>", "maxTextBytes"),
        ("<a " + (0..<100).map { "a\($0)=\"1\"" }.joined(separator: " ") + "/>", "maxAttributes"),
        ("<a><r>" + String(repeating: "<s/>", count: 10) + "</r></a>", "maxNodes"),
        ("<a><r>cut", "doc.xml:1"),
        ("not xml at all", "doc.xml:1"),
        (#"<?xml version="1.0" encoding="X-NO-SUCH-CHARSET"?><a/>"#, "ncoding"),
    ])
    func hostileInputIsRefused(text: String, expected: String) throws {
        let error = try #require(throws: XMLReadError.self) { try items(text) }
        #expect(error.description.contains(expected), "\(error)")
        #expect(!error.description.contains("root:x:0:0"))
    }

    @Test func invalidUTF8IsRefusedWithItsLine() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("bad.xml")
        try Data(Array("<a>\n<r>".utf8) + [0xFF, 0xFE, 0x80] + Array("</r></a>".utf8)).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: XMLReadError.self) { try items(path: path) }
        #expect(error.description.contains("bad.xml:2"), "\(error)")
    }

    @Test func utf16WithABOMIsRead() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("utf16.xml")
        let text = #"<?xml version="1.0" encoding="UTF-16"?><a><r>研修</r></a>"#
        try #require(text.data(using: .utf16)).write(to: URL(fileURLWithPath: path))
        #expect(try items(path: path) == ["start a@1", "record r[](研修|)@1", "end a@1"])
    }

    @Test func anEncodingOverrideReadsUTF8LabelledUTF16() throws {
        let text = #"<?xml version="1.0" encoding="utf-16"?><a><r>研修</r></a>"#
        #expect(try items(text, encoding: "UTF-8") == ["start a@1", "record r[](研修|)@1", "end a@1"])
        #expect(throws: XMLReadError.self) { try items(text, encoding: "NO-SUCH") }
    }

    @Test func aMissingFileIsAClearError() throws {
        let error = try #require(throws: XMLReadError.self) {
            try XMLCaptureReader(path: "/nonexistent/feed.xml", capture: Self.rule)
        }
        #expect(error.description.contains("/nonexistent/feed.xml"))
    }
}
