import Foundation
import Testing
import KenshuXML

/// Validation against a small XSD while the document streams.
struct XMLSchemaTests {
    static let xsd = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                   targetNamespace="urn:kenshu:test" xmlns="urn:kenshu:test"
                   elementFormDefault="qualified">
          <xs:element name="courses">
            <xs:complexType>
              <xs:sequence>
                <xs:element name="course" maxOccurs="unbounded">
                  <xs:complexType>
                    <xs:sequence>
                      <xs:element name="title" type="xs:string"/>
                      <xs:element name="hours" type="xs:positiveInteger"/>
                    </xs:sequence>
                    <xs:attribute name="id" type="xs:string" use="required"/>
                  </xs:complexType>
                </xs:element>
              </xs:sequence>
            </xs:complexType>
          </xs:element>
        </xs:schema>
        """

    /// A document with one course; `hours` and `attributes` let a test break it on line 4 or 3.
    static func document(hours: String = "6", attributes: String = #"id="c1""#, extra: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <courses xmlns="urn:kenshu:test">
          <course \(attributes)>
            <title>新任係長研修</title>
            <hours>\(hours)</hours>\(extra)
          </course>
        </courses>
        """
    }

    private let folder: TemporaryFolder
    private let schema: XMLSchema

    init() throws {
        folder = try TemporaryFolder()
        schema = try XMLSchema(path: folder.write(Self.xsd, to: "courses.xsd"))
    }

    private func validate(_ xml: String, name: String = "courses.xml") throws -> [XMLEvent] {
        let path = try folder.write(xml, to: name)
        return try XMLStreamReader(path: path, schema: schema).allEvents()
    }

    @Test func theSchemaRemembersItsPath() {
        #expect(schema.path == folder.path("courses.xsd"))
    }

    @Test func aValidDocumentPasses() throws {
        let path = try folder.write(Self.document(), to: "courses.xml")
        let reader = try XMLStreamReader(path: path, schema: schema)
        let read = try reader.allEvents()
        #expect(read.contains(.text("新任係長研修")))
        #expect(reader.diagnostics.isEmpty)
    }

    @Test func aValidDocumentInMemoryPasses() throws {
        let reader = try XMLStreamReader(bytes: Array(Self.document().utf8), file: "memory.xml", schema: schema)
        #expect(throws: Never.self) { try reader.allEvents() }
    }

    @Test func aWrongValueFailsNamingTheLine() throws {
        let error = try #require(throws: XMLReadError.self) {
            try validate(Self.document(hours: "many"), name: "bad-hours.xml")
        }
        #expect(error.description.contains("bad-hours.xml:5"))
        #expect(error.description.contains("hours"))
        #expect(error.diagnostics.contains { $0.isValidity })
    }

    @Test func aMissingRequiredAttributeFailsNamingTheLine() throws {
        let error = try #require(throws: XMLReadError.self) {
            try validate(Self.document(attributes: ""), name: "no-id.xml")
        }
        #expect(error.description.contains("no-id.xml:3"))
        #expect(error.description.contains("id"))
    }

    @Test func anUnexpectedElementFailsNamingTheLine() throws {
        let error = try #require(throws: XMLReadError.self) {
            try validate(Self.document(extra: "\n    <price>1000</price>"), name: "extra.xml")
        }
        #expect(error.description.contains("extra.xml:6"))
        #expect(error.description.contains("price"))
    }

    @Test func aDocumentInTheWrongNamespaceFails() throws {
        let xml = Self.document().replacingOccurrences(of: "urn:kenshu:test", with: "urn:other")
        let error = try #require(throws: XMLReadError.self) { try validate(xml, name: "other.xml") }
        #expect(error.description.contains("other.xml:2"))
    }

    @Test func everyValidityProblemIsReported() throws {
        let error = try #require(throws: XMLReadError.self) {
            try validate(Self.document(hours: "0", attributes: ""), name: "two-problems.xml")
        }
        let lines = Set(error.diagnostics.filter(\.isValidity).compactMap(\.location.line))
        #expect(lines.isSuperset(of: [3, 5]))
    }

    @Test func oneSchemaValidatesSeveralDocuments() throws {
        #expect(throws: Never.self) { try validate(Self.document(), name: "first.xml") }
        #expect(throws: XMLReadError.self) { try validate(Self.document(hours: "-1"), name: "second.xml") }
        #expect(throws: Never.self) { try validate(Self.document(hours: "12"), name: "third.xml") }
    }

    @Test func aSchemaCanBeSharedAcrossTasks() async throws {
        let schema = self.schema
        let bytes = Array(Self.document().utf8)
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask {
                    do {
                        let reader = try XMLStreamReader(bytes: bytes, file: "task-\(index).xml", schema: schema)
                        _ = try reader.allEvents()
                        return true
                    } catch {
                        return false
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }

    @Test func aMissingSchemaFileGivesAClearError() throws {
        let path = folder.path("missing.xsd")
        let error = try #require(throws: XMLReadError.self) { try XMLSchema(path: path) }
        #expect(error.description.contains(path))
        #expect(error.description.contains("no such file"))
    }

    @Test func aSchemaThatDoesNotCompileFailsNamingTheSchemaFile() throws {
        let broken = Self.xsd.replacingOccurrences(of: "xs:positiveInteger", with: "xs:noSuchType")
        let path = try folder.write(broken, to: "broken.xsd")
        let error = try #require(throws: XMLReadError.self) { try XMLSchema(path: path) }
        #expect(error.description.contains("broken.xsd"))
        #expect(error.description.contains("noSuchType"))
    }

    @Test func aSchemaThatIsNotXMLFails() throws {
        let path = try folder.write("<xs:schema", to: "truncated.xsd")
        let error = try #require(throws: XMLReadError.self) { try XMLSchema(path: path) }
        #expect(error.description.contains("truncated.xsd"))
    }
}
