import KenshuConfig
import KenshuCore
@testable import KenshuImport
import KenshuXML

/// The feed import's reading side, without the store: what `FeedImporter.importFeed` does with
/// a feed file before it stores courses.
public enum FeedReading {
    /// The import's limits with the default feed settings (`FeedImporter.limits`).
    public static let limits: XMLLimits = {
        let settings = FeedSettings.Limits()
        return XMLLimits(maxDepth: settings.maxDepth, maxTextBytes: settings.maxTextBytes, maxAttributes: settings.maxAttributes)
    }()

    /// Detects the format of the feed at `path` as the import does (retrying as UTF-8 when the
    /// declaration says UTF-16 over UTF-8 bytes), then reads it whole through the reader the
    /// import makes. Returns the courses read; throws what the import would reject the feed for.
    @discardableResult
    public static func importRead(path: String, profiles: [FeedProfile]) throws -> Int {
        let (format, encoding) = try FeedFormat.detectWithEncoding(path: path, profileName: nil, profiles: profiles, limits: limits)
        return try read(format, path: path, encoding: encoding)
    }

    /// Reads the feed at `path` through `profile`, as an import naming the profile does.
    @discardableResult
    public static func importRead(profile: FeedProfile, path: String) throws -> Int {
        try read(.profile(profile), path: path, encoding: nil)
    }

    private static func read(_ format: FeedFormat, path: String, encoding: String?) throws -> Int {
        let sink = Sink()
        do {
            let (reader, bytesConsumed) = try FeedImporter.makeReader(format, path: path, limits: limits, encoding: encoding, nil)
            try reader.read(into: sink)
            FuzzSupport.blackHole(bytesConsumed())
        }
        // The storing side maps what it was handed unmapped after the reader has moved on
        // (here: after it is gone), so a captured course must outlive its reader.
        for unmapped in sink.unmapped {
            if let course = unmapped.map(warning: { sink.warning($0) }) { sink.course(course) }
        }
        return sink.courses
    }

    /// Takes every other course unmapped, as `FeedPipeline`'s reading side does when the storing
    /// side has time to spare; checks what a course must be.
    final class Sink: CourseSink {
        var courses = 0
        var warnings = 0
        var unmapped: [UnmappedCourse] = []
        private var turn = false

        func course(_ course: Course) {
            courses += 1
            FuzzSupport.blackHole(course)
            FuzzSupport.blackHole(String(describing: course.id))
        }

        func warning(_ warning: FeedWarning) {
            warnings += 1
            FuzzSupport.blackHole(warning.description)
        }

        func takesUnmapped() -> Bool {
            turn.toggle()
            return turn && unmapped.count < 64
        }

        func unmapped(_ course: UnmappedCourse) {
            unmapped.append(course)
        }
    }
}
