import KenshuCore
import KenshuXML
import Testing
@testable import KenshuImport

/// Field names matched on bytes, and text folded on bytes, give what the string forms give.
struct XCRIByteMatchingTests {
    private func node(_ namespace: String, _ local: String, text: String = "", children: [XMLNode] = []) -> XMLNode {
        XMLNode(name: XMLName(namespace, local), children: children, text: text)
    }

    @Test(arguments: [
        (XCRINames.dublinCore, "title", XCRIField.title), ("http://purl.org/dc/elements/1.1", "TITLE", .title),
        (XCRINames.mlo, "applyuntil", .applyUntil), ("", "AttendanceMode", .attendanceMode),
        (XCRINames.catalogNamespace, "presentation", .presentation), ("https://xcri.org/profiles/catalog/", "venue", .venue),
    ])
    func fieldsAreMatchedByURIAndLocalNameInAnyCase(namespace: String, local: String, field: XCRIField) {
        #expect(XCRINames.field(of: node(namespace, local)) == field)
    }

    @Test func namesOutsideTheVocabulariesAreNoField() {
        #expect(XCRINames.field(of: node("http://example.org/other", "title")) == nil)
        #expect(XCRINames.field(of: node(XCRINames.dublinCore, "presentation")) == nil)
        #expect(XCRINames.field(of: node(XCRINames.catalogNamespace, "titles")) == nil)
        #expect(XCRINames.field(of: node("", "")) == nil)
    }

    @Test(arguments: ["", "  ", "a", " a  b ", "a\u{3000}\u{3000}b\r\n", "ｱ\u{00A0}ｲ", "\u{2028}x\u{2009}y\u{85}"])
    func foldingBytesMatchesFoldingStrings(text: String) {
        var bytes = Array(text.utf8)
        let folded = FeedValues.foldWhitespace(&bytes)
        #expect(folded == FeedValues.foldWhitespace(text))
        #expect(!folded.hasPrefix(" ") && !folded.hasSuffix(" ") && !folded.contains("  "))
    }

    @Test(arguments: ["<p>政策&amp;法務</p>\r\n  <br/>入門", "a < b <<c", "x<", "<<p>y", "&#x4E00;&#19968;&nbsp;z", "<!-- c -->d"])
    func plainTextOfBytesMatchesItsStringForm(text: String) {
        var bytes = Array(text.utf8)
        #expect(FeedValues.plainText(&bytes) == FeedValues.plainText(text))
    }

    @Test func allTextJoinsOwnTextThenEachChildsWithSpaces() {
        let tree = node("", "description", text: " a ", children: [node("", "b", text: "b"), node("", "c", children: [node("", "d", text: "d")])])
        #expect(XCRIFields.allText(tree) == " a  b  d")
        #expect(XCRIFields.foldedText(tree) == "a b d")
    }
}
