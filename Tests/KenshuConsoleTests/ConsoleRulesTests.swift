import Foundation
import Hummingbird
import HummingbirdTesting
@testable import KenshuConsole
import KenshuCycle
import KenshuStore
import NIOCore
import Testing

/// 規則: check → simulate → apply, and every refusal leaving the rules file as it was.
@Suite(.serialized)
struct ConsoleRulesTests {
    /// The example rules with one more recommendation per person: a change that gains courses.
    static func morePerPerson(_ text: String) -> String {
        text.replacingOccurrences(of: "  perPerson: 5\n", with: "  perPerson: 6\n")
    }

    @Test func anErrorIsShownAtItsLineAndNothingChanges() async throws {
        let fixture = try ConsoleFixture()
        let rulesFile = fixture.rulesFile
        let before = try String(contentsOfFile: rulesFile, encoding: .utf8)
        try await fixture.test { client in
            var admin = Browser(client)
            _ = try await admin.logIn("kanri")
            let page = try await admin.get("/rules")
            #expect(page.status == .ok)
            #expect(page.text.contains("perPerson: 5"))
            let token = try #require(Browser.csrfToken(in: page))
            // Line 3 of the edit gets a key the rules do not have; the browser sends CR LF.
            var lines = before.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines.insert("unknownKey: 1", at: 2)
            let checked = try await admin.post("/rules/check", [("csrf", token), ("text", lines.joined(separator: "\r\n"))])
            #expect(checked.status == .unprocessableContent)
            #expect(checked.text.contains("規則に誤りがあります（3 行 1 列）"), "\(checked.text)")
            #expect(checked.text.contains("&#39;unknownKey&#39; というキーはありません"))
            #expect(checked.text.contains("<span class=\"problem-line\">3: unknownKey: 1</span>"))
            #expect(!checked.text.contains("id=\"apply\""))
            let applied = try await admin.post("/rules/apply", [("csrf", token), ("text", lines.joined(separator: "\n"))])
            #expect(applied.status == .unprocessableContent)
            #expect(try String(contentsOfFile: rulesFile, encoding: .utf8) == before)
            #expect(!FileManager.default.fileExists(atPath: rulesFile + ".previous"))
        }
    }

    @Test func simulateThenApplyReplacesTheFileKeepsThePreviousAndAsksTheDaemonToReload() async throws {
        let fixture = try ConsoleFixture()
        let rulesFile = fixture.rulesFile
        let before = try String(contentsOfFile: rulesFile, encoding: .utf8)
        let after = Self.morePerPerson(before)
        let state = fixture.environment.reading.configuration.stateDirectory
        try await fixture.test { client in
            var admin = Browser(client)
            _ = try await admin.logIn("kanri")
            let page = try await admin.get("/rules")
            let token = try #require(Browser.csrfToken(in: page))
            let checked = try await admin.post("/rules/check", [("csrf", token), ("text", after)])
            #expect(checked.status == .ok)
            #expect(checked.text.contains("誤りはありません"))
            let simulated = try await admin.post("/rules/simulate", [("csrf", token), ("text", after)])
            #expect(simulated.status == .ok)
            #expect(simulated.text.contains("現在の rules.yaml → 編集中の rules.yaml: おすすめが変わる職員 "), "\(simulated.text)")
            #expect(simulated.text.contains("id=\"apply\""))
            #expect(try String(contentsOfFile: rulesFile, encoding: .utf8) == before, "a simulation writes nothing")
            let applied = try await admin.post("/rules/apply", [("csrf", token), ("text", after)])
            #expect(applied.status == .seeOther)
            #expect(applied.headers[.location] == "/rules?applied=1")
            let shown = try await admin.get("/rules?applied=1")
            #expect(shown.text.contains("規則を適用しました"))
            #expect(shown.text.contains("perPerson: 6"))
            let audit = try await admin.get("/audit").text
            #expect(try String(contentsOfFile: rulesFile, encoding: .utf8) == after)
            #expect(try String(contentsOfFile: rulesFile + ".previous", encoding: .utf8) == before)
            #expect(DaemonReload.isRequested(stateDirectory: state))
            #expect(audit.contains("規則の適用"))
            #expect(audit.contains("rules.yaml を置き換え（1 行追加、1 行削除、前の版は rules.yaml.previous）"))
            #expect(fixture.environment.reading.rules.matching.perPerson == 6, "the console's pages use the new rules")
        }
    }

