import Foundation
import KenshuConfig
import KenshuCore
import KenshuStore
import KenshuXML

/// Imports one course feed into the store: the feed's providers get the feed's catalogue in
/// one transaction, or keep the old one. A feed rejected half-way (not well-formed, a limit,
/// a truncated file) changes nothing and is logged for `status`.
public struct FeedImporter {
    /// Called now and then while a large feed streams in: bytes read so far, courses so far.
    public typealias Progress = (_ bytes: Int, _ courses: Int) -> Void

    let store: KenshuStore
    let settings: FeedSettings
    let profiles: [FeedProfile]
    /// XSD of XCRI-CAP 1.2, for validation when asked for.
    let xcriSchemaPath: String?
    /// Finds the courses no rule tags with an ability, and suggests some.
    let tagger: AbilityTagger?

    public init(
        store: KenshuStore, settings: FeedSettings, profiles: [FeedProfile], xcriSchemaPath: String? = nil,
        tagger: AbilityTagger? = nil
    ) {
        self.store = store
        self.settings = settings
        self.profiles = profiles
        self.xcriSchemaPath = xcriSchemaPath
        self.tagger = tagger
    }

    var limits: XMLLimits {
        XMLLimits(maxDepth: settings.limits.maxDepth, maxTextBytes: settings.limits.maxTextBytes,
                  maxAttributes: settings.limits.maxAttributes)
    }

    /// Imports (or with `validateOnly`, only reads and checks) the feed at `path`;
    /// `recordedAs` is what the import log names as its source (the path when nil).
    public func importFeed(
        path: String, profile: String? = nil, provider: String? = nil, validateOnly: Bool = false,
        validate: Bool? = nil, recordedAs: String? = nil, progress: Progress? = nil
    ) throws(FeedImportError) -> FeedImportSummary {
        let started = ContinuousClock.now
        var format: FeedFormat?
        do {
            let size = try FeedImporter.checkFile(path)
            var warnings: [FeedWarning] = []
            var warningCount = 0
            let (detected, encoding) = try FeedFormat.detectWithEncoding(
                path: path, profileName: profile, profiles: profiles, limits: limits)
            if encoding != nil {
                warningCount += 1
                warnings.append(FeedWarning(
                    "the XML declaration says UTF-16 but the bytes are UTF-8: read as UTF-8 (ask the institute to fix the declaration)",
                    at: SourceLocation(file: path, line: 1)))
            }
            format = detected
            var deviations: [String] = []
            let validated = validate ?? settings.validate || validateOnly
            if validated {
                deviations = try schemaDeviations(path: path, format: detected, encoding: encoding)
            }
            let override = provider.map { CourseProvider(id: $0, name: $0) }
            var courses = 0
            var untagged: [UntaggedCourse] = []
            var untaggedCount = 0
            let limits = self.limits
            let maxCourseNodes = settings.limits.maxCourseNodes
            let declaredEncoding = encoding
            let run = { (store: (Course) throws -> CatalogReplacement.Outcome) throws in
                let pipeline = FeedPipeline()
                pipeline.start {
                    try FeedImporter.makeReader(detected, path: path, limits: limits, encoding: declaredEncoding, override,
                                                maxCourseNodes: maxCourseNodes)
                }
                defer { pipeline.cancel() }
                var nextReport = 0
                let warn = { (warning: FeedWarning) in
                    warningCount += 1
                    if warnings.count < FeedImportSummary.keptWarnings { warnings.append(warning) }
                }
                var batch: [FeedPipeline.Item] = []
                while try pipeline.next(into: &batch) {
                    for item in batch {
                        let course: Course
                        switch item {
                        case .course(let read): course = read
                        case .unmapped(let unmapped):
                            guard let mapped = unmapped.map(warning: warn) else { continue }
                            course = mapped
                        case .warning(let warning):
                            warn(warning)
                            continue
                        }
                        guard try store(course) != .duplicate else {
                            warn(FeedWarning("the course id is listed again in this feed (the first listing is kept; this one skipped)",
                                             at: SourceLocation(file: path, line: course.line), record: course.id))
                            continue
                        }
                        courses += 1
                        if let tagger, !tagger.isTagged(course) {
                            untaggedCount += 1
                            if untagged.count < FeedImportSummary.keptWarnings {
                                untagged.append(UntaggedCourse(provider: course.provider.id, id: course.id, title: course.title,
                                                               suggestions: tagger.suggestions(for: course)))
                            }
                        }
                        if let progress, courses >= nextReport {
                            progress(pipeline.bytesConsumed, courses)
                            nextReport = courses + 2_000
                        }
                    }
                }
            }
            // Validation only runs the whole import and rolls it back: the same warnings,
            // duplicates and counts, nothing kept.
            let changes = try store.replaceCatalog(source: recordedAs ?? path, format: detected.name, dryRun: validateOnly) { replacement in
                try run(replacement.store)
                return warningCount
            }
            progress?(size, courses)
            let elapsed = ContinuousClock.now - started
            return FeedImportSummary(
                file: path, format: detected.name, changes: changes, warningCount: warningCount, warnings: warnings,
                untaggedCount: untaggedCount, untagged: untagged, validated: validated, schemaDeviations: deviations, bytes: size,
                seconds: elapsed.inSeconds,
                validateOnly: validateOnly)
        } catch let error as FeedImportError {
            throw logged(error, path: path, recordedAs: recordedAs, format: format, provider: provider, validateOnly: validateOnly)
        } catch let error as XMLReadError {
            throw logged(.rejected(file: path, message: error.description), path: path, recordedAs: recordedAs, format: format,
                         provider: provider, validateOnly: validateOnly)
        } catch let error as StoreError {
            throw .store(error.description)
        } catch {
            throw .store(String(describing: error))
        }
    }

