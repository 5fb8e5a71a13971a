import Foundation

/// Reads mail files back with Python's standard `email` package (policy `default`), the way
/// a mail program would: decoded subject, addresses, Kenshu's headers, the defects the parser
/// found, and the decoded text and HTML parts. The one second opinion on Kenshu's MIME for
/// every test target; nil when python3 is not installed.
public enum MailParser {
    public struct Mail: Decodable, Sendable {
        public var file: String
        public var subject: String
        public var toName: String
        public var toAddress: String
        public var fromName: String
        public var fromAddress: String
        public var kind: String
        public var week: String
        public var course: String
        public var date: String
        public var hasBcc: Bool
        public var defects: [String]
        public var headerNames: [String]
        public var longestHeaderLine: Int
        public var text: String
        public var html: String
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
                        'fromName': fr.display_name, 'fromAddress': fr.addr_spec,
                        'kind': str(m['X-Kenshu-Kind']), 'week': str(m['X-Kenshu-Week']),
                        'course': str(m['X-Kenshu-Course']), 'date': str(m['Date']),
                        'hasBcc': m['Bcc'] is not None,
                        'defects': [type(d).__name__ for p in m.walk() for d in p.defects],
                        'headerNames': [k for k in m.keys()],
                        'longestHeaderLine': max(len(l) for l in head.split(b'\\r\\n')),
                        'text': text.get_content() if text else '', 'html': html.get_content() if html else ''})
        print(json.dumps(out, ensure_ascii=False))
        """

    /// python3 from the PATH, else the usual places.
    public static var python: String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }
        return (path + ["/usr/bin/python3", "/usr/local/bin/python3"]).first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The mails in `files`, in that order; nil without python3.
    public static func parse(_ files: [String]) throws -> [Mail]? {
        guard let python else { return nil }
        let result = try KenshuBinary.run(program: python, ["-c", script] + files)
        guard result.status == 0 else { throw ParseFailure(stderr: result.stderr) }
        return try JSONDecoder().decode([Mail].self, from: Data(result.stdout.utf8))
    }

    /// python3 exited non-zero: its stderr.
    public struct ParseFailure: Error, CustomStringConvertible {
        public var stderr: String
        public var description: String { "python3 could not read the mails: \(stderr)" }
    }
}
