import KenshuConfig
import KenshuCore
import KenshuXML

/// The format of a feed: XCRI-CAP 1.2, or an institute's own XML read through a profile.
public enum FeedFormat: Sendable {
    case xcriCAP
    case profile(FeedProfile)

    public var name: String {
        switch self {
        case .xcriCAP: "XCRI-CAP 1.2"
        case .profile(let profile): "プロファイル \(profile.name)"
        }
    }

    /// Whether a root element is an XCRI-CAP catalogue (the 1.2 namespace, or the variants
    /// real feeds use): the same test the XCRI-CAP reader applies.
    static func isXCRICAPRoot(_ name: XMLName) -> Bool {
        XCRINames.isXCRIElement(name, "catalog")
    }

    /// The format of the feed at `path`: the profile named, else XCRI-CAP when the root is an
    /// XCRI-CAP catalogue, else the one profile whose root element matches.
    static func detect(
        path: String, profileName: String?, profiles: [FeedProfile], limits: XMLLimits, encoding: String? = nil
    ) throws -> FeedFormat {
        if let profileName {
            guard let profile = profiles.first(where: { $0.name == profileName }) else {
                throw FeedImportError.rejected(
                    file: path, message: "\(path): no mapping profile named '\(profileName)'"
                        + " (profiles: \(profiles.map(\.name).sorted().joined(separator: ", ")))")
            }
            return .profile(profile)
        }
        let root = try rootElement(path: path, limits: limits, encoding: encoding)
        if isXCRICAPRoot(root) { return .xcriCAP }
        let matching = profiles.filter { profile in
            profile.rootElement.map { $0.local == root.local && $0.namespace == root.namespace } ?? false
        }
        guard matching.count == 1, let profile = matching.first else {
            let hint = matching.isEmpty
                ? "it is not XCRI-CAP 1.2 and no profile in the profiles folder reads it: write a profile, or name one with --profile"
                : "several profiles read it (\(matching.map(\.name).joined(separator: ", "))): name one with --profile"
            throw FeedImportError.rejected(file: path, message: "\(path): the root element is \(root): \(hint)")
        }
        return .profile(profile)
    }

    /// The format as `detect` finds it, and the encoding to read the feed in: `UTF-8` when the
    /// declaration says UTF-16 over UTF-8 bytes (.NET writers label UTF-8 output so, and
    /// libxml2 refuses the mismatch), else nil (the declaration's own).
    static func detectWithEncoding(
        path: String, profileName: String?, profiles: [FeedProfile], limits: XMLLimits
    ) throws -> (format: FeedFormat, encoding: String?) {
        do {
            return (try detect(path: path, profileName: profileName, profiles: profiles, limits: limits), nil)
        } catch let error as XMLReadError where error.description.contains("labelled UTF-16 but has UTF-8 content") {
            let format = try detect(path: path, profileName: profileName, profiles: profiles, limits: limits, encoding: "UTF-8")
            return (format, "UTF-8")
        }
    }

    /// The feed's root element, read without reading the rest.
    static func rootElement(path: String, limits: XMLLimits, encoding: String? = nil) throws -> XMLName {
        let reader = try XMLStreamReader(path: path, limits: limits, encoding: encoding)
        while let event = try reader.next() {
            if case .start(let start) = event { return start.name }
        }
        throw XMLReadError("the document has no root element", at: SourceLocation(file: path))
    }
}
