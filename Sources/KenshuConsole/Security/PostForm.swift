import Foundation
import Hummingbird
import NIOCore

/// A submitted form (`application/x-www-form-urlencoded`), read within the body limit. Every
/// POST goes through `read(_:context:expecting:)`, which refuses it (403) unless its
/// `csrf` field is the token given to that form.
struct PostForm: Sendable {
    /// The name of the hidden field that carries the token in every form.
    static let tokenField = "csrf"

    let fields: [String: String]
    /// Every value of each name, in the order sent (checkboxes that share a name).
    var all: [String: [String]] = [:]

    subscript(_ name: String) -> String? { fields[name] }

    func values(_ name: String) -> [String] { all[name] ?? [] }

    /// The form of a logged-in person's POST, checked against their session's token.
    static func read(_ request: Request, context: ConsoleRequestContext) async throws -> (PostForm, ConsoleSession) {
        let session = try context.requireSession()
        let form = try await read(request, context: context, expecting: session.csrfToken)
        return (form, session)
    }

    /// The form, checked against `token` (a session's, or the login form's cookie).
    static func read(_ request: Request, context: ConsoleRequestContext, expecting token: String?) async throws -> PostForm {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: ConsoleLimits.maxBodyBytes)
        } catch is NIOTooManyBytesError {
            throw ConsoleRefusal.tooLarge
        }
        let text = String(buffer: body)
        let form = PostForm(fields: parse(text), all: parseAll(text))
        try check(form[tokenField], expecting: token)
        return form
    }

    /// Refuses (403) unless `sent` is `token`: every form's check, an upload's too.
    static func check(_ sent: String?, expecting token: String?) throws(ConsoleRefusal) {
        guard let token, !token.isEmpty, let sent, constantTimeEqual(sent, token) else { throw .badCSRFToken }
    }

    /// `a=1&b=%E3%81%82+x` → `[a: 1, b: あ x]`; a repeated name keeps its first value.
    static func parse(_ text: String) -> [String: String] {
        parseAll(text).compactMapValues(\.first)
    }

    /// `a=1&a=2&b=` → `[a: [1, 2], b: [""]]`.
    static func parseAll(_ text: String) -> [String: [String]] {
        var fields: [String: [String]] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String? {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = parts.first.flatMap(decode) else { continue }
            fields[name, default: []].append(parts.count > 1 ? decode(parts[1]) ?? "" : "")
        }
        return fields
    }

    /// Compares without stopping at the first difference.
    static func constantTimeEqual(_ left: String, _ right: String) -> Bool {
        let (a, b) = (Array(left.utf8), Array(right.utf8))
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
