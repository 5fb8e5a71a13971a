import Testing
import KenshuXML

/// Hostile or broken input stops at a limit, with an error that names the limit.
struct XMLLimitsTests {
    private func nested(_ depth: Int) -> String {
        (1...depth).map { "<e\($0)>" }.joined() + (1...depth).reversed().map { "</e\($0)>" }.joined()
    }

    @Test func theDefaultLimitsAreGenerousButFinite() {
        let limits = XMLLimits()
        #expect(limits.maxDepth == 64)
        #expect(limits.maxTextBytes == 1 << 20)
        #expect(limits.maxAttributes == 64)
    }

    @Test func nestingAtTheDepthLimitIsAccepted() throws {
        let read = try events(of: nested(3), limits: XMLLimits(maxDepth: 3))
        #expect(read.count == 6)
    }

    @Test func tooDeepNestingFailsNamingTheLimit() throws {
        let error = try #require(throws: XMLReadError.self) {
            try events(of: nested(4), file: "deep.xml", limits: XMLLimits(maxDepth: 3))
        }
        #expect(error.description.contains("deep.xml"))
        #expect(error.description.contains("deeper than 3 levels"))
        #expect(error.description.contains("maxDepth"))
    }

    @Test func theDefaultDepthLimitStopsSixtyFiveLevels() throws {
        #expect(throws: Never.self) { try events(of: nested(64)) }
        let error = try #require(throws: XMLReadError.self) { try events(of: nested(65)) }
        #expect(error.description.contains("maxDepth"))
    }

    @Test func theEventsBeforeTheDepthLimitAreDelivered() throws {
        let reader = try XMLStreamReader(bytes: Array(nested(4).utf8), file: "deep.xml", limits: XMLLimits(maxDepth: 3))
        let (read, error) = reader.eventsUntilFailure()
        #expect(error != nil)
        #expect(summary(read) == ["start e1", "start e2", "start e3"])
    }

    @Test func tooDeepNestingNamesTheLineOfTheTooDeepTag() throws {
        let xml = "<a>\n<b>\n<c>\n<d>\n</d>\n</c>\n</b>\n</a>\n"
        let error = try #require(throws: XMLReadError.self) {
            try events(of: xml, file: "deep.xml", limits: XMLLimits(maxDepth: 3))
        }
        #expect(error.description.hasPrefix("deep.xml:4:"))
    }

    @Test func attributesAtTheLimitAreAccepted() throws {
        let read = try events(of: #"<a x="1" y="2"/>"#, limits: XMLLimits(maxAttributes: 2))
        #expect(summary(read) == ["start a", "end a"])
    }

    @Test func tooManyAttributesFailNamingTheLimit() throws {
        let error = try #require(throws: XMLReadError.self) {
            try events(of: #"<a><b x="1" y="2" z="3"/></a>"#, file: "attrs.xml", limits: XMLLimits(maxAttributes: 2))
        }
        #expect(error.description.contains("attrs.xml"))
        #expect(error.description.contains("more than 2 attributes"))
        #expect(error.description.contains("maxAttributes"))
    }

    @Test func namespaceDeclarationsDoNotCountAsAttributes() throws {
        let xml = #"<a xmlns:p="urn:p" x="1" p:y="2"/>"#
        let read = try events(of: xml, limits: XMLLimits(maxAttributes: 2))
        #expect(summary(read) == ["start a", "end a"])
    }

    @Test func textAtTheLengthLimitIsAccepted() throws {
        let read = try events(of: "<a>0123456789</a>", limits: XMLLimits(maxTextBytes: 10))
        #expect(summary(read) == ["start a", "text 0123456789", "end a"])
    }

    @Test func tooLongTextFailsNamingTheLimit() throws {
        let error = try #require(throws: XMLReadError.self) {
            try events(of: "<a>0123456789X</a>", file: "long.xml", limits: XMLLimits(maxTextBytes: 10))
        }
        #expect(error.description.contains("long.xml"))
        #expect(error.description.contains("longer than 10 bytes"))
        #expect(error.description.contains("maxTextBytes"))
    }

    @Test func theTextLimitCountsUTF8BytesNotCharacters() throws {
        // Four kanji are twelve bytes in UTF-8.
        let error = try #require(throws: XMLReadError.self) {
            try events(of: "<a>研修計画</a>", limits: XMLLimits(maxTextBytes: 10))
        }
        #expect(error.description.contains("maxTextBytes"))
        #expect(throws: Never.self) { try events(of: "<a>研修計</a>", limits: XMLLimits(maxTextBytes: 10)) }
    }

    @Test func aLongCDATASectionIsHeldToTheTextLimit() throws {
        let error = try #require(throws: XMLReadError.self) {
            try events(of: "<a><![CDATA[0123456789X]]></a>", limits: XMLLimits(maxTextBytes: 10))
        }
        #expect(error.description.contains("maxTextBytes"))
    }

    @Test func aLimitErrorIsASingleFatalDiagnostic() throws {
        let error = try #require(throws: XMLReadError.self) {
            try events(of: nested(2), file: "deep.xml", limits: XMLLimits(maxDepth: 1))
        }
        #expect(error.diagnostics.count == 1)
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.severity == .fatal)
        #expect(!diagnostic.isValidity)
        #expect(diagnostic.location.file == "deep.xml")
    }
}
