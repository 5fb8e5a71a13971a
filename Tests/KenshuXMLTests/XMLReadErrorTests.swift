import Foundation
import Testing
import KenshuXML

/// Broken, missing and unreadable documents fail with the file and the line.
struct XMLReadErrorTests {
    @Test func aNotWellFormedFileFailsWithItsNameAndLine() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("<a>\n  <b>\n  </c>\n</a>\n", to: "broken.xml")
        let error = try #require(throws: XMLReadError.self) {
            try XMLStreamReader(path: path).allEvents()
        }
        #expect(error.description.contains("broken.xml:3"))
        #expect(error.description.contains("\(path):3:"))
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.location.line == 3)
        #expect(diagnostic.severity == .fatal)
        #expect(!diagnostic.isValidity)
    }

    @Test func aNotWellFormedDocumentInMemoryFailsWithItsLabelAndLine() throws {
        let error = try #require(throws: XMLReadError.self) {
            try events(of: "<a>\n<b x=\"1\" x=\"2\"/>\n</a>", file: "feed.xml")
        }
        #expect(error.description.contains("feed.xml:2"))
    }

    @Test func theDiagnosticDescriptionReadsFileLineColumnSeverityMessage() throws {
        let error = try #require(throws: XMLReadError.self) {
            try events(of: "<a>\n  <b>\n  </c>\n</a>\n", file: "broken.xml")
        }
        let diagnostic = try #require(error.diagnostics.first)
        let column = try #require(diagnostic.location.column)
        #expect(diagnostic.description == "broken.xml:3:\(column): fatal: \(diagnostic.message)")
        #expect(diagnostic.message.contains("mismatch"))
        #expect(diagnostic.message.last?.isNewline == false)
    }

    @Test func anUnclosedRootElementFails() throws {
        let error = try #require(throws: XMLReadError.self) {
            try events(of: "<a>\n<b/>\n", file: "unclosed.xml")
        }
        #expect(error.description.contains("unclosed.xml"))
    }

    @Test func textAfterTheRootElementFails() throws {
        #expect(throws: XMLReadError.self) { try events(of: "<a/>trailing") }
    }

    @Test func twoRootElementsFail() throws {
        #expect(throws: XMLReadError.self) { try events(of: "<a/><b/>") }
    }

    @Test func anUndeclaredNamespacePrefixFails() throws {
        let error = try #require(throws: XMLReadError.self) {
            try events(of: "<a>\n<p:b/>\n</a>", file: "ns.xml")
        }
        #expect(error.description.contains("ns.xml:2"))
    }

    @Test func invalidUTF8Fails() throws {
        let bytes: [UInt8] = Array("<a>".utf8) + [0xFF, 0xFE] + Array("</a>".utf8)
        #expect(throws: XMLReadError.self) {
            let reader = try XMLStreamReader(bytes: bytes, file: "bad-utf8.xml")
            _ = try reader.allEvents()
        }
    }

    @Test func anEmptyDocumentFails() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("", to: "empty.xml")
        let error = try #require(throws: XMLReadError.self) {
            try XMLStreamReader(path: path).allEvents()
        }
        #expect(error.description.contains("empty.xml"))
        #expect(throws: XMLReadError.self) { try events(of: "") }
    }

    @Test func aMissingFileGivesAClearError() throws {
        let folder = try TemporaryFolder()
        let path = folder.path("missing.xml")
        let error = try #require(throws: XMLReadError.self) {
            try XMLStreamReader(path: path)
        }
        #expect(error.description == "\(path): fatal: no such file")
    }

    @Test func aDirectoryIsNotReadAsADocument() throws {
        let folder = try TemporaryFolder()
        let error = try #require(throws: XMLReadError.self) {
            try XMLStreamReader(path: folder.url.path)
        }
        #expect(error.description.contains(folder.url.path))
        #expect(error.description.contains("not a regular file"))
    }

    @Test(.enabled(if: geteuid() != 0, "root can read a file without read permission"))
    func anUnreadableFileGivesAClearError() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("<a/>", to: "locked.xml")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path) }
        let error = try #require(throws: XMLReadError.self) {
            try XMLStreamReader(path: path)
        }
        #expect(error.description.contains("locked.xml"))
        #expect(error.description.contains("not readable"))
    }

    @Test func anErrorBuiltFromDiagnosticsListsOnePerLine() throws {
        let one = try #require(throws: XMLReadError.self) { try events(of: "<a>\n</b>", file: "one.xml") }
        let two = try #require(throws: XMLReadError.self) { try events(of: "<a>&x;</a>", file: "two.xml") }
        let first = try #require(one.diagnostics.first)
        let second = try #require(two.diagnostics.first)
        let combined = XMLReadError([first, second])
        #expect(combined.description == "\(first.description)\n\(second.description)")
    }
}
