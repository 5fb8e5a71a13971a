import Foundation
import KenshuConsole
import KenshuTesting
import Testing

/// Sessions, the throttle and the accounts file on their own, with a clock the test moves.
struct ConsoleUnitTests {
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var time = Date(timeIntervalSince1970: 1_800_000_000)
        var now: Date { lock.withLock { time } }
        func advance(_ seconds: TimeInterval) { lock.withLock { time += seconds } }
    }

    @Test func aSessionEndsAfterItsIdleTimeAndUseKeepsItAlive() async {
        let clock = Clock()
        let sessions = SessionStore(idleTimeout: 30 * 60, now: { clock.now })
        let session = await sessions.start(account: "kanri", role: .admin)
        #expect(session.id.count == 64 && session.csrfToken.count == 64 && session.id != session.csrfToken)
        clock.advance(29 * 60)
        #expect(await sessions.use(session.id) != nil)
        clock.advance(29 * 60)
        #expect(await sessions.use(session.id) != nil, "used a minute ago")
        clock.advance(31 * 60)
        #expect(await sessions.use(session.id) == nil)
        #expect(await sessions.use("unknown") == nil)
    }

    @Test func theThrottleCountsPerAccountAndPerAddressAndLiftsWhenTheWindowPasses() async {
        let clock = Clock()
        let throttle = LoginThrottle(now: { clock.now })
        for index in 0..<5 {
            #expect(await throttle.refusedUntil(account: "kanri", address: "10.0.0.\(index)") == nil)
            await throttle.recordFailure(account: "kanri", address: "10.0.0.\(index)")
        }
        #expect(await throttle.refusedUntil(account: "kanri", address: "10.0.0.9") != nil, "the account")
        #expect(await throttle.refusedUntil(account: "etsuran", address: "10.0.0.9") == nil)
        for index in 0..<5 { await throttle.recordFailure(account: "user\(index)", address: "10.0.0.9") }
        #expect(await throttle.refusedUntil(account: "etsuran", address: "10.0.0.9") != nil, "the address")
        clock.advance(15 * 60 + 1)
        #expect(await throttle.refusedUntil(account: "kanri", address: "10.0.0.9") == nil)
    }

    @Test func theAccountsFileIsWrittenOwnerOnlyAndRefusedWhenOthersCanReadIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-accounts-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = AccountsFile(path: folder + "/console-users.yaml")
        #expect(try file.read().isEmpty)
        try AccountChanges.add(name: "kanri", role: .admin, password: "long-enough-1", file: file)
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        #expect(try file.read().map(\.name) == ["kanri"])
        #expect(throws: AccountsError.self) { try AccountChanges.add(name: "short", role: .viewer, password: "123456789", file: file) }
        #expect(throws: AccountsError.self) { try AccountChanges.add(name: "kanri", role: .viewer, password: "long-enough-2", file: file) }
        #expect(throws: AccountsError.self) { try AccountChanges.add(name: "../x", role: .viewer, password: "long-enough-2", file: file) }
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let error = #expect(throws: AccountsError.self) { try file.read() }
        #expect(error?.message.contains("chmod 600 \(file.path)") == true)
    }
}
