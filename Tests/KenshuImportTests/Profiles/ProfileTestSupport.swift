import Foundation
import KenshuImport
import KenshuConfig
import KenshuCore
import KenshuTesting
import KenshuXML

/// The repository's shipped files the profile tests use, and the policy catalogue.
enum ProfileFixtures {
    static let repository = RepositoryPaths.root

    static let profiles = repository.appendingPathComponent("Catalog/profiles").path
    static let feeds = repository.appendingPathComponent("Catalog/example/feeds").path

    static func feed(_ name: String) -> String { (feeds as NSString).appendingPathComponent(name) }

    private static let loaded = Result { () throws(CatalogLoadError) -> PolicyCatalog in
        try PolicyCatalogLoader.load(catalogDirectory: repository.appendingPathComponent("Catalog").path)
    }

    /// The shipped policy catalogue, loaded once.
    static func catalog() throws -> PolicyCatalog { try loaded.get() }

    /// A profile from YAML text, as if it were the file `file`.
    static func profile(_ yaml: String, file: String = "test.yaml") throws -> FeedProfile {
        try FeedProfileLoader.parse(yaml, file: file, catalog: catalog())
    }

    /// A shipped profile.
    static func shipped(_ name: String) throws -> FeedProfile {
        try FeedProfileLoader.load(name: name, inDirectory: profiles, catalog: catalog())
    }
}

/// What one read of a feed through a profile gave: the courses and the warnings, in order.
struct ProfileRead {
    var courses: [Course] = []
    var warnings: [FeedWarning] = []

    func course(_ id: String) -> Course? { courses.first { $0.id == id } }

    /// The warnings' messages with their records, `C-1/P-2: message`, for readable expectations.
    var messages: [String] { warnings.map { $0.record.isEmpty ? $0.message : "\($0.record): \($0.message)" } }
}

/// Reads a document held in memory through a profile.
func readWithProfile(
    _ xml: String, profile: FeedProfile, provider: CourseProvider? = nil, file: String = "feed.xml"
) throws -> ProfileRead {
    let reader = try XMLStreamReader(bytes: Array(xml.utf8), file: file)
    return try readWithProfile(ProfileFeedReader(reader: reader, profile: profile, providerOverride: provider))
}

func readWithProfile(_ reader: ProfileFeedReader) throws -> ProfileRead {
    var read = ProfileRead()
    try reader.read(course: { read.courses.append($0) }, warning: { read.warnings.append($0) })
    return read
}
