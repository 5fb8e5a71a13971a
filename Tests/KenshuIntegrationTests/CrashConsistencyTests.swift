import Foundation
import KenshuTesting
import Testing

/// kill -9 at many points of a real `kenshu run`'s spooling and of a large feed import:
/// after each kill the store passes SQLite's integrity check and holds the old or the new
/// catalogue, never a mix; after the run that completes, each (week, kind, recipient) has
/// exactly one mail and none is partial. Bounded: a dozen kills, about a minute in debug.
@Suite(.serialized)
struct CrashConsistencyTests {
    /// The example city with its data, feeds, the HR office and a sender.
    func exampleCity() throws -> TemporaryCity {
        let city = try TemporaryCity()
        try city.appendConfig(TemporaryCity.exampleData(feeds: ["xcri-niigata.xml", "academy.xml", "jichi-kenshujo.xml"]) + """
            hr:
              addresses: [jinji@example.jp]
            mail:
              from: jinji@example.jp

            """)
        return city
    }

    func files(_ city: TemporaryCity, _ folder: String) -> [String] {
        let path = city.folder.appendingPathComponent("state/outgoing/\(folder)").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
    }

    /// (kind, recipient) of a spool file, from its name (`<time>.<n>.<week>.<kind>.<recipient>.eml`).
    func key(_ file: String) -> String {
        let parts = (file as NSString).lastPathComponent.split(separator: ".")
        return "\(parts[2]).\(parts[3]).\(parts[4])"
    }

    /// SQLite's `PRAGMA integrity_check` of the city's store, through python3's sqlite3
    /// (nil without python3).
    func integrity(_ city: TemporaryCity) throws -> String? {
        guard let python = MailParser.python else { return nil }
        let database = city.folder.appendingPathComponent("state/kenshu.sqlite").path
        let result = try KenshuBinary.run(program: python, ["-c", """
            import sqlite3, sys
            print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])
            """, database])
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func killsWhileSpoolingNeverLoseDoubleOrTruncateAMail() throws {
        let city = try exampleCity()
        defer { city.remove() }
        // Each run counts its own passes: together these kills walk through most of the week.
        let points = ["claim:1", "spool:1", "claim:40", "spool:75", "claim:120", "spool:160"]
        var kills = 0
        for point in points {
            let run = try KenshuBinary.run(["run", "--date", "2026-11-25", "--config", city.config],
                                           environment: ["KENSHU_TEST_CRASH": point])
            if run.status == 137 { kills += 1 } else { #expect(run.status == 0, "\(point): \(run.stderr)") }
            if let check = try integrity(city) { #expect(check == "ok", "after a kill at \(point)") }
            let spooled = files(city, "new")
            #expect(Set(spooled.map(key)).count == spooled.count, "a mail spooled twice by \(point)")
        }
        #expect(kills == points.count)

        let completing = try city.kenshu("run", "--date", "2026-11-25", "--json")
        #expect(completing.status == 0, "\(completing.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(completing.stdout.utf8)) as? [String: Any])
        let mail = try #require(report["mail"] as? [String: Any])
        // The completing run makes only the mails the spool does not have yet.
        let rendered = (mail["rendered"] as? [String: Int] ?? [:]).values.reduce(0, +) + (mail["alreadySpooled"] as? Int ?? 0)
        #expect(rendered > 500)
        let spooled = files(city, "new")
        #expect(spooled.count == rendered, "one mail per (week, kind, recipient)")
        #expect(Set(spooled.map(key)).count == spooled.count)
        #expect(files(city, "tmp").isEmpty)
        if let mails = try MailParser.parse(spooled) {
            #expect(mails.allSatisfy { $0.defects.isEmpty && !$0.text.isEmpty && !$0.html.isEmpty }, "a partial mail")
            #expect(mails.allSatisfy { $0.html.contains("</html>") })
        }
        let again = try city.kenshu("run", "--date", "2026-11-25")
        #expect(again.stdout.contains("0 通を送信待ちに（今週すでに入れたもの \(rendered) 通）"), "\(again.stdout)")
    }

    /// An XCRI-CAP feed of `count` courses, each the example feed's first course with its own
    /// id and a title marked with `edition`.
    static func feed(count: Int, edition: String) throws -> String {
        let example = try String(contentsOfFile: TemporaryCity.example("feeds/xcri-niigata.xml"), encoding: .utf8)
        guard let start = example.range(of: "    <course>"), let end = example.range(of: "    </course>\n") else {
            throw CancellationError()
        }
        let head = String(example[..<start.lowerBound])
        let course = String(example[start.lowerBound..<end.upperBound])
        var text = head
        text.reserveCapacity(head.utf8.count + course.utf8.count * count)
        for index in 0..<count {
            text += course.replacingOccurrences(of: "NK27-001", with: "GEN-\(index)")
                .replacingOccurrences(of: "救急隊員の応急処置技術向上研修", with: "応急処置研修 \(edition) 第\(index)回")
        }
        return text + "  </provider>\n</catalog>\n"
    }

    /// The provider's active and retired courses, from `status --json`.
    func catalogue(_ city: TemporaryCity) throws -> (courses: Int, retired: Int) {
        let status = try city.kenshu("status", "--json")
        let report = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        let provider = (report?["providers"] as? [[String: Any]])?.first
        return (provider?["courses"] as? Int ?? -1, provider?["retired"] as? Int ?? -1)
    }

    @Test func killsDuringAFeedImportLeaveTheOldOrTheNewCatalogue() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let old = try city.write("old.xml", try Self.feed(count: 12_000, edition: "旧"))
        let new = try city.write("new.xml", try Self.feed(count: 9_000, edition: "新"))
        #expect(try city.kenshu("import", old).status == 0)
        let oldCatalogue = (courses: 12_000, retired: 0)
        let newCatalogue = (courses: 9_000, retired: 3_000)
        #expect(try catalogue(city) == oldCatalogue)
        let wal = city.folder.appendingPathComponent("state/kenshu.sqlite-wal").path

        // Killed once the WAL has grown past each size: at the start of the write, in its middle,
        // and near its end; each time the import of the feed the store does not hold yet.
        var landed = 0
        for threshold in [0, 512 << 10, 2 << 20, 5 << 20, 9 << 20, 14 << 20] {
            let holdsOld = try catalogue(city) == oldCatalogue
            let process = Process()
            process.executableURL = URL(fileURLWithPath: KenshuBinary.path(of: "kenshu"))
            process.arguments = ["import", holdsOld ? new : old, "--config", city.config]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let walBefore = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
            try process.run()
            Waiting.until(timeout: .seconds(60), interval: .milliseconds(2)) {
                let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
                return !process.isRunning || size > max(threshold, walBefore) || (threshold == 0 && size != walBefore)
            }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                landed += 1
            }
            process.waitUntilExit()
            if let check = try integrity(city) { #expect(check == "ok", "after a kill at \(threshold) bytes of WAL") }
            let now = try catalogue(city)
            #expect(now == oldCatalogue || now == newCatalogue,
                    "a mixed catalogue after a kill at \(threshold) bytes: \(now)")
        }
        #expect(landed >= 3, "most kills should land while the import runs")
        // The import that completes gives the new catalogue.
        #expect(try city.kenshu("import", new).status == 0)
        #expect(try catalogue(city) == newCatalogue)
    }
}

/// Two catalogue sizes compare as a pair.
private func == (lhs: (courses: Int, retired: Int), rhs: (courses: Int, retired: Int)) -> Bool {
    lhs.courses == rhs.courses && lhs.retired == rhs.retired
}
