import Foundation
import KenshuCore
import KenshuXML
import Testing
@testable import KenshuImport

/// Courses captured by the SAX reader, and courses mapped in place from libxml2's nodes, are
/// the courses mapped from a tree of `XMLNode`s (the path a validating reader takes),
/// warnings included, on every real feed and every validator fixture that reads.
struct XCRIInPlaceMappingTests {
    static var files: [String] {
        (XCRIMaterial.xmlFiles(under: XCRIMaterial.feeds) + XCRIMaterial.xmlFiles(under: XCRIMaterial.fixtures)).map(\.path)
    }

    enum Way { case capture, inPlace, tree }

    /// The courses and warnings of a read, or the error that stopped it.
    private func read(_ path: String, _ way: Way) -> (courses: [Course], warnings: [String], error: String?) {
        var courses: [Course] = []
        var warnings: [String] = []
        do {
            var reader = way == .capture ? try XCRICAPReader(path: path) : XCRICAPReader(reader: try XMLStreamReader(path: path))
            reader.mapsInPlace = way == .inPlace
            try reader.read(course: { courses.append($0) }, warning: { warnings.append($0.description) })
            return (courses, warnings, nil)
        } catch {
            return (courses, warnings, String(describing: error))
        }
    }

    @Test(.enabled(if: XCRIMaterial.hasFeeds || XCRIMaterial.hasFixtures, "no XCRI-CAP material at ../shared/xcri-cap"),
          arguments: files)
    func captureInPlaceAndTreeGiveTheSameCourses(path: String) {
        let tree = read(path, .tree)
        for way in [Way.capture, .inPlace] {
            let other = read(path, way)
            #expect(other.courses == tree.courses, "\(way)")
            #expect(other.warnings == tree.warnings, "\(way)")
            #expect(other.error == tree.error, "\(way)")
        }
    }

    @Test func aCourseWithEveryFieldMapsTheSameEveryWay() throws {
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
        let tree = read(path, .tree)
        #expect(tree.courses.count == 2)
        #expect(tree.courses.last?.summary == "One Two & three")
        #expect(tree.warnings.count == 3)  // the prose start, the dtf that is no date, the end before the start
        for way in [Way.capture, .inPlace] {
            let other = read(path, way)
            #expect(other.courses == tree.courses, "\(way)")
            #expect(other.warnings == tree.warnings, "\(way)")
        }
    }
}
