import Foundation
import KenshuTesting
import Testing

/// `kenshu run` spools the week's mails: a standard parser reads them back, a second run of
/// the week writes nothing, a crash anywhere still gives each mail exactly once, and nothing
/// from the data reaches a header it should not.
@Suite(.serialized)
struct MailTests {
    /// (kind, recipient) of each spool file, from its name.
    func keys(_ files: [String]) -> [String] {
        files.map { file in
            let parts = (file as NSString).lastPathComponent.split(separator: ".")
            return "\(parts[3]).\(parts[4])"
        }
    }

    @Test func theWeeklyRunSpoolsMailsThatAStandardParserReadsBack() throws {
        let city = try TemporaryCity.example()
        defer { city.remove() }
        let run = try city.kenshu("run", "--date", "2026-11-25")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("メール: "), "\(run.stdout)")
        let files = city.spoolFiles()
        #expect(files.count > 400)
        #expect(city.spoolFiles("tmp").isEmpty)
        for file in files.prefix(5) {
            let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
            #expect(mode == 0o640, "\(file)")
        }
        guard let mails = try MailParser.parse(files) else {
            Issue.record("python3 is not installed: the mails were not read back by a standard parser")
            return
        }
        #expect(Set(mails.map(\.kind)) == ["staff", "manager", "hr"])
        #expect(mails.allSatisfy { $0.week == "2026-W48" && $0.longestHeaderLine <= 78 && $0.date.hasSuffix("+0900") })
        #expect(mails.allSatisfy { $0.headerNames.contains("Message-ID") && $0.headerNames.contains("Auto-Submitted") })
        #expect(Set(mails.map(\.file)).count == mails.count)
        // How and where a course is held is said once: no 日程 line names its way twice.
        let schedules = mails.filter { $0.kind == "staff" }.flatMap { $0.text.split(whereSeparator: \.isNewline) }
            .filter { $0.contains("日程:") }
        #expect(!schedules.isEmpty)
        for word in ["オンライン", "集合"] {
            let repeated = schedules.filter { $0.components(separatedBy: word).count > 2 }
            #expect(repeated.count == 0, "\(repeated.count) lines say \(word) twice, e.g. \(repeated.first ?? "")")
        }
        // Subjects name the week by its dates; the ISO week is only in X-Kenshu-Week.
        #expect(mails.allSatisfy { $0.subject.contains("（11月23日の週）") && !$0.subject.contains("W48") }, "\(mails.map(\.subject).prefix(3))")

        // 10028 was promoted to 係長 on 2026-10-01: the 階層別研修 comes first, marked 必須.
        let promoted = try #require(mails.first { $0.kind == "staff" && $0.file.contains(".staff.10028.") })
        #expect(promoted.subject.hasPrefix("【必須研修あり】今週の研修のご案内（11月23日の週）"))
        #expect(promoted.toName == "山口　さくら")
        #expect(promoted.fromName == "小千谷市 人事課 人材育成担当")
        #expect(promoted.text.contains("[必須] 課長補佐・係長の職場マネジメント"))
        #expect(promoted.text.contains("■ 今週のフォーカス能力"))
        #expect(promoted.html.contains("<strong><span style=\"color:#b00\">[必須]</span> 課長補佐・係長の職場マネジメント</strong>"))

        let hr = try #require(mails.first { $0.kind == "hr" })
        #expect(hr.subject == "研修・メンター週次レポート（11月23日の週）")
        #expect(hr.text.contains("■ メンターが決まらなかった職員"))
        #expect(hr.html.contains("background:#"))

        let digest = try #require(mails.first { $0.kind == "manager" && $0.file.contains(".manager.10001.") })
        #expect(digest.subject.hasPrefix("チームの研修ダイジェスト"))
        #expect(digest.text.contains("■ チームへのおすすめ研修"))

