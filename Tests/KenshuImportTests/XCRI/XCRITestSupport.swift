import Foundation
import KenshuTesting
import KenshuCore
import KenshuImport
import KenshuXML

/// What one read of a feed gave: the courses and the warnings, in order.
struct XCRIRead {
    var courses: [Course] = []
    var warnings: [FeedWarning] = []

    /// The course with this id (the test fails through `#require` when there is none).
    func course(_ id: String) -> Course? { courses.first { $0.id == id } }
}

/// Reads a feed held in memory.
func readXCRI(bytes: [UInt8], file: String = "feed.xml", provider: CourseProvider? = nil) throws -> XCRIRead {
    let reader = try XMLStreamReader(bytes: bytes, file: file)
    return try readXCRI(XCRICAPReader(reader: reader, providerOverride: provider))
}

/// Reads a feed given as text (UTF-8).
func readXCRI(_ xml: String, file: String = "feed.xml", provider: CourseProvider? = nil) throws -> XCRIRead {
    try readXCRI(bytes: Array(xml.utf8), file: file, provider: provider)
}

func readXCRI(_ reader: XCRICAPReader) throws -> XCRIRead {
    var read = XCRIRead()
    try reader.read(course: { read.courses.append($0) }, warning: { read.warnings.append($0) })
    return read
}

/// A catalog in XCRI-CAP's default namespace with one provider around `courses`.
func xcriCatalog(_ courses: String, provider: String = "<dc:identifier>http://acme.example/</dc:identifier><dc:title>Acme Institute</dc:title>") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <catalog xmlns="http://xcri.org/profiles/1.2/catalog" xmlns:dc="http://purl.org/dc/elements/1.1/"
             xmlns:mlo="http://purl.org/net/mlo" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
             generated="2026-01-05T09:00:00+09:00">
      <provider>
        \(provider)
        \(courses)
      </provider>
    </catalog>
    """
}

/// The shared XCRI-CAP material (real feeds, validator fixtures): `../shared/xcri-cap`
/// next to the repository.
enum XCRIMaterial {
    static let root = RepositoryPaths.shared.appendingPathComponent("xcri-cap")

    static let feeds = root.appendingPathComponent("feeds")
    static let fixtures = root.appendingPathComponent("validator-fixtures")

    static func exists(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static var hasFeeds: Bool { exists(feeds) }
    static var hasFixtures: Bool { exists(fixtures) }

    /// The `.xml` files under `folder`, at any depth, sorted; none when the folder is missing.
    static func xmlFiles(under folder: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        return enumerator.compactMap { $0 as? URL }
            .filter { $0.pathExtension.lowercased() == "xml" }
            .sorted { $0.path < $1.path }
    }

    /// The real feeds' file names, for parameterised tests.
    static var feedNames: [String] { xmlFiles(under: feeds).map(\.lastPathComponent) }
}
