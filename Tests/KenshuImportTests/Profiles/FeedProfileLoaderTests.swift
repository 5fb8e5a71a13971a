import Foundation
import KenshuConfig
import KenshuCore
import KenshuImport
import KenshuXML
import Testing

/// Mapping profiles: the shipped ones load; mistakes are errors with line, column and key.
struct FeedProfileLoaderTests {
    /// A small valid profile; tests break one line of it.
    static func yaml(
        course: String = "course: /catalogue/course",
        fields: String = "fields:\n  id: \"@code\"\n  title: title\n  kind: category",
        extra: String = ""
    ) -> String {
        """
        name: test
        \(course)
        \(fields)
        presentation: session
        presentationFields:
          start: from
          attendance: style
        \(extra)
        """
    }

    @Test func theShippedProfilesLoad() throws {
        let catalog = try ProfileFixtures.catalog()
        let profiles = try FeedProfileLoader.loadAll(inDirectory: ProfileFixtures.profiles, catalog: catalog)
        #expect(profiles.map(\.name) == ["academy", "jichi-kenshujo"])
        for profile in profiles {
            let schema = try #require(profile.schemaPath, "\(profile.name) names its XSD")
            #expect(FileManager.default.fileExists(atPath: schema))
            #expect(profile.fields[.id] != nil && profile.fields[.title] != nil)
            #expect(profile.presentationFields[.start] != nil)
        }
        let academy = try #require(profiles.first)
        #expect(academy.rootElement == XMLName("urn:example:academy:courses:1", "catalogue"))
        #expect(academy.provider.id == .fixed("jamp"))
        #expect(academy.audience("若手職員") == CourseAudience(serviceYears: YearSpan(from: 1, to: 10)))
        let jichi = try #require(profiles.last)
        #expect(jichi.rootElement == XMLName("", "研修計画"))
        #expect(jichi.mapped(.families, "全職種") == [])
        #expect(jichi.mapped(.kind, "長期派遣研修") == ["external.dispatch.long-term.jichi-daigakko"])
        #expect(jichi.audience("新規採用職員") == CourseAudience(serviceYears: YearSpan(from: 1, to: 1)))
        #expect(jichi.audience("新任係長") == CourseAudience(ranks: ["係長"], rankYears: YearSpan(from: 1, to: 1)))
        #expect(jichi.mapped(.ranks, "新規採用職員") == nil)
    }

    @Test func aRankTextMayNameAnAudience() throws {
        let profile = try ProfileFixtures.profile(Self.yaml(
            fields: "fields:\n  id: \"@code\"\n  title: title\n  ranks: rank",
            extra: "values:\n  ranks:\n    新任係長: {ranks: [係長], rankYears: 1}\n    若手: {serviceYears: 1-10}\n    係長級: 係長"))
        #expect(profile.audience(" 新任係長 ") == CourseAudience(ranks: ["係長"], rankYears: YearSpan(from: 1, to: 1)))
        #expect(profile.audience("若手") == CourseAudience(serviceYears: YearSpan(from: 1, to: 10)))
        #expect(profile.audience("係長級") == nil)
        #expect(profile.mapped(.ranks, "係長級") == ["係長"])
    }

