import KenshuCore

/// Reads `console:` of `kenshu.yaml` into `ConsoleSettings`.
enum ConsoleSettingsLoader {
    static let keys = ["listen", "allowRemote", "accounts", "secureCookies", "idleMinutes", "trustedProxies", "uploadLimitMB"]

    static func parse(_ node: YAMLValue?, base: String, stateDirectory: String) throws(InputError) -> ConsoleSettings {
        var settings = ConsoleSettings(accountsFile: stateDirectory + "/" + ConsoleSettings.defaultAccountsFileName)
        guard let node else { return settings }
        let fields = try node.mapping(allowed: keys)
        if let value = fields["allowRemote"] { settings.allowRemote = try value.bool() }
        if let value = fields["secureCookies"] { settings.secureCookies = try value.bool() }
        if let value = fields["idleMinutes"] { settings.idleMinutes = try value.int(in: 1...1440) }
        if let value = fields["trustedProxies"] {
            settings.trustedProxies = try value.sequence().map { item throws(InputError) in
                let text = try item.string().trimmingWhitespace()
                guard isIPAddress(text) else {
                    throw item.error("'\(text)' は IP アドレスではありません", hint: "管理画面から見たプロキシのアドレス（例: \"127.0.0.1\" または \"::1\"）")
                }
                return text
            }
        }
        if let value = fields["uploadLimitMB"] { settings.uploadLimitMB = try value.int(in: 1...4096) }
        if let value = fields["accounts"] {
            let text = try value.string()
            guard !text.isEmpty else { throw value.error("パスを書いてください") }
            settings.accountsFile = FilePaths.resolve(text, relativeTo: base)
        }
        if let value = fields["listen"] {
            let address = try address(value)
            if !address.isLoopback && !settings.allowRemote {
                throw value.error("'\(address)' はループバックのアドレスではありません（管理画面は個人のデータを表示します）",
                                  hint: "事務室の TLS プロキシの後ろで 127.0.0.1 で待ち受けるか、"
                                      + "あえてそこで待ち受けるなら console.allowRemote: true を書いてください")
            }
            settings.listen = address
        }
        return settings
    }

    /// `host:port`, `[ipv6]:port`.
    private static func address(_ node: YAMLValue) throws(InputError) -> ConsoleSettings.Address {
        let text = try node.string().trimmingWhitespace()
        let host: Substring
        let port: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { throw badAddress(node, text) }
            port = rest.dropFirst()
        } else {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw badAddress(node, text) }
            (host, port) = (parts[0], parts[1])
        }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "/" }),
              let number = Int(port), (1...65_535).contains(number) else { throw badAddress(node, text) }
        return ConsoleSettings.Address(host: String(host), port: number)
    }

    /// An IPv4 dotted quad or an IPv6 literal (hex groups and colons, possibly with an IPv4 tail).
    static func isIPAddress(_ text: String) -> Bool {
        let quads = text.split(separator: ".", omittingEmptySubsequences: false)
        if quads.count == 4, quads.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && (UInt8($0) != nil) }) {
            return true
        }
        return text.contains(":") && text.count <= 45 && text.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
    }

    private static func badAddress(_ node: YAMLValue, _ text: String) -> InputError {
        node.error("host:port の形で書きますが、'\(text)' になっています", hint: "例: listen: \"127.0.0.1:8470\"")
    }
}