        // Opted-out staff (配信停止) get no mail.
        #expect(!files.contains { $0.contains(".staff.10018.") || $0.contains(".staff.10204.") })
    }

    /// Read in any client, over every mail of the example city: no plain-text line wider than
    /// 76 terminal columns (East Asian wide and ambiguous characters count 2, by Python's
    /// unicodedata) unless it is a URL alone; every heatmap cell's text contrasts 4.5:1 or more
    /// with its background; the HR report names the abilities and lists the departments in
    /// the config's order.
    @Test func everyMailReadsInAnyClient() throws {
        let city = try TemporaryCity.example(extraConfig: "\ndepartments:\n  order: [総務課, 消防本部]\n")
        defer { city.remove() }
        #expect(try city.kenshu("run", "--date", "2026-11-25").status == 0)
        guard let python = MailParser.python else { return }
        let check = try KenshuBinary.run(program: python, ["-c", #"""
            import email, re, sys, unicodedata
            from email import policy
            def width(s):
                return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in 'WFA' else 1 for c in s)
            def lum(h):
                def ch(v):
                    v = int(v, 16) / 255
                    return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
                return 0.2126 * ch(h[1:3]) + 0.7152 * ch(h[3:5]) + 0.0722 * ch(h[5:7])
            wide, low = [], []
            for path in sys.argv[1:]:
                m = email.message_from_bytes(open(path, 'rb').read(), policy=policy.default)
                for line in m.get_body(('plain',)).get_content().splitlines():
                    if width(line) > 76 and not re.fullmatch(r'\s*https?://\S+', line):
                        wide.append(line)
                html = m.get_body(('html',)).get_content()
                for bg, fg in re.findall(r'background:(#[0-9a-f]{6});color:(#[0-9a-f]{6})', html):
                    a, b = sorted([lum(bg), lum(fg)], reverse=True)
                    if (a + 0.05) / (b + 0.05) < 4.5:
                        low.append(bg + '/' + fg)
            print(len(wide), len(low))
            print(wide[:3], low[:3])
            """#] + city.spoolFiles())
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.hasPrefix("0 0\n"), "\(check.stdout)")
        // One entry per course: no title twice in a staff mail's list, nor in a digest's member.
        let duplicates = try KenshuBinary.run(program: python, ["-c", #"""
            import email, re, sys, unicodedata
            from email import policy
            count, mails = 0, 0
            for path in sys.argv[1:]:
                m = email.message_from_bytes(open(path, 'rb').read(), policy=policy.default)
                kind = str(m['X-Kenshu-Kind'])
                lines = m.get_body(('plain',)).get_content().splitlines()
                groups, current = [], None
                if kind == 'staff':
                    inside = False
                    for line in lines:
                        if line.startswith('■ '):
                            inside = line == '■ おすすめの研修'
                            current = []
                            groups.append(current)
                        elif inside and line and not line.startswith(' ') and not line.startswith('申込み'):
                            current.append(re.sub(r'^\[必須\] |（新着）$', '', line))
                elif kind == 'manager':
                    for line in lines:
                        if line.startswith('  ・'):
                            if current is None:
                                current = []
                                groups.append(current)
                            current.append(re.sub(r'（[^（]*）( 新着)?$', '', line[3:]))
                        else:
                            current = None
                for group in groups:
                    keys = [unicodedata.normalize('NFKC', t).lower().replace(' ', '') for t in group]
                    if len(keys) != len(set(keys)):
                        count += 1
                mails += 1
            print(count, mails)
            """#] + city.spoolFiles())
        #expect(duplicates.stdout.hasPrefix("0 "), "mails listing a course twice: \(duplicates.stdout) \(duplicates.stderr)")
        let hr = try #require(try MailParser.parse(city.spoolFiles().filter { $0.contains(".hr.") })?.first)
        // The HR report in Japanese: no English word but in URLs, addresses, file names, a
        // kenshu command, a key of the config or rules (work.roles), the product's name and
        // quoted data; files by their names alone; each data-quality line with the person's
        // name and department; no opt-out footer.
        for part in [hr.text, hr.html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)] {
            let stripped = part.replacingOccurrences(
                of: #"https?://\S+|\S+@\S+|[\w.-]+\.(xml|csv|yaml)|kenshu( [a-z]+)+|Kenshu|「[^」]*」|&[a-z]+;|\b[a-z]+(\.[a-zA-Z]+)+"#, with: "",
                options: .regularExpression)
            let english = stripped.matches(of: /[A-Za-z]{2,}/).map { String($0.output) }
            #expect(english.isEmpty, "\(Set(english))")
        }
        // Every other mail too: an English word may come only from the feeds' own text (course
        // titles and places such as 「データ活用とEBPM」, 「オンライン（Web会議）」).
        var feedWords = Set<String>()
        for feed in ["academy.xml", "jichi-kenshujo.xml", "xcri-niigata.xml"] {
            let text = try String(contentsOfFile: TemporaryCity.example("feeds/\(feed)"), encoding: .utf8)
            for node in text.matches(of: />([^<]+)</) {
                feedWords.formUnion(node.output.1.matches(of: /[A-Za-z]{2,}/).map { String($0.output) })
            }
        }
        var programWords: [String: String] = [:]
        for mail in try #require(try MailParser.parse(city.spoolFiles().filter { !$0.contains(".hr.") })) {
            for part in [mail.subject, mail.text, mail.html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)] {
                let stripped = part.replacingOccurrences(
                    of: #"https?://\S+|\S+@\S+|Kenshu|&[a-z]+;"#, with: "", options: .regularExpression)
                for word in stripped.matches(of: /[A-Za-z]{2,}/) where !feedWords.contains(String(word.output)) {
                    programWords[String(word.output)] = mail.file
                }
            }
        }
        #expect(programWords.isEmpty, "English words in staff and manager mails: \(programWords)")
        #expect(!hr.text.contains(KenshuBinary.repository.path), "a server path in the HR report")
        #expect(hr.text.contains("[成功] academy.xml（"))
        #expect(hr.text.contains("（総務課、職員番号 10030）: 2025年度の人事評価がありません"), "\(hr.text)")
        #expect(!hr.text.contains("配信停止"))
        #expect(hr.html.contains("title=\"課題発見・解決能力\""))
        #expect(hr.text.contains("①課題発見・解決能力"))
        let departments = hr.text.split(whereSeparator: \.isNewline).drop { !$0.hasPrefix("所属") }.dropFirst().prefix(2)
        #expect(departments.map { String($0.prefix(4)) } == ["総務課 ", "消防本部"], "\(Array(departments))")
    }

    /// The example city after the week's first run, and the mails it spooled.
    func cityAfterTheWeeksFirstRun() throws -> (city: TemporaryCity, first: [String]) {
        let city = try TemporaryCity.example()
        #expect(try city.kenshu("run", "--date", "2026-11-25").status == 0)
        return (city, city.spoolFiles())
    }

    @Test func aSecondRunOfTheSameWeekWritesNothingAndForceWritesAgain() throws {
        let (city, first) = try cityAfterTheWeeksFirstRun()
        defer { city.remove() }
        let again = try city.kenshu("run", "--date", "2026-11-26")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("0 通を送信待ちに（今週すでに入れたもの \(first.count) 通）"), "\(again.stdout)")
        // The mails the spool has are not made again.
        #expect(again.stdout.contains("メール: 職員 0 通、管理職 0 通、人事担当 0 通を作成"), "\(again.stdout)")
        #expect(city.spoolFiles() == first)

        let dry = try city.kenshu("run", "--week", "2026-W49", "--dry-run")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("試行のため送信待ちには入れていません"))
        #expect(city.spoolFiles() == first)

        let forced = try city.kenshu("run", "--week", "2026-W48", "--force", "--json")
        #expect(forced.status == 0, "\(forced.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(forced.stdout.utf8)) as? [String: Any])
        let mail = try #require(report["mail"] as? [String: Any])
        #expect((mail["spooled"] as? Int ?? 0) > 0)
        #expect(city.spoolFiles().count > first.count)
    }

    /// The same files, the same day, the same rules: the week's results stand and nothing is
    /// matched or made again; a change to the rules, another day or --force, and it is.
    @Test func anUnchangedRerunReusesTheWeekAndAChangeDoesNot() throws {
        let (city, first) = try cityAfterTheWeeksFirstRun()
        defer { city.remove() }
        let again = try city.kenshu("run", "--date", "2026-11-25")
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("推薦・メンターの組み合わせ・メールは前回の結果のままです"), "\(again.stdout)")
        #expect(again.stdout.contains("推薦: 2026-W48: 職員 "), "\(again.stdout)")
        #expect(again.stdout.contains("今週すでに入れたもの \(first.count) 通"), "\(again.stdout)")
        let json = try city.kenshu("run", "--date", "2026-11-25", "--json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["reusedFrom"] != nil)
        #expect(city.spoolFiles() == first)

        let otherDay = try city.kenshu("run", "--date", "2026-11-26")
        #expect(!otherDay.stdout.contains("前回の結果のまま"), "\(otherDay.stdout)")
        // The rules changed: the week is matched again (its mails are in the spool already).
        let proposed = try city.useOwnRules()
        try String(contentsOfFile: proposed, encoding: .utf8).replacingOccurrences(of: "perPerson: 5", with: "perPerson: 4")
            .write(toFile: proposed, atomically: true, encoding: .utf8)
        let changed = try city.kenshu("run", "--date", "2026-11-26")
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(!changed.stdout.contains("前回の結果のまま"), "\(changed.stdout)")
        #expect(try city.kenshu("run", "--date", "2026-11-26").stdout.contains("前回の結果のまま"))
        let forced = try city.kenshu("run", "--date", "2026-11-26", "--force")
        #expect(!forced.stdout.contains("前回の結果のまま"))
    }

    @Test(arguments: ["claim:7", "spool:7"])
    func aCrashAtAnyPointStillSpoolsEachMailExactlyOnce(point: String) throws {
        let city = try TemporaryCity.example()
        defer { city.remove() }
        let crashed = try KenshuBinary.run(["run", "--date", "2026-11-25", "--config", city.config],
                                           environment: ["KENSHU_TEST_CRASH": point])
        #expect(crashed.status == 137, "\(crashed.stdout)\(crashed.stderr)")
        // Mails are claimed a batch at a time: killed after the 7th claim, none of the batch is
        // in new/; after the 7th rename, those 7 are.
        #expect(city.spoolFiles().count == (point.hasPrefix("spool") ? 7 : 0))

        let resumed = try city.kenshu("run", "--date", "2026-11-25")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("中断した回のあと"), "\(resumed.stdout)")
        let files = city.spoolFiles()
        #expect(Set(keys(files)).count == files.count, "a mail was spooled twice")
        #expect(city.spoolFiles("tmp").isEmpty)

        let third = try city.kenshu("run", "--date", "2026-11-25")
        #expect(third.stdout.contains("、0 通を送信待ちに"), "\(third.stdout)")
        #expect(city.spoolFiles() == files)
    }

    /// A small city whose roster holds hostile and broken values.
    func hostileCity() throws -> TemporaryCity {
        let city = try TemporaryCity()
        let roster = try city.write("roster.csv", """
            職員番号,氏名,メール,職種,所属,係,職名,採用日,現職位発令日,キャリア,デジタル人材区分,メンター研修修了,上司職員番号,配信停止
            1,"山田\r\nBcc: evil@example.com",taro@example.jp,一般職,総務課,,主事,2020-04-01,2020-04-01,,,,3,
            2,<b>花子</b>,hanako@example.jp,一般職,総務課,,主事,2020-04-01,2020-04-01,,,,3,
            3,佐藤 課長,kacho@example.jp,一般職,総務課,,課長,1990-04-01,2020-04-01,,,,,
            4,鈴木 一郎,not an address,一般職,総務課,,主事,2020-04-01,2020-04-01,,,,3,

            """)
        let evaluations = try city.write("evaluations.csv", "職員番号,能力,評価,評価者,年度\n1,①,2,一次,2025\n")
        var config = try String(contentsOfFile: city.config, encoding: .utf8)
        config += """

            data:
              roster: \(roster)
              evaluations: \(evaluations)
            mail:
              from: jinji@example.jp
              sendWhenNothingNew: true
            # Four staff, one rating, no courses: the gate would hold every mail back.
            gate:
              evaluatedShare: 0
              minimumCourses: 0

            """
        try config.write(toFile: city.config, atomically: true, encoding: .utf8)
        return city
    }

    @Test func aNameWithCRLFAndAHeaderCreatesNoHeaderAndABadAddressSkipsItsMail() throws {
        let city = try hostileCity()
        defer { city.remove() }
        let run = try city.kenshu("run", "--date", "2026-11-25")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("注意: 職員向けメール: 鈴木 一郎（総務課、職員番号 4）のメールアドレスが読めません（'not an address' is not a mail address"), "\(run.stdout)")
        let files = city.spoolFiles()
        #expect(!files.contains { $0.contains(".staff.4.") })
        let mail = try #require(files.first { $0.contains(".staff.1.") })
        let raw = try String(contentsOfFile: mail, encoding: .utf8)
        let header = raw.components(separatedBy: "\r\n\r\n")[0]
        #expect(!header.lowercased().contains("\nbcc:"))
        #expect(!header.lowercased().hasPrefix("bcc:"))
        if let parsed = try MailParser.parse([mail])?.first {
            #expect(!parsed.headerNames.contains { $0.lowercased() == "bcc" })
            #expect(parsed.toName.hasPrefix("山田"))
            #expect(parsed.toAddress == "taro@example.jp")
        }
    }

    @Test func aBadWeekOrADateOutsideItIsAUsageError() throws {
        let city = try hostileCity()
        defer { city.remove() }
        let malformed = try city.kenshu("run", "--week", "2026-48")
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("--week '2026-48' is not an ISO week"), "\(malformed.stderr)")
        let outside = try city.kenshu("run", "--week", "2026-W48", "--date", "2026-12-10")
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("--date 2026-12-10 is not in --week 2026-W48"), "\(outside.stderr)")
        #expect(city.spoolFiles().isEmpty)
    }

    @Test func previewPrintsOneMailWithEveryValueEscapedInHTML() throws {
        let city = try hostileCity()
        defer { city.remove() }
        #expect(try city.kenshu("roster", "import", city.folder.appendingPathComponent("roster.csv").path).status == 0)
        let text = try city.kenshu("preview", "--staff", "2", "--date", "2026-11-25")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("Subject: 今週の研修のご案内（11月23日の週）<b>花子</b>さん"))
        let html = try city.kenshu("preview", "--staff", "2", "--html", "--date", "2026-11-25")
        #expect(html.stdout.contains("&lt;b&gt;花子&lt;/b&gt; さん"))
        #expect(!html.stdout.contains("<b>花子"))
        let message = try city.kenshu("preview", "--kind", "manager", "--staff", "3", "--message", "--date", "2026-11-25")
        #expect(message.status == 0, "\(message.stderr)")
        #expect(message.stdout.contains("X-Kenshu-Kind: manager"))
        let unknown = try city.kenshu("preview", "--staff", "99", "--date", "2026-11-25")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("'99'"))
        let unsendable = try city.kenshu("preview", "--staff", "4", "--date", "2026-11-25")
        #expect(unsendable.status == 2)
        #expect(unsendable.stderr.contains("メールアドレスが読めません"), "\(unsendable.stderr)")
        #expect(city.spoolFiles().isEmpty)
    }

    func script(_ city: TemporaryCity, _ name: String, _ body: String) throws -> String {
        let path = try city.write(name, "#!/bin/sh\n" + body + "\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    @Test func deliverPipesEachMailToSendmailAndFilesItInCur() throws {
        let city = try hostileCity()
        defer { city.remove() }
        #expect(try city.kenshu("run", "--date", "2026-11-25").status == 0)
        let waiting = city.spoolFiles()
        #expect(!waiting.isEmpty)
        let received = city.folder.appendingPathComponent("received").path
        try FileManager.default.createDirectory(atPath: received, withIntermediateDirectories: true)
        // The envelope sender is the configured From, so that bounces reach the HR office.
        let sendmail = try script(city, "sendmail-ok", "[ \"$*\" = \"-t -oi -f jinji@example.jp\" ] || exit 64\ncat > \(received)/$$.eml")

        let result = try city.kenshu("deliver", "--sendmail", sendmail)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("送信 \(waiting.count) 通、失敗 0 通"))
        #expect(city.spoolFiles().isEmpty)
        #expect(city.spoolFiles("cur").count == waiting.count)
        let got = try FileManager.default.contentsOfDirectory(atPath: received).map {
            try Data(contentsOf: URL(fileURLWithPath: received + "/" + $0))
        }
        let sent = try city.spoolFiles("cur").map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        #expect(Set(got) == Set(sent))
    }

    @Test func aMailSendmailRefusesStaysAndWaitsForItsNextTry() throws {
        let city = try hostileCity()
        defer { city.remove() }
        #expect(try city.kenshu("run", "--date", "2026-11-25").status == 0)
        let waiting = city.spoolFiles()
        let failing = try script(city, "sendmail-busy", "cat > /dev/null\necho '451 4.3.0 queue full, try later' >&2\nexit 75")

        let result = try city.kenshu("deliver", "--sendmail", failing)
        #expect(result.status == 1)
        #expect(result.stderr.contains("exit status 75"), "\(result.stderr)")
        #expect(result.stderr.contains("queue full"))
        #expect(city.spoolFiles() == waiting)
        #expect(city.spoolFiles("cur").isEmpty)

        // Tried again only after the back-off: the next run leaves them waiting.
        let ok = try script(city, "sendmail-ok", "cat > /dev/null")
        let again = try city.kenshu("deliver", "--sendmail", ok)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("送信 0 通、失敗 0 通、次の試行を待つもの \(waiting.count) 通"), "\(again.stdout)")

        // A missing sendmail is an error even while every mail waits for its retry.
        let missing = try city.kenshu("deliver", "--sendmail", city.folder.appendingPathComponent("no-such-sendmail").path)
        #expect(missing.status == 1)

        // --wait (the path unit's service) does not sit out a retry beyond its budget, nor loop.
        let start = Date()
        let waited = try city.kenshu("deliver", "--sendmail", ok, "--wait", "5")
        #expect(waited.status == 0)
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(city.spoolFiles() == waiting)
        #expect(try city.kenshu("deliver", "--wait", "-1").status == 2)
    }

    @Test func deliverSaysWhenSendmailIsMissing() throws {
        let city = try hostileCity()
        defer { city.remove() }
        #expect(try city.kenshu("run", "--date", "2026-11-25").status == 0)
        let missing = try city.kenshu("deliver", "--sendmail", city.folder.appendingPathComponent("no-such-sendmail").path)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("sendmail not found at"), "\(missing.stderr)")
        #expect(missing.stderr.contains("--sendmail PATH"))
        // One error for the run, not one per mail, and no mail backed off for it.
        #expect(missing.stderr.components(separatedBy: "sendmail not found at").count == 2, "\(missing.stderr)")
        #expect(!city.spoolFiles().isEmpty)
        let status = try city.kenshu("status", "--json")
        let spool = (try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])?["spool"] as? [String: Any]
        #expect(spool?["failing"] as? Int == 0)
    }
}
