import Foundation
import KenshuTesting
import Testing

/// `kenshu-bench import` generates feeds that `kenshu import` takes whole: every course and
/// presentation it says it wrote is imported, without a warning.
struct FeedImportBenchmarkTests {
    /// Generates a feed with `options` (kept at `path`) and returns the courses and
    /// presentations the benchmark says it wrote.
    func generate(_ options: [String], to path: String) throws -> (courses: Int, presentations: Int) {
        let result = try KenshuBinary.run(["import", "--size-mb", "1", "--keep", path, "--only", "stream"] + options,
                                          product: "kenshu-bench")
        #expect(result.status == 0, "\(result.stderr)")
        let words = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("feed: ") })
            .split(separator: " ")
        let courses = try #require(words.firstIndex(of: "courses,").flatMap { Int(words[$0 - 1]) }, "\(result.stdout)")
        let presentations = try #require(words.firstIndex(of: "presentations,").flatMap { Int(words[$0 - 1]) })
        return (courses, presentations)
    }

    /// Imports the feed at `path` into `city` and returns the courses and presentations its
    /// providers then have.
    func imported(_ path: String, into city: TemporaryCity) throws -> (courses: Int, presentations: Int) {
        let result = try city.kenshu("import", path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("警告 0 件"), "\(result.stdout)")
        let status = try city.kenshu("status", "--json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        let providers = try #require(json["providers"] as? [[String: Any]])
        return (providers.reduce(0) { $0 + ($1["courses"] as? Int ?? 0) },
                providers.reduce(0) { $0 + ($1["presentations"] as? Int ?? 0) })
    }

    @Test func aRealShapedFeedImportsWithEveryCourseAndPresentationAndIsTheSameForTheSameSeed() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let path = city.folder.appendingPathComponent("real.xml").path
        let written = try generate(["--shape", "real", "--seed", "7"], to: path)
        #expect(written.courses > 100)
        #expect(written.presentations > written.courses * 3 / 2, "several presentations a course")
        let stored = try imported(path, into: city)
        #expect(stored.courses == written.courses)
        #expect(stored.presentations == written.presentations)

        let again = city.folder.appendingPathComponent("again.xml").path
        #expect(try generate(["--seed", "7"], to: again) == written)
        #expect(FileManager.default.contentsEqual(atPath: path, andPath: again))
    }

    @Test(.enabled(if: RepositoryPaths.hasShared, "../shared/xcri-cap is not beside the repository"))
    func aRealFeedRepeatedWithNewIdentifiersImportsEveryCopy() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let sheffield = RepositoryPaths.shared.appendingPathComponent("xcri-cap/feeds/UniversityOfSheffield_20120406.xml").path
        let path = city.folder.appendingPathComponent("sheffield.xml").path
        let written = try generate(["--from-real", sheffield], to: path)
        // 816 KB of 320 courses, one presentation each: a megabyte holds a copy and a part.
        #expect(written.courses > 320 && written.courses < 640)
        #expect(written.presentations == written.courses)
        let stored = try imported(path, into: city)
        #expect(stored.courses == written.courses)
        #expect(stored.presentations == written.presentations)
    }
}
