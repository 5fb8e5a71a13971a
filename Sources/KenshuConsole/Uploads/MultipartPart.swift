import Foundation

/// One part's headers in a `multipart/form-data` body: the field's name, and for a file its
/// name as the browser sent it (`filename*`, RFC 5987 UTF-8, wins over `filename`; browsers
/// percent-encode a `"` as `%22`). The header block must be UTF-8 with a
/// `Content-Disposition: form-data` that names the field.
struct MultipartPart: Equatable, Sendable {
    var name: String
    /// Nil for a plain field; a file input sends one, empty when no file was chosen.
    var filename: String?
    var contentType: String?

    init(name: String, filename: String? = nil, contentType: String? = nil) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
    }

    init(headerBlock: [UInt8]) throws(MultipartError) {
        guard let text = String(bytes: headerBlock, encoding: .utf8) else {
            throw .malformed("パートの見出しが UTF-8 ではありません")
        }
        var disposition: HeaderValue?
        var contentType: String?
        for line in text.components(separatedBy: "\r\n") where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw .malformed("パートの見出し「\(line.prefix(60))」に「:」がありません") }
            let value = line[line.index(after: colon)...]
            switch line[..<colon].trimmingCharacters(in: .whitespaces).lowercased() {
            case "content-disposition": disposition = try HeaderValue(value)
            case "content-type": contentType = value.trimmingCharacters(in: .whitespaces)
            default: continue
            }
        }
        guard let disposition, disposition.type == "form-data" else {
            throw .malformed("パートに Content-Disposition: form-data がありません")
        }
        guard let name = disposition.parameters["name"] else { throw .malformed("パートに name がありません") }
        self.name = Self.unescape(name)
        filename = disposition.parameters["filename*"].flatMap(Self.extendedValue) ?? disposition.parameters["filename"].map(Self.unescape)
        self.contentType = contentType
    }

    /// `UTF-8''%E5%90%8D.csv` → `名.csv`; nil for another charset or a bad escape.
    static func extendedValue(_ text: String) -> String? {
        let pieces = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].lowercased() == "utf-8" else { return nil }
        return String(pieces[2]).removingPercentEncoding
    }

    /// Browsers write a `"` in a name as `%22` (HTML's form encoding); nothing else is escaped.
    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "%22", with: "\"")
    }
}

/// A header value with parameters: `form-data; name="file"; filename="a.csv"`. Parameter
/// names are lower-cased; a quoted value may escape `"` and `\` with a backslash (any other
/// backslash stays, as in an old browser's `C:\path`).
struct HeaderValue: Equatable, Sendable {
    var type: String
    var parameters: [String: String]

    init(_ text: Substring) throws(MultipartError) {
        var rest = text[...]
        type = Self.token(&rest).lowercased()
        parameters = [:]
        while rest.first == ";" {
            rest.removeFirst()
            rest = rest.drop { $0 == " " || $0 == "\t" }
            if rest.isEmpty { break }
            let name = Self.token(&rest, stoppingAt: "=").lowercased()
            guard rest.first == "=" else { throw .malformed("見出しの「\(name)」に値がありません") }
            rest.removeFirst()
            let value = rest.first == "\"" ? try Self.quoted(&rest) : Self.token(&rest)
            if parameters[name] == nil { parameters[name] = value }
            rest = rest.drop { $0 == " " || $0 == "\t" }
        }
        guard rest.isEmpty else { throw .malformed("見出しの値「\(text.prefix(80))」を読めません") }
    }

    /// Up to `;` (or `stop`), trimmed.
    private static func token(_ rest: inout Substring, stoppingAt stop: Character = ";") -> String {
        let end = rest.firstIndex { $0 == ";" || $0 == stop } ?? rest.endIndex
        let token = rest[..<end].trimmingCharacters(in: .whitespaces)
        rest = rest[end...]
        return token
    }

    private static func quoted(_ rest: inout Substring) throws(MultipartError) -> String {
        rest.removeFirst()
        var value = ""
        while let character = rest.first {
            rest.removeFirst()
            switch character {
            case "\"":
                return value
            case "\\" where rest.first == "\"" || rest.first == "\\":
                value.append(rest.removeFirst())
            default:
                value.append(character)
            }
        }
        throw .malformed("見出しの引用符が閉じていません")
    }
}

/// Why an upload's body cannot be read; `message` says it in Japanese.
enum MultipartError: Error, Equatable, Sendable {
    case notMultipart
    case badBoundary
    case truncated
    case headerTooLarge
    case tooManyParts(Int)
    case fieldTooLarge(String)
    case malformed(String)

    var message: String {
        switch self {
        case .notMultipart: "送信の形式が multipart/form-data ではありません（Content-Type）。"
        case .badBoundary: "multipart の区切り（boundary）がないか、正しくありません。"
        case .truncated: "送信が途中で切れています（最後の区切りがありません）。"
        case .headerTooLarge: "パートの見出しが長すぎます。"
        case .tooManyParts(let limit): "パートが多すぎます（\(limit) まで）。"
        case .fieldTooLarge(let name): "項目「\(name)」が長すぎます。"
        case .malformed(let what): "送信の形式が正しくありません: \(what)。"
        }
    }
}