    @Test(arguments: [
        ("{serviceYears: 0}", "年数は N か N-M"),
        ("{serviceYears: 10-1}", "年数は N か N-M"),
        ("{rankYears: 1, ranks: 班長}", "'班長' は方針にある職名でも"),
        ("{years: 1}", "'years' というキーはありません"),
        ("{}", "対象には ranks、serviceYears、rankYears のどれかが要ります"),
    ])
    func aBadAudienceIsAnErrorAtItsLine(audience: String, message: String) throws {
        let error = try #require(throws: InputError.self) {
            try ProfileFixtures.profile(Self.yaml(
                fields: "fields:\n  id: \"@code\"\n  title: title\n  ranks: rank",
                extra: "values:\n  ranks:\n    新任: \(audience)"))
        }
        #expect(error.description.contains(message), "\(error)")
        #expect(error.location.line == 13)
    }

    @Test func aValidProfileReadsPathsAndValues() throws {
        let profile = try ProfileFixtures.profile(Self.yaml(extra: """
            namespace: urn:x
            namespaces: {dc: "http://purl.org/dc/elements/1.1/"}
            values:
              kind: {公募: external.open-call.generalist}
              attendance: {オンライン: online}
            """).replacingOccurrences(of: "title: title", with: "title: [dc:title, name]"))
        #expect(profile.name == "test")
        #expect(profile.course.isAbsolute)
        #expect(profile.course.elements == [.init("urn:x", "catalogue"), .init("urn:x", "course")])
        #expect(profile.fields[.id]?.first?.attribute == XMLName("", "code"))
        #expect(profile.fields[.title]?.map(\.elements) == [
            [.init("http://purl.org/dc/elements/1.1/", "title")], [.init("urn:x", "name")],
        ])
        #expect(profile.mapped(.kind, " 公募 ") == ["external.open-call.generalist"])
        #expect(profile.provider.isEmpty)
    }

    @Test func anUnknownKeyNamesItsLineColumnAndSuggestsTheKey() throws {
        let top = try #require(throws: InputError.self) {
            try ProfileFixtures.profile(Self.yaml(extra: "presentationFeilds: {}"))
        }
        #expect(top.location.line == 11)
        #expect(top.location.column == 1)
        #expect(top.description.contains("'presentationFeilds' というキーはありません"))
        #expect(top.description.contains("'presentationFields' の書き間違いではありませんか"))

        let nested = try #require(throws: InputError.self) {
            try ProfileFixtures.profile(Self.yaml(fields: "fields:\n  id: \"@code\"\n  titel: title"))
        }
        #expect(nested.location.line == 5)
        #expect(nested.location.column == 3)
        #expect(nested.field == "fields.titel")
        #expect(nested.description.contains("'title' の書き間違いではありませんか"))
    }

    @Test func anUnknownKindIDInValuesIsAnErrorWithASuggestion() throws {
        let error = try #require(throws: InputError.self) {
            try ProfileFixtures.profile(Self.yaml(extra: """
                values:
                  kind:
                    階層別: external.rank-based
                    公募: external.open-call.generallist
                """))
        }
        #expect(error.location.line == 14)
        #expect(error.location.column == 9)
        #expect(error.field == "values.kind.公募")
        #expect(error.description.contains("研修の種類 ID 'external.open-call.generallist' はありません"))
        #expect(error.description.contains("'external.open-call.generalist' の書き間違いではありませんか"))
    }

    @Test func aMissingCoursePathIsAnError() throws {
        let error = try #require(throws: InputError.self) {
            try ProfileFixtures.profile(Self.yaml(course: "description: no course"))
        }
        #expect(error.location.file == "test.yaml")
        #expect(error.location.line == 1)
        #expect(error.location.column == 1)
        #expect(error.description.contains("プロファイルに course のパスがありません"))
        #expect(error.hint?.contains("course: /ROOT/COURSE") == true)
    }

    @Test(arguments: [
        ("/catalogue//course", "empty step"),
        ("/catalogue/course[1]", "contains '['"),
        ("/catalogue/@id/course", "only be the last step"),
        ("/catalogue/x:course", "prefix 'x' is not declared"),
        ("catalogue/course", "絶対パスで書いてください"),
        ("/catalogue/@code", "は属性を指しています"),
        ("/catalogue/course/", "ends with '/'"),
    ])
    func aBadCoursePathIsAnError(path: String, problem: String) throws {
        let error = try #require(throws: InputError.self) {
            try ProfileFixtures.profile(Self.yaml(course: "course: \"\(path)\""))
        }
        #expect(error.location.line == 2)
        #expect(error.location.column == 9)
        #expect(error.field == "course")
        #expect(error.description.contains(problem), "\(error)")
    }

    @Test func aBadFieldPathIsAnError() throws {
        let absolute = try #require(throws: InputError.self) {
            try ProfileFixtures.profile(Self.yaml(fields: "fields:\n  id: \"@code\"\n  title: /catalogue/title"))
        }
        #expect(absolute.location.line == 5)
        #expect(absolute.description.contains("相対パスで書いてください"))
        let dots = try #require(throws: InputError.self) {
            try ProfileFixtures.profile(Self.yaml(fields: "fields:\n  id: \"@code\"\n  title: ../title"))
        }
        #expect(dots.description.contains("can only stand alone"))
    }

    @Test func unknownFamilyAttendanceRankAndTierValuesAreErrors() throws {
        let family = try #require(throws: InputError.self) {
            try ProfileFixtures.profile(Self.yaml(
                fields: "fields:\n  id: \"@code\"\n  title: title\n  families: target",
                extra: "values:\n  families: {行政: 事務職}"))
        }
        #expect(family.location.line == 12)
        #expect(family.description.contains("職種 '事務職' はありません"))

        let attendance = try #require(throws: InputError.self) {
            try ProfileFixtures.profile(Self.yaml(extra: "values:\n  attendance:\n    オンライン: onlin"))
        }
        #expect(attendance.location.line == 13)
        #expect(attendance.description.contains("'online' の書き間違いではありませんか"))

        let rank = try #require(throws: InputError.self) {
            try ProfileFixtures.profile(Self.yaml(
                fields: "fields:\n  id: \"@code\"\n  title: title\n  ranks: rank",
                extra: "values:\n  ranks: {係長級: [係長, 班長]}"))
        }
        #expect(rank.description.contains("'班長' は方針にある職名でも"))

        let listForOne = try #require(throws: InputError.self) {
            try ProfileFixtures.profile(Self.yaml(extra: "values:\n  kind: {公募: [external, internal]}"))
        }
        #expect(listForOne.description.contains("には値を 1 つ書きます（リストは書けません）"))
    }

    @Test func aValueMapForAFieldTheProfileDoesNotReadIsAnError() throws {
        let error = try #require(throws: InputError.self) {
            try ProfileFixtures.profile(Self.yaml(extra: "values:\n  digitalTier: {DX: dx-leader}"))
        }
        #expect(error.location.line == 12)
        #expect(error.description.contains("プロファイルが読まない項目"))
    }

    @Test func fieldsNeedAnIdAndATitle() throws {
        let error = try #require(throws: InputError.self) {
            try ProfileFixtures.profile(Self.yaml(fields: "fields:\n  title: title"))
        }
        #expect(error.description.contains("fields に id がありません"))
    }

    @Test func theNameMustMatchTheFile() throws {
        let error = try #require(throws: InputError.self) {
            try ProfileFixtures.profile(Self.yaml(), file: "/etc/kenshu/profiles/other.yaml")
        }
        #expect(error.location.line == 1)
        #expect(error.description.contains("ファイルは other.yaml です"))
    }

    @Test func providerPathsMustLieOutsideTheCourse() throws {
        let inside = try #require(throws: InputError.self) {
            try ProfileFixtures.profile(Self.yaml(extra: "provider: {id: /catalogue/course/@owner}"))
        }
        #expect(inside.description.contains("研修の要素の中を指しています"))
        let otherRoot = try #require(throws: InputError.self) {
            try ProfileFixtures.profile(Self.yaml(extra: "provider: {id: /feed/@owner}"))
        }
        #expect(otherRoot.description.contains("最上位の要素 <catalogue> から始まっていません"))
        let noID = try #require(throws: InputError.self) {
            try ProfileFixtures.profile(Self.yaml(extra: "provider: {name: 研修所}"))
        }
        #expect(noID.description.contains("研修機関に id がありません"))
    }

    @Test func aSchemaThatDoesNotExistIsAnError() throws {
        let error = try #require(throws: InputError.self) {
            try ProfileFixtures.profile(Self.yaml(extra: "schema: missing.xsd"), file: "/tmp/test.yaml")
        }
        #expect(error.location.line == 11)
        #expect(error.description.contains("スキーマ /tmp/missing.xsd がありません"))
    }

    @Test func anUnknownProfileNameListsTheAvailableOnes() throws {
        let error = try #require(throws: FeedProfileError.self) {
            try FeedProfileLoader.load(name: "acadmy", inDirectory: ProfileFixtures.profiles, catalog: ProfileFixtures.catalog())
        }
        #expect(error.description.contains("no mapping profile 'acadmy'"))
        #expect(error.description.contains("academy, jichi-kenshujo"))
    }
}