    /// The reader of a feed in `format`, and what tells how far it has read. XCRI-CAP is read
    /// through libxml2's SAX parser, each course captured whole (libxml2 parses a document
    /// faster through SAX than through its stream reader); profiles through the stream reader.
    /// A course with more than `maxCourseNodes` elements fails the read (`feeds.limits.maxCourseNodes`).
    static func makeReader(
        _ format: FeedFormat, path: String, limits: XMLLimits, encoding: String?, _ provider: CourseProvider?,
        maxCourseNodes: Int = XCRICAPReader.maxNodesPerCourse
    ) throws(XMLReadError) -> (reader: CourseFeedReader, bytesConsumed: () -> Int) {
        switch format {
        case .xcriCAP:
            let capture = try XMLCaptureReader(path: path, limits: limits, encoding: encoding,
                                               capture: XCRICAPReader.captureRule(maxCourseNodes: maxCourseNodes))
            var reader = XCRICAPReader(capturing: capture, providerOverride: provider)
            reader.maxCourseNodes = maxCourseNodes
            return (reader, { capture.bytesConsumed })
        case .profile(let profile):
            let stream = try XMLStreamReader(path: path, limits: limits, encoding: encoding)
            return (ProfileFeedReader(reader: stream, profile: profile, providerOverride: provider, maxCourseNodes: maxCourseNodes),
                    { stream.bytesConsumed })
        }
    }

    /// Validates against the format's XSD and returns the deviations as text (never throws
    /// for invalidity: real feeds deviate and still import).
    private func schemaDeviations(path: String, format: FeedFormat, encoding: String?) throws -> [String] {
        let schemaPath: String? = switch format {
        case .xcriCAP: xcriSchemaPath
        case .profile(let profile): profile.schemaPath
        }
        guard let schemaPath else { return ["no XSD is known for \(format.name): not validated"] }
        let schema = try XMLSchema(path: schemaPath)
        let reader = try XMLStreamReader(path: path, schema: schema, limits: limits, encoding: encoding)
        do {
            while try reader.next() != nil {}
        } catch {
            // Not valid: the diagnostics below say where.
        }
        return reader.diagnostics.filter { $0.severity != .warning }.prefix(FeedImportSummary.keptWarnings).map(\.description)
    }

    /// The feed's size; an empty file or a folder is a clear rejection.
    static func checkFile(_ path: String) throws -> Int {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FeedImportError.rejected(file: path, message: "\(path): no such file")
        }
        guard !isDirectory.boolValue else {
            throw FeedImportError.rejected(file: path, message: "\(path): is a folder, not a feed file")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size > 0 else {
            throw FeedImportError.rejected(file: path, message: "\(path): the file is empty (an upload cut short?)")
        }
        return size
    }

    /// Logs a rejected feed for `status` (best effort) and returns the error to throw; the log
    /// names the feed as `recordedAs` when given (the path elsewhere in the message too).
    private func logged(
        _ error: FeedImportError, path: String, recordedAs: String?, format: FeedFormat?, provider: String?, validateOnly: Bool
    ) -> FeedImportError {
        guard !validateOnly, case .rejected(_, let message) = error else { return error }
        try? store.recordFeedImport(FeedImportEntry(
            source: recordedAs ?? path, format: format?.name ?? "unknown", providers: provider.map { [$0] } ?? [], succeeded: false,
            summary: "取込不可（前回の研修一覧のまま）", warnings: 0,
            message: recordedAs.map { message.replacingOccurrences(of: path, with: $0) } ?? message, finishedAt: Date()))
        return error
    }
}
