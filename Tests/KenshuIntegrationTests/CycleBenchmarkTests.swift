import Foundation
import KenshuTesting
import Testing

/// `kenshu-bench cycle` writes a city and times every command it names with the real binary;
/// each one succeeds on the city it writes.
struct CycleBenchmarkTests {
    @Test func everyTimedCommandSucceedsOnTheCityItWrites() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        let folder = city.folder.appendingPathComponent("cycle").path
        let kenshu = KenshuBinary.path(of: "kenshu")
        let result = try KenshuBinary.run(
            ["cycle", "--staff", "456", "--presentations", "40", "--out", folder, "--kenshu", kenshu,
             "--catalog", KenshuBinary.repository.appendingPathComponent("Catalog").path],
            product: "kenshu-bench")
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("kenshu ") }
        #expect(lines.count == 9, "\(result.stdout)")
        for line in lines { #expect(line.hasSuffix(" 0"), "a command failed: \(line)") }
        #expect(result.stdout.contains("city: 456 staff"))
        let log = try String(contentsOfFile: folder + "/commands.log", encoding: .utf8)
        #expect(log.contains("研修フィード:") && log.contains("cycle.xml"))
    }
}
