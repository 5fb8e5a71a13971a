import Foundation
import Testing
import KenshuXML

/// Nothing is expanded or fetched on a document's behalf: no DTD entities, no external entities.
struct XMLEntityTests {
    /// Every text and attribute value the events carry, joined, to look for leaked content.
    private func visibleText(_ events: [XMLEvent]) -> String {
        events.map { event in
            switch event {
            case .start(let start): start.attributes.map(\.value).joined(separator: " ")
            case .text(let text): text
            case .end: ""
            }
        }.joined(separator: " ")
    }

    @Test func aReferenceToACustomDTDEntityIsRejected() throws {
        let xml = #"<!DOCTYPE a [<!ENTITY who "Mallory">]><a>Hello &who;</a>"#
        let reader = try XMLStreamReader(bytes: Array(xml.utf8), file: "entity.xml")
        let (read, error) = reader.eventsUntilFailure()
        let failure = try #require(error)
        #expect(failure.description.contains("declares entities"))
        #expect(failure.description.hasPrefix("entity.xml:"))
        #expect(!visibleText(read).contains("Mallory"))
    }

    @Test func anUndeclaredEntityIsRejected() throws {
        let error = try #require(throws: XMLReadError.self) {
            try events(of: "<a>&nope;</a>", file: "undeclared.xml")
        }
        #expect(error.description.contains("undeclared.xml:1"))
        #expect(error.description.contains("nope"))
    }

    @Test func anExternalEntityIsNotRead() throws {
        let folder = try TemporaryFolder()
        let secret = try folder.write("TOP-SECRET-4711", to: "secret.txt")
        let xml = "<!DOCTYPE a [<!ENTITY xxe SYSTEM \"file://\(secret)\">]><a>&xxe;</a>"
        let reader = try XMLStreamReader(bytes: Array(xml.utf8), file: "xxe.xml")
        let (read, error) = reader.eventsUntilFailure()
        let failure = try #require(error)
        #expect(failure.description.contains("declares entities"))
        #expect(!failure.description.contains("TOP-SECRET"))
        #expect(!visibleText(read).contains("TOP-SECRET"))
    }

    @Test func etcPasswdIsNotReadThroughAnExternalEntity() throws {
        let xml = #"<!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><a>&xxe;</a>"#
        let reader = try XMLStreamReader(bytes: Array(xml.utf8), file: "xxe.xml")
        let (read, error) = reader.eventsUntilFailure()
        let failure = try #require(error)
        #expect(!failure.description.contains("root:"))
        #expect(!visibleText(read).contains("root:"))
    }

    @Test func anExternalEntityInAnAttributeIsRejected() throws {
        let folder = try TemporaryFolder()
        let secret = try folder.write("TOP-SECRET-4711", to: "secret.txt")
        let xml = "<!DOCTYPE a [<!ENTITY xxe SYSTEM \"file://\(secret)\">]><a v=\"&xxe;\"/>"
        let reader = try XMLStreamReader(bytes: Array(xml.utf8), file: "xxe.xml")
        let (read, error) = reader.eventsUntilFailure()
        let failure = try #require(error)
        #expect(failure.description.contains("xxe.xml:1"))
        #expect(!failure.description.contains("TOP-SECRET"))
        #expect(!visibleText(read).contains("TOP-SECRET"))
    }

    @Test func anExternalEntityInAFileOnDiskIsNotRead() throws {
        let folder = try TemporaryFolder()
        let secret = try folder.write("TOP-SECRET-4711", to: "secret.txt")
        let path = try folder.write(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE a [\n<!ENTITY xxe SYSTEM \"\(secret)\">\n]>\n<a>&xxe;</a>\n", to: "doc.xml")
        let reader = try XMLStreamReader(path: path)
        let (read, error) = reader.eventsUntilFailure()
        let failure = try #require(error)
        #expect(failure.description.contains("doc.xml"))
        #expect(!visibleText(read).contains("TOP-SECRET"))
    }

    @Test func aBillionLaughsDocumentIsRejected() throws {
        var xml = #"<!DOCTYPE a [<!ENTITY lol0 "lol">"#
        for level in 1...9 {
            xml += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        xml += "]><a>&lol9;</a>"
        let reader = try XMLStreamReader(bytes: Array(xml.utf8), file: "lol.xml")
        let (read, error) = reader.eventsUntilFailure()
        #expect(error != nil)
        #expect(visibleText(read).utf8.count < 1_000)
    }

    @Test func aCustomEntityInAnAttributeValueIsNotExpanded() throws {
        let xml = #"<!DOCTYPE a [<!ENTITY who "Mallory">]><a v="&who;"/>"#
        let reader = try XMLStreamReader(bytes: Array(xml.utf8), file: "entity.xml")
        let (read, error) = reader.eventsUntilFailure()
        #expect(error != nil)
        #expect(!visibleText(read).contains("Mallory"))
    }

    @Test func aDoctypeThatDeclaresNoEntitiesIsAccepted() throws {
        let read = try events(of: #"<!DOCTYPE a SYSTEM "file:///etc/passwd"><a>ok</a>"#)
        #expect(summary(read) == ["start a", "text ok", "end a"])
    }
}
