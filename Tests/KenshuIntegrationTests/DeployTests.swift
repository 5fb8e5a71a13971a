import Foundation
import KenshuTesting
import Testing

/// Deploy/: the install script (dry run, a staged install twice) and the unit's hardening.
struct DeployTests {
    let deploy = KenshuBinary.repository.appendingPathComponent("Deploy")

    func install(_ arguments: [String], destination: String? = nil) throws -> KenshuBinary.Result {
        try KenshuBinary.run(program: "/bin/bash", [deploy.appendingPathComponent("install.sh").path] + arguments,
                             environment: destination.map { ["DESTDIR": $0] } ?? [:])
    }

    @Test func aDryRunListsWhatWouldBeInstalledAndChangesNothing() throws {
        let result = try install(["--dry-run", "--no-build", "--prefix", "/opt/kenshu-test-\(UUID().uuidString.prefix(6))"])
        #expect(result.status == 0, "\(result.stderr)")
        for line in ["bin/kenshu", "share/kenshu/policy/policy-catalog.xml", "share/kenshu/templates/ja/staff.text.mustache",
                     "share/kenshu/README.md", "share/kenshu/docs/admin.md", "share/kenshu/docs/design.md",
                     "/etc/systemd/system/kenshu.service", "/etc/systemd/system/kenshu-deliver.path",
                     "/etc/systemd/system/kenshu-console.service", "share/kenshu/templates/ja/console/layout.mustache",
                     "/usr/lib/sysusers.d/kenshu.conf", "/usr/lib/tmpfiles.d/kenshu.conf", "would run: systemctl daemon-reload"] {
            #expect(result.stdout.contains(line), "missing \(line) in:\n\(result.stdout)")
        }
        #expect(!result.stdout.contains("example/roster.csv"))
    }

    @Test func aStagedInstallIsIdempotentAndKeepsTheOfficesConfig() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-install-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        // The test's build of kenshu stands in for the release build.
        let binary = KenshuBinary.path(of: "kenshu")
        let first = try install(["--binary", binary, "--prefix", "/opt/kenshu"], destination: root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.isExecutableFile(atPath: root + "/opt/kenshu/bin/kenshu"))
        let unit = try String(contentsOfFile: root + "/etc/systemd/system/kenshu.service", encoding: .utf8)
        #expect(unit.contains("ExecStart=/opt/kenshu/bin/kenshu serve --config /etc/kenshu/kenshu.yaml"))
        let config = try String(contentsOfFile: root + "/etc/kenshu/kenshu.yaml", encoding: .utf8)
        #expect(config.contains("catalog: /opt/kenshu/share/kenshu"))
        try (config + "# edited by the office\n").write(toFile: root + "/etc/kenshu/kenshu.yaml", atomically: true, encoding: .utf8)
        let second = try install(["--binary", binary, "--prefix", "/opt/kenshu"], destination: root)
        #expect(second.status == 0)
        #expect(!second.stdout.contains("\ninstall "), "\(second.stdout)")
        #expect(second.stdout.contains("keep       /etc/kenshu/kenshu.yaml"))
        #expect(try String(contentsOfFile: root + "/etc/kenshu/kenshu.yaml", encoding: .utf8).hasSuffix("# edited by the office\n"))
    }

    @Test func badOptionsExitTwo() throws {
        #expect(try install(["--bogus"]).status == 2)
        #expect(try install(["--prefix", "relative/path", "--dry-run"]).status == 2)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")),
          arguments: ["kenshu.service", "kenshu-console.service"])
    func eachServiceUnitIsHardenedToTwoOrLower(_ name: String) throws {
        let unit = deploy.appendingPathComponent("systemd/\(name)").path
        let result = try KenshuBinary.run(program: "/usr/bin/systemd-analyze", ["security", "--offline=true", unit])
        let line = try #require(result.stdout.split(separator: "\n").last { $0.contains("Overall exposure level") })
        let score = try #require(line.split(separator: " ").compactMap { Double($0) }.first)
        #expect(score <= 2.0, "\(line)")
    }
}
