import Foundation
import Testing
@testable import KenshuImport

/// A damaged catalogue stops the program with the line that is wrong.
struct CatalogLoadErrorTests {
    @Test func rejectsACatalogueThatBreaksItsSchema() throws {
        let original = try String(contentsOfFile: CatalogPaths.catalog + "/" + PolicyCatalogLoader.catalogFile, encoding: .utf8)
        let damaged = original.replacingOccurrences(of: "<ability number=\"10\"", with: "<ability number=\"11\"")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("policy-catalog.xml").path
        try damaged.write(toFile: path, atomically: true, encoding: .utf8)
        let schema = CatalogPaths.catalog + "/" + PolicyCatalogLoader.schemaFile
        let error = try #require(throws: CatalogLoadError.self) {
            try PolicyCatalogLoader.load(path: path, schemaPath: schema)
        }
        let line = try #require(damaged.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("number=\"11\"") }) + 1
        #expect(error.description.contains("policy-catalog.xml:\(line):"))
    }

    @Test func rejectsACatalogueThatIsNotXML() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("policy-catalog.xml").path
        try "not xml at all".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: CatalogLoadError.self) {
            try PolicyCatalogLoader.load(path: path, schemaPath: CatalogPaths.catalog + "/" + PolicyCatalogLoader.schemaFile)
        }
    }

    @Test func missingCatalogueFolderSaysWhatToDo() {
        let error = #expect(throws: CatalogLoadError.self) {
            try PolicyCatalogLoader.load(catalogDirectory: "/nonexistent/kenshu")
        }
        #expect(error?.description.contains("catalog") == true)
    }
}
