import Foundation
import Hummingbird
import HummingbirdTesting
import KenshuConsole
import KenshuCore
import KenshuCycle
import KenshuImport
import KenshuTesting
import Testing

/// アップロード: an admin's CSV and feed uploads go through the CLI's imports with its
/// messages; a held import is accepted through its token; viewers read only.
@Suite(.serialized)
struct UploadPageTests {
    /// The example roster with one person renamed: one change, under the review's threshold.
    static func renamedRoster() throws -> String {
        var lines = try ConsoleFixture.rosterLines()
        lines[1] = lines[1].replacingOccurrences(of: "清水　舞,", with: "清水　舞子,")
        return lines.joined(separator: "\n")
    }

    @Test func anAdminsRosterUploadShowsTheCLIsMessageAndIsAudited() async throws {
        let fixture = try ConsoleFixture()
        let roster = try Self.renamedRoster()
        // What `kenshu roster import --dry-run roster.csv` prints for the same file.
        let local = try fixture.city.write("roster.csv", roster)
        let expected = StaffImportText.render(try StaffImport.run(.roster, file: local, encoding: .auto, dryRun: true,
                                                                  session: try fixture.session()))
        try await fixture.test { client in
            var browser = Browser(client)
            #expect(try await browser.logIn("kanri").status == .seeOther)
            let page = try await browser.get("/uploads")
            #expect(page.status == .ok)
            #expect(page.text.contains("enctype=\"multipart/form-data\""))
            #expect(page.text.contains("<option value=\"evaluations\">人事評価</option>"))
            #expect(page.text.contains("確認だけ（保存しない）"))
            #expect(page.text.contains("roster.csv"), "the last roster import, as 今週 shows it")
            let before = try fixture.storeState()

            let checked = try await browser.upload(kind: "roster", name: "roster.csv", Array(roster.utf8), checkOnly: true)
            #expect(checked.status == .ok)
            #expect(checked.text.contains(PageText.html(expected)))
            #expect(try fixture.storeState() == before, "a check stores nothing")

            let imported = try await browser.upload(kind: "roster", name: "roster.csv", Array(roster.utf8))
            #expect(imported.status == .ok)
            #expect(imported.text.contains("取り込みました"))
            let changes = try #require(expected.components(separatedBy: "取り込むと: ").last?.split(separator: "\n").first)
            #expect(imported.text.contains(PageText.html("職員名簿: roster.csv（UTF-8、456 行）: \(changes)")))
            #expect(try fixture.storeState().version > before.version)
            #expect(try fixture.environment.reading.store.searchStaff("10001", limit: 1).first?.name == "清水　舞子")
            #expect(fixture.leftUploads.isEmpty)
            // The import log names the upload, not the folder it was received into.
            let logged = try #require(try fixture.environment.reading.store.latestImports().first { $0.kind == "roster" })
            #expect(logged.source == "roster.csv（管理画面からアップロード）")

            let audit = try await browser.get("/audit")
            #expect(audit.text.contains("<td>アップロード</td>"))
            #expect(audit.text.contains("職員名簿 roster.csv（\(roster.utf8.count) バイト）: 取り込み済み"))
            #expect(audit.text.contains("確認のみ（保存なし）"))
        }
    }

