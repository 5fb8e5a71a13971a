import Foundation
import Hummingbird
import Mustache

/// The console's page templates (`Catalog/templates/ja/console`: `layout` and one template
/// per page, each `{{<layout}}…{{/layout}}`) and its style sheet, loaded once at start.
/// Every value is HTML-escaped; a page is rendered from `PageFrame` (the layout's values)
/// and the page's own view under `page`.
public struct ConsolePages: Sendable {
    private let library: MustacheLibrary
    /// `console.css`, served at `/static/console.css`.
    let styleSheet: String

    /// The templates every console needs.
    static let required = ["layout", "login", "week", "staff-search", "staff", "audit", "refusal", "rules", "uploads", "import-tables"]
        + ["courses", "course-confirm", "mentors"]

    /// Loads the templates from `directory`; a missing or unparsable one is an error naming it.
    public static func load(directory: String) throws(ConsoleStartError) -> ConsolePages {
        var library = MustacheLibrary()
        for name in required {
            let path = directory + "/" + name + ".mustache"
            do {
                try library.register(try read(path), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw ConsoleStartError("\(path):\(error.context.lineNumber):\(error.context.columnNumber): テンプレートを解釈できません（\(error.error)）")
            } catch let error as ConsoleStartError {
                throw error
            } catch {
                throw ConsoleStartError("\(path): テンプレートを解釈できません（\(error)）")
            }
        }
        do {
            return ConsolePages(library: library, styleSheet: try read(directory + "/console.css") + WeekView.heatmapStyles)
        } catch let error as ConsoleStartError {
            throw error
        } catch {
            throw ConsoleStartError("\(directory)/console.css: 読めません（\(error)）")
        }
    }

    private static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConsoleStartError("\(path): 管理画面のテンプレートを読めません。Catalog/templates/ja/console が揃っているか確かめてください。")
        }
        return text
    }

    /// The page `name` as an HTML response: `no-store`, since pages show personal data.
    func response(_ name: String, frame: PageFrame, page: Any, status: HTTPResponse.Status = .ok) -> Response {
        let html = library.render(["frame": frame, "page": page] as [String: Any], withTemplate: name) ?? ""
        return Self.html(html, status: status)
    }

    static func html(_ html: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// What the layout shows around every page: the title, who is logged in, the menu, and the
/// logout form's CSRF token.
struct PageFrame: Sendable {
    var title: String
    var account: String?
    var role: String?
    var isAdmin: Bool
    var csrfToken: String?
    /// Which menu entry is current (Mustache sees stored properties only).
    var isWeek: Bool
    var isStaff: Bool
    var isAudit: Bool
    var isRules: Bool
    var isUploads: Bool
    var isCourses: Bool
    var isMentors: Bool

    init(title: String, session: ConsoleSession?, current: String = "") {
        self.title = title
        account = session?.account
        role = session?.role.japaneseName
        isAdmin = session?.role == .admin
        csrfToken = session?.csrfToken
        isWeek = current == "week"
        isStaff = current == "staff"
        isAudit = current == "audit"
        isRules = current == "rules"
        isUploads = current == "uploads"
        (isCourses, isMentors) = (current == "courses", current == "mentors")
    }
}

/// The console cannot start: the message (Japanese) says what, where and what to do.
public struct ConsoleStartError: Error, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
