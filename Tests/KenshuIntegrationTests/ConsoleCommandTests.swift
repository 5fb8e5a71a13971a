import Foundation
import KenshuTesting
import Testing

/// `kenshu console user add|passwd|remove` and `kenshu console serve`, through the real binary.
struct ConsoleCommandTests {
    func city(console: String = "") throws -> TemporaryCity {
        let city = try TemporaryCity()
        try FileManager.default.createDirectory(at: city.folder.appendingPathComponent("state"), withIntermediateDirectories: true)
        if !console.isEmpty { try city.appendConfig("console:\n" + console) }
        return city
    }

    func user(_ city: TemporaryCity, _ arguments: [String], password: String?) throws -> KenshuBinary.Result {
        try KenshuBinary.run(["console", "user"] + arguments + ["--config", city.config], input: password.map { $0 + "\n" } ?? "")
    }

    @Test func usersAreAddedChangedAndRemovedWithThePasswordFromStandardInput() throws {
        let city = try city()
        defer { city.remove() }
        let file = city.folder.appendingPathComponent("state/console-users.yaml").path
        let added = try user(city, ["add", "kanri", "--role", "admin"], password: "long-enough-pass")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.stdout.contains("kanri"))
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("name: \"kanri\"") && text.contains("role: admin") && text.contains("$2b$"))
        #expect(!text.contains("long-enough-pass"))

        let short = try user(city, ["add", "etsuran"], password: "short")
        #expect(short.status == 2)
        #expect(short.stderr.contains("10 文字以上"))
        let twice = try user(city, ["add", "kanri"], password: "another-long-pass")
        #expect(twice.status == 2)
        #expect(twice.stderr.contains("すでにあります"))

        #expect(try user(city, ["add", "etsuran"], password: "viewer-password").status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("role: viewer"))
        let changed = try user(city, ["passwd", "etsuran", "--role", "admin"], password: "a-new-password")
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "role: admin").count == 3)
        #expect(try user(city, ["passwd", "nobody"], password: "a-new-password").status == 2)
        #expect(try user(city, ["remove", "etsuran"], password: nil).status == 0)
        #expect(!(try String(contentsOfFile: file, encoding: .utf8)).contains("etsuran"))
        #expect(try user(city, ["remove", "etsuran"], password: nil).status == 2)
    }

    @Test func aGroupReadableAccountsFileIsRefusedSayingHowToFixIt() throws {
        let city = try city()
        defer { city.remove() }
        #expect(try user(city, ["add", "kanri", "--role", "admin"], password: "long-enough-pass").status == 0)
        let file = city.folder.appendingPathComponent("state/console-users.yaml").path
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        let refused = try user(city, ["add", "etsuran"], password: "long-enough-pass")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("chmod 600 \(file)"))
    }

    @Test func serveRefusesWhenTheConsoleIsOff() throws {
        let city = try city()
        defer { city.remove() }
        let result = try city.kenshu("console", "serve")
        #expect(result.status == 2)
        #expect(result.stderr.contains("console.listen"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")))
    func serveAnswersOnItsAddressAndStopsWithExitZeroOnSIGTERM() throws {
        let port = Int.random(in: 20_000...40_000)
        let city = try city(console: "  listen: \"127.0.0.1:\(port)\"\n")
        defer { city.remove() }
        let log = city.folder.appendingPathComponent("console.log").path
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: KenshuBinary.path(of: "kenshu"))
        process.arguments = ["console", "serve", "--config", city.config]
        process.standardOutput = FileHandle(forWritingAtPath: log)
        process.standardError = FileHandle(forWritingAtPath: log)
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var page = ""
        let answered = Waiting.until(timeout: .seconds(60)) {
            page = (try? KenshuBinary.run(program: "/usr/bin/curl", ["-s", "-i", "http://127.0.0.1:\(port)/login"]))?.stdout ?? ""
            return page.contains("200 OK") || !process.isRunning
        }
        #expect(answered && page.contains("ログイン"), "\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        #expect(page.lowercased().contains("content-security-policy: default-src 'self'"))
        process.terminate()
        #expect(Waiting.until(timeout: .seconds(15)) { !process.isRunning })
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    }
}
