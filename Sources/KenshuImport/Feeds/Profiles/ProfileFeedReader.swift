import KenshuConfig
import KenshuCore
import KenshuXML

/// Reads an institute's own XML feed format through a mapping profile (`FeedProfile`).
///
/// The document streams; each element at the profile's course path is read as a small tree
/// (one course in memory at a time) and mapped field by field. Provider values the profile
/// reads from the feed are taken from elements before the course, outside it.
///
/// Per-record problems are warnings and the record (or the value) is left out: a date that
/// is not a date, a presentation that ends before it starts, a duplicate course id, a
/// course without id or title, a feed value the profile's value maps do not know (warned
/// once per value). A document whose root is not the profile's is an error.
public struct ProfileFeedReader: CourseFeedReader {
    private let reader: XMLStreamReader
    public let profile: FeedProfile
    /// The provider to file the courses under instead of the one the profile gives.
    public let providerOverride: CourseProvider?
    /// Elements of one course (with its presentations) beyond which the feed is refused.
    public let maxCourseNodes: Int

    public init(
        reader: XMLStreamReader, profile: FeedProfile, providerOverride: CourseProvider? = nil,
        maxCourseNodes: Int = 10_000
    ) {
        self.reader = reader
        self.profile = profile
        self.providerOverride = providerOverride
        self.maxCourseNodes = maxCourseNodes
    }

    public func read(course: (Course) throws -> Void, warning: (FeedWarning) -> Void) throws {
        let coursePath = profile.course.elements
        guard let expectedRoot = coursePath.first else {
            throw XMLReadError("the profile \(profile.name) has no course path", at: SourceLocation(file: profile.file))
        }
        if providerOverride == nil, profile.provider.isEmpty {
            throw XMLReadError(
                "the profile \(profile.name) does not say the provider: name it for this feed (--provider)",
                at: SourceLocation(file: reader.file))
        }
        var capture = ProfileProviderCapture(mapping: profile.provider)
        var mapper = ProfileCourseMapper(profile: profile, file: reader.file)
        var stack: [XMLName] = []
        var courses = 0

        while let event = try reader.next() {
            switch event {
            case .start(let start):
                if stack.isEmpty, start.name != expectedRoot {
                    let found = Self.describe(start.name, against: expectedRoot)
                    let expected = Self.describe(expectedRoot, against: start.name)
                    throw XMLReadError("the root is \(found), the profile \(profile.name) expects \(expected)",
                                       at: SourceLocation(file: reader.file, line: start.line))
                }
                stack.append(start.name)
                if stack == coursePath {
                    stack.removeLast()
                    let node = try reader.readSubtree(from: start, maxNodes: maxCourseNodes)
                    courses += 1
                    let provider = try providerOverride ?? capture.provider(file: reader.file, courseLine: start.line)
                    if let mapped = mapper.course(node, provider: provider, warning: warning) {
                        try course(mapped)
                    }
                } else {
                    capture.opened(start, path: stack)
                }
            case .text(let text):
                capture.text(text)
            case .end:
                capture.closing(depth: stack.count)
                _ = stack.popLast()
            }
        }
        if courses == 0 {
            warning(FeedWarning("the feed has no course at \(profile.course.text) (profile \(profile.name))",
                                at: SourceLocation(file: reader.file)))
        }
    }

    /// `<catalogue>`, with the namespace when it is what differs.
    static func describe(_ name: XMLName, against other: XMLName) -> String {
        guard name.local == other.local else { return "<\(name.local)>" }
        return name.namespace.isEmpty ? "<\(name.local)> in no namespace" : "<\(name.local)> in namespace \(name.namespace)"
    }
}

/// Provider values read from the feed while it streams: each is the latest found, and
/// forgotten when the element holding it closes (a feed of several providers).
struct ProfileProviderCapture {
    private struct Target {
        var key: Key
        var path: [XMLName]
        var attribute: XMLName?
    }

    enum Key: Hashable { case id, name, url }

    private struct Open {
        var key: Key
        var depth: Int
        var text: String
    }

    private let mapping: ProviderMapping
    private let targets: [Target]
    private var values: [Key: (value: String, scope: Int)] = [:]
    private var open: [Open] = []
    /// Provider texts are short; a longer one is cut (a hostile feed cannot grow memory).
    private static let maxBytes = 16_384

    init(mapping: ProviderMapping) {
        self.mapping = mapping
        var targets: [Target] = []
        for (key, value) in [(Key.id, mapping.id), (.name, mapping.name), (.url, mapping.url)] {
            if case .path(let path) = value {
                targets.append(Target(key: key, path: path.elements, attribute: path.attribute))
            }
        }
        self.targets = targets
    }

    mutating func opened(_ start: XMLElementStart, path: [XMLName]) {
        for target in targets where target.path == path {
            if let attribute = target.attribute {
                let value = start.attributes.first { $0.name == attribute }.map { FeedValues.foldWhitespace($0.value) } ?? ""
                if !value.isEmpty { values[target.key] = (value, path.count) }
            } else {
                open.append(Open(key: target.key, depth: path.count, text: ""))
            }
        }
    }

    mutating func text(_ text: String) {
        for index in open.indices where open[index].text.utf8.count < Self.maxBytes {
            open[index].text += text
        }
    }

    /// The element at `depth` closes: finish what it held, forget what it scoped.
    mutating func closing(depth: Int) {
        for item in open where item.depth == depth {
            let value = FeedValues.plainText(item.text)
            if !value.isEmpty { values[item.key] = (value, depth - 1) }
        }
        open.removeAll { $0.depth >= depth }
        values = values.filter { $0.value.scope < depth }
    }

    /// The provider for a course that starts at `courseLine`.
    func provider(file: String, courseLine: Int) throws(XMLReadError) -> CourseProvider {
        func value(_ key: Key, _ mapped: ProviderValue?) -> String? {
            switch mapped {
            case .fixed(let text): text
            case .path: values[key]?.value
            case nil: nil
            }
        }
        guard let id = value(.id, mapping.id) else {
            var place = ""
            if case .path(let path) = mapping.id { place = " at \(path.text)" }
            throw XMLReadError(
                "the feed does not give its provider's id\(place) before the course on line \(courseLine) (name the provider for this feed: --provider)",
                at: SourceLocation(file: file, line: courseLine))
        }
        return CourseProvider(id: id, name: value(.name, mapping.name) ?? id, url: value(.url, mapping.url))
    }
}
