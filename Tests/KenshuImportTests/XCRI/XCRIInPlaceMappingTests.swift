import Foundation
import KenshuCore
import KenshuXML
import Testing
@testable import KenshuImport

/// Courses mapped in place from libxml2's nodes are the courses mapped from a tree of
/// `XMLNode`s (the path a validating reader takes), warnings included, on every real feed and
/// every validator fixture that reads.
struct XCRIInPlaceMappingTests {
    static var files: [String] {
        (XCRIMaterial.xmlFiles(under: XCRIMaterial.feeds) + XCRIMaterial.xmlFiles(under: XCRIMaterial.fixtures)).map(\.path)
    }

    /// The courses and warnings of a read, or the error that stopped it.
    private func read(_ path: String, inPlace: Bool) -> (courses: [Course], warnings: [String], error: String?) {
        var courses: [Course] = []
        var warnings: [String] = []
        do {
            var reader = try XCRICAPReader(path: path)
            reader.mapsInPlace = inPlace
            try reader.read(course: { courses.append($0) }, warning: { warnings.append($0.description) })
            return (courses, warnings, nil)
        } catch {
            return (courses, warnings, String(describing: error))
        }
    }

    @Test(.enabled(if: XCRIMaterial.hasFeeds || XCRIMaterial.hasFixtures, "no XCRI-CAP material at ../shared/xcri-cap"),
          arguments: files)
    func inPlaceAndTreeGiveTheSameCourses(path: String) {
        let inPlace = read(path, inPlace: true)
        let tree = read(path, inPlace: false)
        #expect(inPlace.courses == tree.courses)
        #expect(inPlace.warnings == tree.warnings)
        #expect(inPlace.error == tree.error)
    }

    @Test func aCourseWithEveryFieldMapsTheSameBothWays() throws {
        let xml = xcriCatalog(XCRICAPReaderTests.oneCourse + """
            <course>
              <dc:identifier>C-2</dc:identifier>
              <dc:title>  </dc:title><dc:title>Second  title</dc:title>
              <dc:description xsi:type="keywords">kw</dc:description>
              <dc:description><div xmlns="http://www.w3.org/1999/xhtml"><p>One</p><p>Two &amp; <b>three</b></p></div></dc:description>
              <presentation>
                <start>Monday 30 September 2013</start>
                <applyuntil dtf="not a date">soon</applyuntil>
                <venue>Main hall</venue>
              </presentation>
              <presentation><end dtf="2026-01-01"/><start dtf="2026-02-01"/></presentation>
            </course>
            """)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-inplace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("feed.xml").path
        try xml.write(toFile: path, atomically: true, encoding: .utf8)
        let inPlace = read(path, inPlace: true)
        #expect(inPlace.courses.count == 2)
        #expect(inPlace.courses.last?.summary == "One Two & three")
        #expect(inPlace.warnings.count == 3)  // the prose start, the dtf that is no date, the end before the start
        let tree = read(path, inPlace: false)
        #expect(inPlace.courses == tree.courses)
        #expect(inPlace.warnings == tree.warnings)
    }
}
