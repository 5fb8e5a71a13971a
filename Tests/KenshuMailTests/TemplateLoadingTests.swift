import Foundation
import Testing
import KenshuTesting
@testable import KenshuMail

/// The mail templates: the shipped set loads, an office's folder replaces files of the same
/// name, and a broken or unsafe template is refused with its file and line.
struct TemplateLoadingTests {
    static let shipped = RepositoryPaths.catalog.appendingPathComponent("templates/ja").path

    struct View {
        var name: String
        var week: String
    }

    func folder(_ files: [String: String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-templates-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
        return path
    }

    @Test func theShippedSetHasEveryKindAndPart() throws {
        let templates = try MailTemplates.load(shipped: Self.shipped)
        for kind in MailKind.allCases {
            for part in MailPart.allCases {
                #expect(templates.sources[MailTemplates.name(kind, part)] != nil)
            }
        }
    }

    @Test func anOfficeTemplateReplacesTheShippedOneAndTextIsNotEscaped() throws {
        let override = try folder(["staff.subject.mustache": "研修のお知らせ {{name}} & {{week}}"])
        defer { try? FileManager.default.removeItem(atPath: override) }
        let templates = try MailTemplates.load(shipped: Self.shipped, override: override)
        #expect(templates.render(.staff, .subject, View(name: "<b>花子</b>", week: "2026-W48")) == "研修のお知らせ <b>花子</b> & 2026-W48")
    }

    @Test func htmlTemplatesEscapeEveryValue() throws {
        let override = try folder(["staff.html.mustache": "<p>{{name}}</p>"])
        defer { try? FileManager.default.removeItem(atPath: override) }
        let templates = try MailTemplates.load(shipped: Self.shipped, override: override)
        #expect(templates.render(.staff, .html, View(name: "<script>\"x\"&'y'</script>", week: "")) ==
                "<p>&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;&lt;/script&gt;</p>")
    }

    @Test(arguments: ["<p>{{{name}}}</p>", "<p>\n  {{& name}}</p>", "{{=<% %>=}}<p><%& name%></p>"])
    func htmlTemplatesMayNotTurnEscapingOff(text: String) throws {
        let override = try folder(["staff.html.mustache": text])
        defer { try? FileManager.default.removeItem(atPath: override) }
        #expect {
            try MailTemplates.load(shipped: Self.shipped, override: override)
        } throws: { error in
            let description = "\(error)"
            return description.contains("staff.html.mustache:") && description.contains("not allowed in an HTML template")
        }
    }

    @Test func aTemplateThatDoesNotParseIsNamedWithItsLine() throws {
        let override = try folder(["manager.text.mustache": "一行目\n{{#members}}\n{{name}}\n"])
        defer { try? FileManager.default.removeItem(atPath: override) }
        #expect {
            try MailTemplates.load(shipped: Self.shipped, override: override)
        } throws: { error in
            "\(error)".contains("manager.text.mustache:") && "\(error)".contains("does not parse")
        }
    }

    @Test func aMissingTemplateIsNamed() throws {
        let shipped = try folder(["staff.subject.mustache": "x"])
        defer { try? FileManager.default.removeItem(atPath: shipped) }
        #expect {
            try MailTemplates.load(shipped: shipped)
        } throws: { error in
            "\(error)".contains("staff.text.mustache is missing")
        }
    }

    @Test func aMissingFolderIsNamed() {
        #expect {
            try MailTemplates.load(shipped: "/nonexistent/templates")
        } throws: { error in
            "\(error)".contains("/nonexistent/templates") && "\(error)".contains("cannot read the templates folder")
        }
    }
}