    @Test func aViewerMayReadTheRulesButNotChangeThem() async throws {
        let fixture = try ConsoleFixture()
        let before = try String(contentsOfFile: fixture.rulesFile, encoding: .utf8)
        try await fixture.test { client in
            var viewer = Browser(client)
            _ = try await viewer.logIn("etsuran")
            let page = try await viewer.get("/rules")
            #expect(page.status == .ok)
            #expect(page.text.contains("perPerson: 5"))
            #expect(!page.text.contains("<textarea"))
            let token = try #require(Browser.csrfToken(in: page), "the logout form's token")
            for path in ["/rules/check", "/rules/simulate", "/rules/apply"] {
                let refused = try await viewer.post(path, [("csrf", token), ("text", Self.morePerPerson(before))])
                #expect(refused.status == .forbidden, "\(path)")
            }
            #expect(try String(contentsOfFile: fixture.rulesFile, encoding: .utf8) == before)
        }
    }

    @Test func anApplyWithoutTheTokenIsRefused() async throws {
        let fixture = try ConsoleFixture()
        let before = try String(contentsOfFile: fixture.rulesFile, encoding: .utf8)
        try await fixture.test { client in
            var admin = Browser(client)
            _ = try await admin.logIn("kanri")
            #expect(try await admin.post("/rules/apply", [("text", Self.morePerPerson(before))]).status == .forbidden)
            #expect(try String(contentsOfFile: fixture.rulesFile, encoding: .utf8) == before)
        }
    }

    @Test func aTenMegabytePasteIsRefusedWithAClearMessageAndNothingChanges() async throws {
        let fixture = try ConsoleFixture()
        let before = try String(contentsOfFile: fixture.rulesFile, encoding: .utf8)
        let folder = (fixture.rulesFile as NSString).deletingLastPathComponent
        let filesBefore = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        try await fixture.test { client in
            var admin = Browser(client)
            _ = try await admin.logIn("kanri")
            let token = try #require(Browser.csrfToken(in: try await admin.get("/rules")))
            let paste = before + "# " + String(repeating: "あ", count: 10 * 1024 * 1024 / 3) + "\n"
            let refused = try await admin.post("/rules/apply", [("csrf", token), ("text", paste)])
            #expect(refused.status == .contentTooLarge)
            #expect(refused.text.contains("送信されたデータが大きすぎます"))
            #expect(refused.text.contains("2 MB までにしてください。何も変更していません。"))
            #expect(try String(contentsOfFile: fixture.rulesFile, encoding: .utf8) == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == filesBefore)
        }
    }

    @Test func aFileChangedSinceTheEditBeganIsNotOverwritten() async throws {
        let fixture = try ConsoleFixture()
        let before = try String(contentsOfFile: fixture.rulesFile, encoding: .utf8)
        let meanwhile = before.replacingOccurrences(of: "  perPerson: 5\n", with: "  perPerson: 4\n")
        try await fixture.test { client in
            var admin = Browser(client)
            _ = try await admin.logIn("kanri")
            let page = try await admin.get("/rules")
            let token = try #require(Browser.csrfToken(in: page))
            let base = try #require(Self.hiddenValue("base", in: page.text))
            try meanwhile.write(toFile: fixture.rulesFile, atomically: true, encoding: .utf8)
            let refused = try await admin.post("/rules/apply", [("csrf", token), ("base", base), ("text", Self.morePerPerson(before))])
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("編集を始めてから規則ファイルが変更されました"))
            #expect(try String(contentsOfFile: fixture.rulesFile, encoding: .utf8) == meanwhile)
        }
    }

    @Test func theDaemonLineSaysWhichRulesKenshuServeRunsWith() {
        let zone = TimeZone(identifier: "Asia/Tokyo") ?? .current
        let at = Date(timeIntervalSince1970: 1_796_000_000)
        let status = DaemonReload.Status(rulesFingerprint: "10:a", loadedAt: at, reloadProblem: nil)
        #expect(RulesRoutes.daemonLine(nil, fileFingerprint: "10:a", requested: false, zone: zone).0.contains("記録されていません"))
        let same = RulesRoutes.daemonLine(status, fileFingerprint: "10:a", requested: false, zone: zone)
        #expect(same.1 && same.0.contains("この規則で動いています"))
        #expect(RulesRoutes.daemonLine(status, fileFingerprint: "11:b", requested: true, zone: zone).0.contains("再読み込みを依頼しました"))
        #expect(RulesRoutes.daemonLine(status, fileFingerprint: "11:b", requested: false, zone: zone).0.contains("systemctl reload kenshu"))
        var failed = status
        failed.reloadProblem = "rules.yaml:3:1: unknown key"
        #expect(RulesRoutes.daemonLine(failed, fileFingerprint: "11:b", requested: false, zone: zone).0.contains("再読み込みに失敗"))
    }

    static func hiddenValue(_ name: String, in html: String) -> String? {
        guard let range = html.range(of: "name=\"\(name)\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }
}

extension ConsoleFixture {
    var rulesFile: String { environment.reading.configuration.rulesFile }
}
