import Foundation
import KenshuConfig
import KenshuCore
import KenshuStore
import Testing
@testable import KenshuImport

/// A whole import, the storing side mapping whatever share of the courses it takes: the store
/// holds exactly the courses a plain sequential read gives, and the summary has the same
/// warnings in the same order (plus the repeated id, which only the store sees).
struct FeedImporterSharingTests {
    /// 4,000 courses; some without a title, some with a presentation that ends before it
    /// starts, and one id listed twice.
    static func feed() -> String {
        let courses = (0..<4_000).map { index in
            let id = index == 2_500 ? "C-1000" : "C-\(index)"
            let title = index % 211 == 7 ? "" : "<dc:title>研修 \(index)</dc:title>"
            let end = index % 97 == 3 ? "2027-01-01" : "2027-02-\(10 + index % 18)"
            return """
                <course><dc:identifier>\(id)</dc:identifier>\(title)<dc:subject>政策法務</dc:subject>
                <dc:description>&lt;p&gt;説明 \(index)&lt;/p&gt;</dc:description>
                <presentation><dc:identifier>\(id)-1</dc:identifier><start dtf="2027-02-01"/><end dtf="\(end)"/>
                <venue><provider><dc:title>第\(index % 5)研修室</dc:title></provider></venue><mlo:places>\(index % 40)</mlo:places></presentation>
                </course>
                """
        }
        return xcriCatalog(courses.joined(separator: "\n"))
    }

    @Test func theStoreHoldsWhatASequentialReadGives() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-sharing-\(UUID().uuidString).xml").path
        try Self.feed().write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }

        var expected: [String: Course] = [:]
        var order: [String] = []
        var warnings: [String] = []
        try XCRICAPReader(path: path).read(
            course: { course in
                var course = course
                course.line = nil
                if expected[course.id] == nil { order.append(course.id) }
                expected[course.id] = expected[course.id] ?? course
            },
            warning: { warnings.append($0.description) })
        #expect(warnings.count > 40 && warnings.count < FeedImportSummary.keptWarnings)

        let store = try KenshuStore.inMemory()
        let importer = FeedImporter(store: store, settings: FeedSettings(profilesDirectory: "/nonexistent"), profiles: [])
        let summary = try importer.importFeed(path: path)
        #expect(summary.changes.added == order.count)
        #expect(summary.warningCount == warnings.count + 1)
        #expect(summary.warnings.map(\.description).filter { !$0.contains("listed again") } == warnings)
        let stored = try store.courses(provider: "http://acme.example/")
        #expect(stored == order.sorted().compactMap { expected[$0] })
    }
}
