import KenshuCore

/// Reads `mail.submit`: `sendmail:/PATH` (or `sendmail`), or `smtp://HOST[:PORT]` where HOST
/// is this machine (`127.0.0.1`, `[::1]`, `localhost`; port 25 when not given) or another host
/// named with its port. Anything else (TLS, a user name, a path, another scheme) is refused
/// with the file, line, key and value, and what to write instead.
enum MailSubmissionParser {
    static let hint = "write smtp://127.0.0.1:25 to submit to the local MTA, or sendmail:/usr/sbin/sendmail"

    static func parse(_ node: YAMLValue) throws(InputError) -> MailSubmission {
        let text = try node.string()
        func refused(_ message: String, hint: String = hint) -> InputError {
            InputError(message, at: node.location, field: node.path, value: text, hint: hint)
        }
        if text == "sendmail" { return .defaultSendmail }
        if text.hasPrefix("sendmail:") {
            let path = String(text.dropFirst("sendmail:".count))
            guard path.hasPrefix("/"), !path.contains(where: { $0.isNewline || $0 == "\0" }) else {
                throw refused("sendmail needs the program's absolute path", hint: "write sendmail:/usr/sbin/sendmail")
            }
            return .sendmail(path: path)
        }
        guard text.hasPrefix("smtp://") else {
            let tls = text.hasPrefix("smtps://") || text.hasPrefix("submissions://") || text.hasPrefix("submission://")
            throw refused(
                tls ? "TLS and authentication are not supported" : "not a way to submit mail",
                hint: tls ? "submit to the local MTA without TLS (smtp://127.0.0.1:25); it relays onwards" : hint)
        }
        var rest = Substring(text.dropFirst("smtp://".count))
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.contains("@") else {
            throw refused("authentication is not supported: no user name or password in the URL",
                          hint: "submit to the local MTA without one (smtp://127.0.0.1:25); it relays onwards")
        }
        guard !rest.contains(where: { "/?#".contains($0) }) else { throw refused("only a host and a port may follow smtp://") }
        let (host, portText) = try hostAndPort(rest, refused: refused)
        guard !host.isEmpty,
              host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == ":") })
        else { throw refused("not a host name or address") }
        let port: Int
        if let portText {
            guard let number = Int(portText), (1...65_535).contains(number) else { throw refused("the port must be 1 to 65535") }
            port = number
        } else {
            guard MailSubmission.isLoopback(host) else {
                throw refused(
                    "\(host) is not this machine",
                    hint: "submit to the local MTA (smtp://127.0.0.1:25); for another host on a trusted network, "
                        + "name its port, e.g. smtp://\(host):25 (no TLS, no authentication)")
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
            guard let close = authority.firstIndex(of: "]") else { throw refused("an IPv6 address needs its closing ]", hint) }
            let host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if after.isEmpty { return (host, nil) }
            guard after.hasPrefix(":") else { throw refused("only :PORT may follow the address", hint) }
            return (host, after.dropFirst())
        }
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { throw refused("write an IPv6 address in brackets, e.g. smtp://[::1]:25", hint) }
        return (String(parts[0]), parts.count == 2 ? parts[1] : nil)
    }
}
