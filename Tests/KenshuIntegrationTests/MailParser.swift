import Foundation

/// Reads spool files back with Python's standard `email` package (policy `default`), the
/// way a mail program would: decoded subject, display names, kind and week headers, and the
/// decoded text and HTML parts. Nil when python3 is not installed.
enum MailParser {
    struct Mail: Decodable {
        var file: String
        var subject: String
        var toName: String
        var toAddress: String
        var fromName: String
        var kind: String
        var week: String
        var date: String
        var headerNames: [String]
        var longestHeaderLine: Int
        var text: String
        var html: String
    }

    static let script = """
        import email, json, sys, os
        from email import policy
        out = []
        for path in sys.argv[1:]:
            raw = open(path, 'rb').read()
            head = raw.split(b'\\r\\n\\r\\n', 1)[0]
            m = email.message_from_bytes(raw, policy=policy.default)
            to = m['To'].addresses[0] if m['To'] and m['To'].addresses else None
            fr = m['From'].addresses[0]
            text = m.get_body(('plain',))
            html = m.get_body(('html',))
            out.append({'file': os.path.basename(path), 'subject': str(m['Subject']),
                        'toName': to.display_name if to else '', 'toAddress': to.addr_spec if to else '',
                        'fromName': fr.display_name, 'kind': str(m['X-Kenshu-Kind']), 'week': str(m['X-Kenshu-Week']),
                        'date': str(m['Date']), 'headerNames': [k for k in m.keys()],
                        'longestHeaderLine': max(len(l) for l in head.split(b'\\r\\n')),
                        'text': text.get_content() if text else '', 'html': html.get_content() if html else ''})
        print(json.dumps(out, ensure_ascii=False))
        """

    /// python3 from the PATH, else the usual places.
    static var python: String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }
        return (path + ["/usr/bin/python3", "/usr/local/bin/python3"]).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func parse(_ files: [String]) throws -> [Mail]? {
        guard let python else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script] + files
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode([Mail].self, from: data)
    }
}
