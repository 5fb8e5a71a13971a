import Foundation
import KenshuCore
import KenshuImport
import KenshuXML
import Testing

/// The reader on the XCRI-CAP validator's fixtures (`valid/` 137 files, `invalid/` 118).
///
/// What they are: each tests one rule of the validator, so most are fragments rather than
/// whole catalogues (a provider or course without identifier or title; the reader warns and
/// skips those courses). 210 of them declare `encoding="utf-16"` but are stored as UTF-8 with
/// no byte order mark (the validator kept them as .NET strings); libxml2 rightly refuses them
/// ("Document labelled UTF-16 but has UTF-8 content"). So each file is read twice: as stored,
/// and relabelled UTF-8 in memory, to read what it says.
@Suite(.enabled(if: XCRIMaterial.hasFixtures, "the XCRI-CAP validator fixtures are not at ../shared/xcri-cap/validator-fixtures next to the repository"))
struct XCRIValidatorFixtureTests {
    /// How the files of one folder fared.
    struct Tally: CustomStringConvertible {
        var read = 0
        var warned = 0
        var threw: [String: String] = [:]

        var description: String { "\(read) read (\(warned) with warnings), \(threw.count) threw" }

        mutating func record(_ name: String, _ body: () throws -> XCRIRead) {
            do {
                let result = try body()
                read += 1
                if !result.warnings.isEmpty { warned += 1 }
            } catch {
                threw[name] = String(describing: error)
            }
        }
    }

    /// The two `valid` fixtures whose root is a `provider`: valid for the validator's
    /// root-namespace rule, not XCRI-CAP catalogues.
    static let validProviderRoots: Set<String> = [
        "DocumentValidators/Root_CorrectElement_IncorrectNamespace.xml",
        "DocumentValidators/Root_IncorrectElement_CorrectNamespace.xml",
    ]
    /// The `invalid` fixtures that cannot be read once relabelled: not well-formed, an
    /// undeclared prefix, and a course or provider for root.
    static let invalidRejected: Set<String> = [
        "Structure/XmlNesting.xml", "Namespaces/UndeclaredPrefix.xml",
        "DocumentValidators/DocumentRoot_CannotBeACourse.xml", "DocumentValidators/DocumentRoot_CannotBeAProvider.xml",
    ]

    /// The document with a UTF-16 declaration but no byte order mark relabelled UTF-8.
    static func relabelled(_ bytes: [UInt8]) -> [UInt8]? {
        guard !bytes.starts(with: [0xFE, 0xFF]), !bytes.starts(with: [0xFF, 0xFE]) else { return nil }
        let declaration = Array("encoding=\"utf-16\"".utf8)
        guard let range = bytes.prefix(100).firstRange(of: declaration) else { return nil }
        var copy = bytes
        copy.replaceSubrange(range, with: Array("encoding=\"utf-8\"".utf8))
        return copy
    }

    @Test func everyFixtureReadsOrThrowsAClearError() throws {
        var asStored: [String: Tally] = [:]
        var asMeant: [String: Tally] = [:]
        var mislabelled: [String: Int] = [:]
        for folder in ["valid", "invalid"] {
            let files = XCRIMaterial.xmlFiles(under: XCRIMaterial.fixtures.appendingPathComponent(folder))
            #expect(!files.isEmpty)
            for url in files {
                // Unique within the folder (`Courses/WithTitle.xml`, `Providers/WithTitle.xml`).
                let name = String(url.path.dropFirst(XCRIMaterial.fixtures.path.count + folder.count + 2))
                asStored[folder, default: Tally()].record(name) {
                    try readXCRI(XCRICAPReader(path: url.path))
                }
                let bytes = Array(try Data(contentsOf: url))
                let meant = Self.relabelled(bytes)
                if meant != nil { mislabelled[folder, default: 0] += 1 }
                asMeant[folder, default: Tally()].record(name) {
                    try readXCRI(bytes: meant ?? bytes, file: url.path)
                }
                // A clear error names the file (with its line) and says what is wrong.
                if let error = asStored[folder]?.threw[name] {
                    #expect(error.contains(url.path + ":"), "\(name): \(error)")
                    if meant != nil {
                        #expect(error.contains("labelled UTF-16 but has UTF-8 content"), "\(name): \(error)")
                    }
                }
                if let error = asMeant[folder]?.threw[name] {
                    #expect(error.contains(url.path + ":"), "\(name): \(error)")
                }
            }
        }
        let valid = try #require(asMeant["valid"])
        let invalid = try #require(asMeant["invalid"])
        let summary = "as stored: valid \(asStored["valid"].map(\.description) ?? "-"),"
            + " invalid \(asStored["invalid"].map(\.description) ?? "-");"
            + " relabelled: valid \(valid), invalid \(invalid)"

        // The summary, as of this material: as stored, valid 22 read (8 with warnings) and 115
        // threw, invalid 22 read (9 with warnings) and 96 threw; relabelled, valid 135 read (80
        // with warnings, nearly all fragments without provider or course identifiers) and 2
        // threw, invalid 114 read (67 with warnings) and 4 threw.

        // As stored, the mislabelled ones fail (and in `invalid`, one not well-formed).
        #expect(mislabelled["valid"] == 115, "\(summary)")
        #expect(mislabelled["invalid"] == 95, "\(summary)")
        #expect(asStored["valid"]?.threw.count == 115, "\(summary)")
        #expect(asStored["invalid"]?.threw.count == 96, "\(summary)")

        // Relabelled, every valid fixture reads but the two whose root is a provider.
        #expect(valid.read == 135, "\(summary)")
        #expect(Set(valid.threw.keys) == Self.validProviderRoots, "\(summary)")
        for error in valid.threw.values {
            #expect(error.contains("provider, not an XCRI-CAP 1.2 catalog"))
            #expect(error.contains("mapping profile"))
        }
        // Invalid ones mostly read too (the reader is lenient; the validator is strict).
        #expect(invalid.read == 114, "\(summary)")
        #expect(Set(invalid.threw.keys) == Self.invalidRejected, "\(summary)")
    }
}