    @Test func aCSVWithABadRowIsRejectedWithTheCLIsMessageAndChangesNothing() async throws {
        let fixture = try ConsoleFixture()
        var lines = try ConsoleFixture.rosterLines()
        lines[3] = lines[3].replacingOccurrences(of: ",一般職,", with: ",宇宙職,")
        let bad = lines.joined(separator: "\n")
        let local = try fixture.city.write("名簿.csv", bad)
        let cli = #expect(throws: KenshuError.self) {
            try StaffImport.run(.roster, file: local, encoding: .auto, dryRun: true, session: try fixture.session())
        }
        let message = try #require(cli?.message).replacingOccurrences(of: fixture.city.folder.path + "/", with: "")
        #expect(message.hasPrefix("名簿.csv:4:"), "\(message)")
        try await fixture.test { client in
            var browser = Browser(client)
            #expect(try await browser.logIn("kanri").status == .seeOther)
            let before = try fixture.storeState()
            let rejected = try await browser.upload(kind: "roster", name: "名簿.csv", Array(bad.utf8))
            #expect(rejected.status == .unprocessableContent)
            #expect(rejected.text.contains("取り込めませんでした（何も変更していません）"))
            #expect(rejected.text.contains(PageText.html(message)))
            #expect(rejected.text.contains("宇宙職"))
            try fixture.expectNothingChanged(since: before)
            let logged = try #require(try fixture.environment.reading.store.latestImports().first { $0.kind == "roster" })
            #expect(logged.source == "名簿.csv（管理画面からアップロード）")
            #expect(logged.message?.hasPrefix("名簿.csv（管理画面からアップロード）:4:") == true, "\(logged.message ?? "")")
            let firstLine = try #require(message.split(separator: "\n").first)
            #expect(try await browser.get("/audit").text.contains(PageText.html("職員名簿 名簿.csv（\(bad.utf8.count) バイト）: 拒否: \(firstLine)")))
        }
    }

    @Test func aViewerReadsThePageWithoutTheFormAndMayNotUpload() async throws {
        let fixture = try ConsoleFixture()
        try await fixture.test { client in
            var viewer = Browser(client)
            // Without a session, the login page.
            #expect(try await viewer.get("/uploads").headers[.location] == "/login")
            #expect(try await viewer.upload(MultipartBody(fields: [], file: ("a.csv", [1])).bytes).headers[.location] == "/login")
            #expect(try await viewer.logIn("etsuran").status == .seeOther)
            let page = try await viewer.get("/uploads")
            #expect(page.status == .ok)
            #expect(page.text.contains("href=\"/uploads\" aria-current=\"page\""))
            #expect(!page.text.contains("multipart/form-data"))
            #expect(page.text.contains("管理者（admin）のアカウントだけ"))
            #expect(page.text.contains("人事データの取込"))
            let before = try fixture.storeState()
            let token = try #require(Browser.csrfToken(in: page))
            let body = MultipartBody(fields: [("csrf", token), ("kind", "roster")], file: ("roster.csv", Array(try Self.renamedRoster().utf8)))
            let refused = try await viewer.upload(body.bytes)
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("権限がありません"))
            #expect(try await viewer.post("/uploads/accept", [("csrf", token), ("token", "x")]).status == .forbidden)
            try fixture.expectNothingChanged(since: before)
        }
    }

    @Test func anUploadWithoutTheCSRFTokenOrWithAWrongOneIsRefused() async throws {
        let fixture = try ConsoleFixture()
        try await fixture.test { client in
            var browser = Browser(client)
            #expect(try await browser.logIn("kanri").status == .seeOther)
            let before = try fixture.storeState()
            let file = ("roster.csv", Array(try Self.renamedRoster().utf8))
            for fields in [[("kind", "roster")], [("csrf", String(repeating: "0", count: 64)), ("kind", "roster")]] {
                let refused = try await browser.upload(MultipartBody(fields: fields, file: file).bytes)
                #expect(refused.status == .forbidden)
                #expect(refused.text.contains("送信を受け付けられません"))
            }
            try fixture.expectNothingChanged(since: before)
            #expect(try await browser.post("/uploads/accept", [("token", "x")]).status == .forbidden)
        }
    }

    @Test func anUploadOverTheLimitIsRefusedWith413AndLeavesNothing() async throws {
        let fixture = try ConsoleFixture(console: "  uploadLimitMB: 1\n")
        try await fixture.test { client in
            var browser = Browser(client)
            #expect(try await browser.logIn("kanri").status == .seeOther)
            let token = try #require(Browser.csrfToken(in: try await browser.get("/uploads")))
            let before = try fixture.storeState()
            let big = MultipartBody(fields: [("csrf", token), ("kind", "roster")],
                                    file: ("roster.csv", [UInt8](repeating: UInt8(ascii: "x"), count: 10 * 1024 * 1024)))
            // Declared too large, and streamed without a length.
            for length in [true, false] {
                let refused = try await browser.upload(big.bytes, length: length)
                #expect(refused.status == .contentTooLarge, "length \(length)")
                #expect(refused.text.contains("アップロードできるのは 1 MB までです"))
                #expect(refused.text.contains("kenshu roster import"))
                #expect(refused.text.contains("何も変更していません"))
            }
            try fixture.expectNothingChanged(since: before)
            #expect(try await browser.get("/audit").text.contains("拒否: ファイルが大きすぎます"))
            // Under its own limit, an upload may be larger than the 2 MB every other request keeps.
            let other = try await browser.post("/logout", [("csrf", token), ("x", String(repeating: "x", count: 3 * 1024 * 1024))])
            #expect(other.status == .contentTooLarge)
        }
    }

    @Test func anUploadOverTwoMegabytesButUnderItsLimitIsImported() async throws {
        let fixture = try ConsoleFixture()
        // The roster padded with blank lines to 3 MB: more than every other request may send.
        let roster = try Self.renamedRoster() + String(repeating: "\n", count: 3 * 1024 * 1024)
        try await fixture.test { client in
            var browser = Browser(client)
            #expect(try await browser.logIn("kanri").status == .seeOther)
            let imported = try await browser.upload(kind: "roster", name: "roster.csv", Array(roster.utf8))
            #expect(imported.status == .ok, "\(imported.text)")
            #expect(imported.text.contains("取り込みました"))
        }
    }

    @Test func aFeedUploadImportsItsCourses() async throws {
        let fixture = try ConsoleFixture()
        // The Niigata feed as another institute's: its 19 courses are new.
        let feed = try String(contentsOfFile: TemporaryCity.example("feeds/xcri-niigata.xml"), encoding: .utf8)
            .replacingOccurrences(of: "https://kenshu.example.jp/niigata/", with: "https://kenshu.example.jp/sado/")
            .replacingOccurrences(of: "新潟県市町村職員研修協議会", with: "佐渡市職員研修所")
        try await fixture.test { client in
            var browser = Browser(client)
            #expect(try await browser.logIn("kanri").status == .seeOther)
            let before = try fixture.storeState()
            let imported = try await browser.upload(kind: "feed", name: "sado.xml", Array(feed.utf8))
            #expect(imported.status == .ok, "\(imported.text)")
            #expect(imported.text.contains("取り込みました"))
            #expect(imported.text.contains("sado.xml（"))
            #expect(imported.text.contains("研修機関 "))
            #expect(try fixture.storeState().courses == before.courses + 19)
            let page = try await browser.get("/uploads")
            #expect(page.text.contains("佐渡市職員研修所"), "its last import in the table")
            let sado = try #require(try fixture.environment.reading.store.providerCatalogs().first { $0.name == "佐渡市職員研修所" })
            #expect(sado.lastImport?.source == "sado.xml（管理画面からアップロード）")
            #expect(fixture.leftUploads.isEmpty)
        }
    }

    @Test func aHeldImportIsShownAndAcceptedThroughItsTokenWithoutUploadingAgain() async throws {
        let fixture = try ConsoleFixture()
        // The first hundred of 456: the rest would leave the roster, far over the 10 % threshold.
        let short = try ConsoleFixture.rosterLines().prefix(101).joined(separator: "\n") + "\n"
        try await fixture.test { client in
            var browser = Browser(client)
            #expect(try await browser.logIn("kanri").status == .seeOther)
            let before = try fixture.storeState()
            let held = try await browser.upload(kind: "roster", name: "roster.csv", Array(short.utf8))
            #expect(held.status == .ok)
            #expect(held.text.contains("保留しました（まだ取り込んでいません）"))
            #expect(held.text.contains("roster.csv: 保留しました: "))
            #expect(held.text.contains("しきい値 10%（data.review.threshold）を超えます"))
            #expect(held.text.contains("この内容で取り込む"))
            #expect(held.text.contains("保管データは変えていません。"))
            #expect(!held.text.contains("--accept を付けて"), "the console's button, not the command line's flag")
            #expect(try fixture.storeState() == before)
            #expect(fixture.leftUploads.count == 1, "kept for the accept")
            let token = try #require(Browser.heldToken(in: held))
            let csrf = try #require(Browser.csrfToken(in: held))

            // Another admin's session cannot use it.
            var other = Browser(client)
            #expect(try await other.logIn("kanri").status == .seeOther)
            let otherCSRF = try #require(Browser.csrfToken(in: try await other.get("/uploads")))
            #expect(try await other.post("/uploads/accept", [("csrf", otherCSRF), ("token", token)]).status == .notFound)

            let accepted = try await browser.post("/uploads/accept", [("csrf", csrf), ("token", token)])
            #expect(accepted.status == .ok)
            #expect(accepted.text.contains("取り込みました"))
            #expect(accepted.text.contains("--accept により取り込みました（本来は保留）"))
            #expect(try fixture.storeState().activeStaff == 100)
            #expect(fixture.leftUploads.isEmpty)

            let again = try await browser.post("/uploads/accept", [("csrf", csrf), ("token", token)])
            #expect(again.status == .notFound)
            #expect(again.text.contains("保留中のアップロードが見つかりません"))
            let audit = try await browser.get("/audit").text
            #expect(audit.contains("保留: roster.csv: 保留しました"))
            #expect(audit.contains("<td>保留分の取り込み</td>"))
        }
    }

    @Test func anUploadWhileTheWriterLockIsTakenIsRefusedNamingItsHolder() async throws {
        let fixture = try ConsoleFixture()
        let roster = try Self.renamedRoster()
        let session = try fixture.session()
        try await fixture.test { client in
            var browser = Browser(client)
            #expect(try await browser.logIn("kanri").status == .seeOther)
            let before = try fixture.storeState()
            let lock = try #require(try WriterLock.takeIfFree(session: session, purpose: "kenshu run"))
            let busy = try await browser.upload(kind: "roster", name: "roster.csv", Array(roster.utf8))
            withExtendedLifetime(lock) {}
            #expect(busy.status == .serviceUnavailable)
            #expect(busy.text.contains("週次処理（または他の取り込み）が実行中です"))
            #expect(busy.text.contains("実行中: pid \(getpid()): kenshu run"))
            try fixture.expectNothingChanged(since: before)
        }
    }

    @Test func malformedUploadsAreRefusedWith400AndLeaveNothing() async throws {
        let fixture = try ConsoleFixture()
        try await fixture.test { client in
            var browser = Browser(client)
            #expect(try await browser.logIn("kanri").status == .seeOther)
            let token = try #require(Browser.csrfToken(in: try await browser.get("/uploads")))
            let before = try fixture.storeState()
            let whole = MultipartBody(fields: [("csrf", token), ("kind", "roster")], file: ("roster.csv", Array("a,b\n".utf8))).bytes
            let cases: [(String, [UInt8], String)] = [
                ("truncated", Array(whole.prefix(whole.count - 10)), "multipart/form-data; boundary=\(MultipartBody.boundary)"),
                ("garbled", Array("this is not multipart at all".utf8), "multipart/form-data; boundary=\(MultipartBody.boundary)"),
                ("no boundary", whole, "multipart/form-data"),
                ("not multipart", Array("csrf=\(token)&kind=roster".utf8), "application/x-www-form-urlencoded"),
                ("bad kind", MultipartBody(fields: [("csrf", token), ("kind", "payroll")], file: ("a.csv", [1])).bytes,
                 "multipart/form-data; boundary=\(MultipartBody.boundary)"),
                ("no file", MultipartBody(fields: [("csrf", token), ("kind", "roster")], file: nil).bytes,
                 "multipart/form-data; boundary=\(MultipartBody.boundary)"),
            ]
            for (label, body, contentType) in cases {
                let refused = try await browser.upload(body, contentType: contentType)
                #expect(refused.status == .badRequest, "\(label)")
                #expect(refused.text.contains("アップロードを読めません"), "\(label)")
                #expect(refused.text.contains("何も変更していません"), "\(label)")
            }
            try fixture.expectNothingChanged(since: before)
        }
    }
}
