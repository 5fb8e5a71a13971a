import Foundation
import KenshuTesting
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP server (Python's http.server) that publishes feeds as an institute would:
/// `/academy.xml` with an ETag (304 to a matching `If-None-Match`), `/missing.xml` a 404,
/// `/slow.xml` answering only after 30 s. Every request is logged as
/// `PATH STATUS IF-NONE-MATCH`, for the test to read.
final class FeedServer {
    let process = Process()
    let port: Int
    let logPath: String

    static let script = """
        import http.server, sys, time
        feed, log_path, port_path = sys.argv[1], sys.argv[2], sys.argv[3]
        body = open(feed, 'rb').read()
        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args): pass
            def note(self, status):
                with open(log_path, 'a') as log:
                    log.write('%s %d %s\\n' % (self.path, status, self.headers.get('If-None-Match', '-')))
            def do_GET(self):
                if self.path == '/academy.xml':
                    if self.headers.get('If-None-Match') == '"v1"':
                        self.note(304); self.send_response(304); self.send_header('ETag', '"v1"'); self.end_headers(); return
                    self.note(200); self.send_response(200); self.send_header('ETag', '"v1"')
                    self.send_header('Content-Type', 'application/xml'); self.send_header('Content-Length', str(len(body)))
                    self.end_headers(); self.wfile.write(body); return
                if self.path == '/slow.xml':
                    self.note(0); time.sleep(30); return
                self.note(404); self.send_response(404); self.end_headers()
        server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
        with open(port_path, 'w') as f: f.write(str(server.server_address[1]))
        server.serve_forever()
        """

    init(folder: URL, feed: String) throws {
        let scriptPath = folder.appendingPathComponent("feed_server.py").path
        try Self.script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        logPath = folder.appendingPathComponent("feed_server.log").path
        let portPath = folder.appendingPathComponent("feed_server.port").path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", scriptPath, feed, logPath, portPath]
        try process.run()
        var port: Int?
        Waiting.until(timeout: .seconds(10)) {
            port = (try? String(contentsOfFile: portPath, encoding: .utf8)).flatMap { Int($0) }
            return port != nil
        }
        guard let port else { throw POSIXError(.ETIMEDOUT) }
        self.port = port
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    deinit {
        // SIGKILL: the test runner's children may inherit a blocked SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
