import KenshuCore
import Testing
@testable import KenshuConfig

/// `console:`: off by default, loopback unless `allowRemote`, errors with file, line and value.
struct ConsoleSettingsTests {
    let file = "/srv/city/kenshu.yaml"

    @Test func theConsoleIsOffByDefaultWithItsAccountsInTheStateFolder() throws {
        let config = try ConfigurationLoader.parse("state: state\n", file: file)
        #expect(config.console.listen == nil)
        #expect(config.console.accountsFile == "/srv/city/state/console-users.yaml")
        #expect(config.console.secureCookies == false)
        #expect(config.console.idleMinutes == 30)
        #expect(config.console.uploadLimitMB == 64)
    }

    @Test func everyKeyIsRead() throws {
        let config = try ConfigurationLoader.parse("""
            console:
              listen: "127.0.0.1:8470"
              accounts: users.yaml
              secureCookies: true
              idleMinutes: 15
              uploadLimitMB: 200
            """, file: file)
        #expect(config.console.listen == .init(host: "127.0.0.1", port: 8470))
        #expect(config.console.accountsFile == "/srv/city/users.yaml")
        #expect(config.console.secureCookies)
        #expect(config.console.idleMinutes == 15)
        #expect(config.console.uploadLimitMB == 200)
    }

    @Test(arguments: ["localhost:8470", "[::1]:8470", "127.0.0.2:80"])
    func loopbackAddressesAreAccepted(_ listen: String) throws {
        let config = try ConfigurationLoader.parse("console:\n  listen: \"\(listen)\"\n", file: file)
        #expect(config.console.listen?.isLoopback == true)
    }

    @Test func aRemoteAddressNeedsAllowRemote() throws {
        let error = #expect(throws: InputError.self) {
            try ConfigurationLoader.parse("console:\n  listen: \"0.0.0.0:8470\"\n", file: file)
        }
        let text = error?.description ?? ""
        #expect(text.contains("/srv/city/kenshu.yaml:2"))
        #expect(text.contains("console.listen"))
        #expect(text.contains("0.0.0.0:8470"))
        #expect(text.contains("allowRemote: true"))
        let allowed = try ConfigurationLoader.parse("console:\n  listen: \"0.0.0.0:8470\"\n  allowRemote: true\n", file: file)
        #expect(allowed.console.listen == .init(host: "0.0.0.0", port: 8470))
    }

    @Test(arguments: ["8470", "127.0.0.1", "127.0.0.1:0", "127.0.0.1:99999", "[::1]8470", "127.0.0.1:http"])
    func badListenValuesAreRefusedWithTheValue(_ listen: String) throws {
        let error = #expect(throws: InputError.self) {
            try ConfigurationLoader.parse("console:\n  listen: \"\(listen)\"\n", file: file)
        }
        #expect(error?.description.contains("'\(listen)'") == true)
        #expect(error?.description.contains("host:port") == true)
    }

    @Test func badIdleMinutesUploadLimitsAndUnknownKeysAreRefused() throws {
        #expect(throws: InputError.self) { try ConfigurationLoader.parse("console:\n  idleMinutes: 0\n", file: file) }
        for limit in ["0", "5000", "big"] {
            let error = #expect(throws: InputError.self) {
                try ConfigurationLoader.parse("console:\n  uploadLimitMB: \(limit)\n", file: file)
            }
            #expect(error?.description.contains("/srv/city/kenshu.yaml:2") == true, "\(limit)")
        }
        #expect(throws: InputError.self) { try ConfigurationLoader.parse("console:\n  secureCookies: maybe\n", file: file) }
        let error = #expect(throws: InputError.self) { try ConfigurationLoader.parse("console:\n  listn: x\n", file: file) }
        #expect(error?.description.contains("'listen' の書き間違いではありませんか") == true)
    }

    @Test func trustedProxiesAreIPAddressesAndNoneByDefault() throws {
        #expect(try ConfigurationLoader.parse("state: state\n", file: file).console.trustedProxies.isEmpty)
        let config = try ConfigurationLoader.parse("console:\n  trustedProxies: [\"127.0.0.1\", \"::1\", 10.0.0.5]\n", file: file)
        #expect(config.console.trustedProxies == ["127.0.0.1", "::1", "10.0.0.5"])
        for bad in ["proxy.example.jp", "10.0.0", "256.1.1.1", "10.0.0.1/24", ""] {
            let error = #expect(throws: InputError.self) {
                try ConfigurationLoader.parse("console:\n  trustedProxies: [\"\(bad)\"]\n", file: file)
            }
            #expect(error?.description.contains("'\(bad)' は IP アドレスではありません") == true, "\(bad)")
            #expect(error?.description.contains("/srv/city/kenshu.yaml:2") == true)
        }
    }
}
