import KenshuCore

/// Reads `mail.submit`: `sendmail:/PATH` (or `sendmail`), or `smtp://HOST[:PORT]` where HOST
/// is this machine (`127.0.0.1`, `[::1]`, `localhost`; port 25 when not given) or another host
/// named with its port. Anything else (TLS, a user name, a path, another scheme) is refused
/// with the file, line, key and value, and what to write instead.
enum MailSubmissionParser {
    static let hint = "このマシンの MTA に渡すなら smtp://127.0.0.1:25、または sendmail:/usr/sbin/sendmail と書いてください"

    static func parse(_ node: YAMLValue) throws(InputError) -> MailSubmission {
        let text = try node.string()
        func refused(_ message: String, hint: String = hint) -> InputError {
            InputError(message, at: node.location, field: node.path, value: text, hint: hint)
        }
        if text == "sendmail" { return .defaultSendmail }
        if text.hasPrefix("sendmail:") {
            let path = String(text.dropFirst("sendmail:".count))
            guard path.hasPrefix("/"), !path.contains(where: { $0.isNewline || $0 == "\0" }) else {
                throw refused("sendmail にはプログラムの絶対パスが要ります", hint: "sendmail:/usr/sbin/sendmail と書いてください")
            }
            return .sendmail(path: path)
        }
        guard text.hasPrefix("smtp://") else {
            let tls = text.hasPrefix("smtps://") || text.hasPrefix("submissions://") || text.hasPrefix("submission://")
            throw refused(
                tls ? "TLS と認証には対応していません" : "メールの渡し方として読めません",
                hint: tls ? "このマシンの MTA に TLS なしで渡してください（smtp://127.0.0.1:25）。先へは MTA が送ります" : hint)
        }
        var rest = Substring(text.dropFirst("smtp://".count))
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.contains("@") else {
            throw refused("認証には対応していません（URL にユーザー名やパスワードは書けません）",
                          hint: "このマシンの MTA に認証なしで渡してください（smtp://127.0.0.1:25）。先へは MTA が送ります")
        }
        guard !rest.contains(where: { "/?#".contains($0) }) else { throw refused("smtp:// の後にはホストとポートだけを書きます") }
        let (host, portText) = try hostAndPort(rest, refused: refused)
        guard !host.isEmpty,
              host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == ":") })
        else { throw refused("ホスト名でもアドレスでもありません") }
        let port: Int
        if let portText {
            guard let number = Int(portText), (1...65_535).contains(number) else { throw refused("ポートは 1〜65535 で書いてください") }
            port = number
        } else {
            guard MailSubmission.isLoopback(host) else {
                throw refused(
                    "\(host) はこのマシンではありません",
                    hint: "このマシンの MTA に渡してください（smtp://127.0.0.1:25）。信頼できるネットワークの別のホストなら、"
                        + "ポートも書いてください（例: smtp://\(host):25、TLS と認証なし）")
            }
            port = 25
        }
        return .smtp(host: host, port: port)
    }

    /// `host:port`, `[v6]:port`, `host` or `[v6]` split; the port nil when not given.
    private static func hostAndPort(
        _ authority: Substring, refused: (String, String) -> InputError
    ) throws(InputError) -> (String, Substring?) {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw refused("IPv6 アドレスの閉じ ] がありません", hint) }
            let host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if after.isEmpty { return (host, nil) }
            guard after.hasPrefix(":") else { throw refused("アドレスの後には :ポート だけを書きます", hint) }
            return (host, after.dropFirst())
        }
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw refused("IPv6 アドレスは [ ] で囲んでください（例: smtp://[::1]:25）", hint) }
        return (String(parts[0]), parts.count == 2 ? parts[1] : nil)
    }
}
