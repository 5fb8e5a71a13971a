import Foundation
import HummingbirdTesting
import KenshuConfig
import KenshuCycle
import KenshuTesting
import NIOCore
import Testing

/// A `multipart/form-data` body as a browser sends it: the fields, then the file.
struct MultipartBody {
    static let boundary = "----KenshuTestBoundary7MA4YWxkTrZu0gW"
    var fields: [(String, String)]
    var file: (name: String, bytes: [UInt8])?

    var contentType: String { "multipart/form-data; boundary=\(Self.boundary)" }

    var bytes: [UInt8] {
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        if let file {
            body += Array(("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").utf8)
            body += file.bytes + Array("\r\n".utf8)
        }
        return body + Array("--\(Self.boundary)--\r\n".utf8)
    }
}

extension Browser {
    /// POSTs `body` to `/uploads` with the session's cookies; `length` adds a Content-Length.
    func upload(_ body: [UInt8], contentType: String = "multipart/form-data; boundary=\(MultipartBody.boundary)",
                length: Bool = true) async throws -> TestResponse {
        var headers = cookieHeader
        headers[.contentType] = contentType
        if length { headers[.contentLength] = String(body.count) }
        return try await client.executeRequest(uri: "/uploads", method: .post, headers: headers,
                                               body: ByteBuffer(bytes: body))
    }

    /// Uploads `file` as `kind` with the page's CSRF token.
    mutating func upload(kind: String, name: String, _ bytes: [UInt8], checkOnly: Bool = false) async throws -> TestResponse {
        let token = Browser.csrfToken(in: try await get("/uploads")) ?? ""
        var fields = [("csrf", token), ("kind", kind), ("encoding", "auto")]
        if checkOnly { fields.append(("checkOnly", "1")) }
        return try await upload(MultipartBody(fields: fields, file: (name, bytes)).bytes)
    }

    /// The token of the page's 「この内容で取り込む」 form.
    static func heldToken(in response: TestResponse) -> String? {
        let html = response.text
        guard let range = html.range(of: "name=\"token\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}

extension ConsoleFixture {
    /// The console's read-write session over the city's store, as a command would open it.
    func session() throws -> Session {
        try Session.open(try Setup.load(configPath: city.config))
    }

    /// `<state>/console-uploads`: what uploads left there.
    var leftUploads: [String] {
        let root = city.folder.appendingPathComponent("state/console-uploads").path
        return (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    }

    /// The store's data version and active staff: what an import changes.
    func storeState() throws -> (version: Int, activeStaff: Int, courses: Int) {
        let store = environment.reading.store
        let readiness = try store.mailReadiness()
        return (try store.dataVersion(), readiness.activeStaff, readiness.activeCourses)
    }

    /// The store as it was `before`, and no upload left behind.
    func expectNothingChanged(since before: (version: Int, activeStaff: Int, courses: Int),
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try storeState() == before, sourceLocation: sourceLocation)
        #expect(leftUploads.isEmpty, "\(leftUploads)", sourceLocation: sourceLocation)
    }

    /// The example roster's lines.
    static func rosterLines() throws -> [String] {
        try String(contentsOfFile: TemporaryCity.example("roster.csv"), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init)
    }
}

/// Escapes as the templates do, to find a text in a page.
enum PageText {
    static func html(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
