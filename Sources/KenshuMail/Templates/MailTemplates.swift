import Foundation
import Mustache

/// The mail templates (Mustache): the shipped set (`Catalog/templates/ja`), with any file of
/// the same name from an office's own folder in its place.
///
/// Each kind needs `KIND.subject.mustache`, `KIND.text.mustache` and `KIND.html.mustache`;
/// other files are partials (`{{> name}}`). Subject and text templates render without
/// escaping; HTML templates escape every value, and may not turn escaping off (`{{{x}}}` or
/// `{{& x}}` are refused, and so are changed delimiters), so nothing from the data reaches the HTML unescaped.
public struct MailTemplates: Sendable {
    private let library: MustacheLibrary
    /// Where each template was read from, by name.
    public let sources: [String: String]

    static let fileExtension = ".mustache"

    /// Loads `shipped`, then `override` on top of it; every required template must exist and parse.
    public static func load(shipped: String, override: String? = nil) throws(TemplateError) -> MailTemplates {
        var files: [String: String] = [:]
        for directory in [shipped] + (override.map { [$0] } ?? []) {
            for (name, path) in try templateFiles(in: directory) { files[name] = path }
        }
        var library = MustacheLibrary()
        for (name, path) in files.sorted(by: { $0.key < $1.key }) {
            let text = try read(path)
            if name.hasSuffix(".html") { try refuseUnescaped(text, file: path) }
            // Subjects and text bodies are not HTML: values go in as they are.
            let source = name.hasSuffix(".html") ? text : "{{% CONTENT_TYPE: TEXT}}" + text
            do {
                try library.register(source, named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(file: path, line: error.context.lineNumber, column: error.context.columnNumber,
                                    message: "the template does not parse: \(error.error)")
            } catch {
                throw TemplateError(file: path, message: "the template does not parse: \(error)")
            }
        }
        for kind in MailKind.allCases {
            for part in MailPart.allCases where files[name(kind, part)] == nil {
                throw TemplateError(file: shipped, message: "the template \(name(kind, part))\(fileExtension) is missing "
                                    + "(the shipped set is in Catalog/templates/ja)")
            }
        }
        return MailTemplates(library: library, sources: files)
    }

    /// Renders one part of a mail from `view` (a value whose properties the template names).
    public func render(_ kind: MailKind, _ part: MailPart, _ view: Any) -> String {
        library.render(view, withTemplate: Self.name(kind, part)) ?? ""
    }

    static func name(_ kind: MailKind, _ part: MailPart) -> String { "\(kind.rawValue).\(part.rawValue)" }

    private static func templateFiles(in directory: String) throws(TemplateError) -> [(String, String)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw TemplateError(file: directory, message: "cannot read the templates folder: \(error.localizedDescription)")
        }
        return names.filter { $0.hasSuffix(fileExtension) && !$0.hasPrefix(".") }.sorted()
            .map { (String($0.dropLast(fileExtension.count)), directory + "/" + $0) }
    }

    private static func read(_ path: String) throws(TemplateError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TemplateError(file: path, message: "cannot read the template")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw TemplateError(file: path, message: "the template is not UTF-8")
        }
        return text
    }

    /// `{{{x}}}` and `{{& x}}` would put a value into HTML unescaped; `{{=…=}}` would hide them.
    private static func refuseUnescaped(_ text: String, file: String) throws(TemplateError) {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for marker in ["{{{", "{{&", "{{="] {
                if let range = line.range(of: marker) {
                    throw TemplateError(file: file, line: index + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1,
                                        message: "\(marker) is not allowed in an HTML template (it can turn escaping off); "
                                            + "use {{name}} so the value is escaped")
                }
            }
        }
    }
}
