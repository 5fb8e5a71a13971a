import ArgumentParser
import Foundation
import KenshuCycle
import KenshuConfig
import KenshuCore
import KenshuImport
import KenshuStore
import KenshuXML
#if canImport(Glibc)
import Glibc
#endif

/// `kenshu-bench import --size-mb N`: generates an XCRI-CAP feed of that size (courses shaped
/// as real feeds are, or compact ones, or a real feed's own courses repeated), imports it
/// into a fresh store, and prints throughput and peak memory beside `xmllint --stream`'s
/// time on the same file (libxml2 alone, the ceiling for any reader built on it).
struct FeedImportBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Time a feed import of a generated XCRI-CAP feed, against xmllint --stream."
    )

    @Option(help: "Size of the generated feed in MB.")
    var sizeMb = 100

    @Option(help: "The generated courses' shape: real (as the institutes' feeds are: long escaped-HTML and XHTML texts, 1–3 presentations, venues with a nested provider) or compact (short, one presentation each).")
    var shape = FeedShape.real

    @Option(help: "The seed of the real-shaped courses (the same seed, the same feed).")
    var seed: UInt64 = 2026

    @Option(help: "Make the feed from this real XCRI-CAP feed instead: its courses repeated, with new identifiers, up to --size-mb.")
    var fromReal: String?

    @Option(help: "The configuration whose feed settings, profiles and tag rules the import uses, as `kenshu import` does (its store is not touched: the benchmark writes a fresh one).")
    var config = "Catalog/example/kenshu.yaml"

    @Option(help: "Keep the generated feed at this path instead of a temporary folder.")
    var keep: String?

    @Option(help: "Time this existing feed (an institute's real one, or one kept with --keep) instead of generating one; --size-mb is then not used.")
    var feed: String?

    @Option(help: "Run only this phase: import, read (the XCRI-CAP reader alone), stream (XML events alone) or store (the store alone, from courses in memory; at most 200,000).")
    var only: String?

    func validate() throws {
        guard sizeMb >= 1 else { throw ValidationError("--size-mb must be at least 1") }
        guard feed == nil || fromReal == nil else { throw ValidationError("--feed and --from-real exclude each other") }
    }

    func run() throws {
        // The configuration is read first: a wrong path fails before a feed is generated.
        let setup: Setup
        do {
            setup = try Setup.load(configPath: config)
        } catch {
            throw ValidationError("--config \(config): \(error.message)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let feed = self.feed ?? keep ?? folder.appendingPathComponent("feed.xml").path

        let clock = ContinuousClock()
        let origin: String
        if self.feed == nil {
            var counts = FeedCounts()
            let generation = try clock.measure { counts = try generate(to: feed) }
            origin = String(format: "%d courses, %d presentations, %@ (generated in %.1f s)", counts.courses,
                            counts.presentations, fromReal.map { "from \($0)" } ?? "\(shape.rawValue) shape", generation.inSeconds)
        } else {
            guard FileManager.default.isReadableFile(atPath: feed) else {
                throw ValidationError("--feed \(feed): no such readable file")
            }
            origin = "from \(feed)"
        }
        let megabytes = megabytes(feed)
        print(String(format: "feed: %.1f MB, %@", megabytes, origin))
        let rssBefore = peakRSSMegabytes()

        var importSeconds: ImportSeconds?
        if only == nil || only == "import" {
            importSeconds = try importPhase(feed: feed, folder: folder, setup: setup, megabytes: megabytes, rssBefore: rssBefore)
        }
        if only == nil || only == "read" {
            var readCourses = 0
            settle()
            let reading = try clock.measure {
                try XCRICAPReader(path: feed).read(course: { _ in readCourses += 1 }, warning: { _ in })
            }
            print(String(format: "reading alone:        %7.2f s  %7.1f MB/s  peak RSS %.0f MB  (XCRI-CAP reader, %d courses, no store)",
                         reading.inSeconds, megabytes / reading.inSeconds, peakRSSMegabytes(), readCourses))
        }
        if only == nil || only == "stream" {
            var events = 0
            settle()
            let streaming = try clock.measure {
                let reader = try XMLStreamReader(path: feed)
                while try reader.next() != nil { events += 1 }
            }
            print(String(format: "streaming alone:      %7.2f s  %7.1f MB/s  peak RSS %.0f MB  (XMLStreamReader events, %d events)",
                         streaming.inSeconds, megabytes / streaming.inSeconds, peakRSSMegabytes(), events))
        }
        if only == "store" {
            try storePhase(feed: feed, folder: folder)
        }
        guard only == nil || only == "import" else { return }
        settle()
        guard let xmllint = xmllintSeconds(feed) else {
            print("xmllint not found (apt-get install libxml2-utils): no comparison")
            return
        }
        print(String(format: "xmllint --stream:     %7.2f s  %7.1f MB/s  CPU %.2f s", xmllint.wall, megabytes / xmllint.wall,
                     xmllint.cpu))
        if let importSeconds {
            print(String(format: "kenshu import / xmllint throughput: %.0f%% (again, all unchanged: %.0f%%)",
                         100 * xmllint.wall / importSeconds.new, 100 * xmllint.wall / importSeconds.again))
            print(String(format: "xmllint's CPU time / the import's: %.0f%% (again: %.0f%%)",
                         100 * xmllint.cpu / importSeconds.newCPU, 100 * xmllint.cpu / importSeconds.againCPU))
        }
    }

    /// Writes the feed `--from-real` or `--shape` asks for.
    private func generate(to path: String) throws -> FeedCounts {
        let writer = XCRIFeedWriter(targetBytes: sizeMb * 1_000_000)
        if let fromReal {
            guard FileManager.default.isReadableFile(atPath: fromReal) else {
                throw ValidationError("--from-real \(fromReal): no such readable file")
            }
            var courses: RealFeedReplica
            do {
                courses = try RealFeedReplica(path: fromReal)
            } catch {
                throw ValidationError("--from-real \(fromReal): \(error)")
            }
            return try writer.write(&courses, to: path)
        }
        switch shape {
        case .real:
            var courses = RealShapedCourses(seed: seed)
            return try writer.write(&courses, to: path)
        case .compact:
            var courses = CompactCourses()
            return try writer.write(&courses, to: path)
        }
    }

    /// Wall and CPU seconds of the import of a new catalogue and of the same feed again.
    private struct ImportSeconds {
        var new: Double
        var newCPU: Double
        var again: Double
        var againCPU: Double
    }

    /// Imports the feed into a fresh on-disk store, as `kenshu import` does with `setup`'s
    /// configuration (tag rules included), then again; returns the seconds of both.
    private func importPhase(
        feed: String, folder: URL, setup: Setup, megabytes: Double, rssBefore: Double
    ) throws -> ImportSeconds {
        let clock = ContinuousClock()
        let store = try KenshuStore.open(path: folder.appendingPathComponent("kenshu.sqlite").path)
        let importer = try FeedImport.importer(setup: setup, store: store)
        var summary: FeedImportSummary?
        settle()
        var cpu = cpuSeconds(RUSAGE_SELF)
        let elapsed = try clock.measure { summary = try importer.importFeed(path: feed) }
        let newCPU = cpuSeconds(RUSAGE_SELF) - cpu
        let importSeconds = elapsed.inSeconds
        print(String(format: "kenshu import:        %7.2f s  %7.1f MB/s  CPU %.2f s  peak RSS %.0f MB (%.0f MB before the import)  %@",
                     importSeconds, megabytes / importSeconds, newCPU, peakRSSMegabytes(), rssBefore,
                     summary?.changes.description ?? ""))
        // The weekly steady state: the same feed again, every course unchanged.
        settle()
        cpu = cpuSeconds(RUSAGE_SELF)
        let again = (try clock.measure { summary = try importer.importFeed(path: feed) }).inSeconds
        cpu = cpuSeconds(RUSAGE_SELF) - cpu
        print(String(format: "kenshu import again:  %7.2f s  %7.1f MB/s  CPU %.2f s  peak RSS %.0f MB  %@", again, megabytes / again,
                     cpu, peakRSSMegabytes(), summary?.changes.description ?? ""))
        return ImportSeconds(new: importSeconds, newCPU: newCPU, again: again, againCPU: cpu)
    }

    /// The storing side alone: courses read into memory first, then stored new and again.
    private func storePhase(feed: String, folder: URL) throws {
        var courses: [Course] = []
        try XCRICAPReader(path: feed).read(
            course: { if courses.count < 200_000 { courses.append($0) } }, warning: { _ in })
        let store = try KenshuStore.open(path: folder.appendingPathComponent("store-only.sqlite").path)
        let clock = ContinuousClock()
        for label in ["new", "unchanged"] {
            settle()
            let elapsed = try clock.measure {
                _ = try store.replaceCatalog(source: feed, format: "bench") { replacement in
                    for course in courses { try replacement.store(course) }
                    return 0
                }
            }
            print(String(format: "store alone, %@: %7.2f s  %5.1f µs/course (%d courses)", label, elapsed.inSeconds,
                         elapsed.inSeconds * 1e6 / Double(courses.count), courses.count))
        }
    }

    /// Writes back what earlier phases (and the feed's generation) left in the page cache, so
    /// that the kernel flushing a gigabyte of them does not slow the phase about to be timed.
    private func settle() {
        sync()
    }

    private func megabytes(_ path: String) -> Double {
        Double((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0) / 1e6
    }

    /// CPU time (user and system) of this process's threads (`RUSAGE_SELF`) or of its
    /// waited-for children (`RUSAGE_CHILDREN`) so far: on a machine that others share, the
    /// figure that their load does not change.
    private func cpuSeconds(_ who: __rusage_who) -> Double {
        var usage = rusage()
        getrusage(who.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Peak resident memory of this process so far (getrusage's ru_maxrss is in KiB on Linux).
    private func peakRSSMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// `xmllint --stream --noout FILE`, timed (wall and CPU seconds); nil when xmllint is not
    /// installed or fails.
    private func xmllintSeconds(_ path: String) -> (wall: Double, cpu: Double)? {
        let candidates = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"]
        guard let xmllint = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--stream", "--noout", path]
        let start = ContinuousClock.now
        let cpu = cpuSeconds(RUSAGE_CHILDREN)
        do {
            try process.run()
        } catch {
            return nil
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return ((ContinuousClock.now - start).inSeconds, cpuSeconds(RUSAGE_CHILDREN) - cpu)
    }
}
