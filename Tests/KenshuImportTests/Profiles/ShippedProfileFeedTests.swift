import Foundation
import KenshuConfig
import KenshuCore
import KenshuImport
import KenshuXML
import Testing

/// The example feeds in Catalog/example/feeds, read with the shipped profiles.
struct ShippedProfileFeedTests {
    static func read(_ feed: String, profile name: String) throws -> ProfileRead {
        let profile = try ProfileFixtures.shipped(name)
        let reader = try XMLStreamReader(path: ProfileFixtures.feed(feed))
        return try readWithProfile(ProfileFeedReader(reader: reader, profile: profile))
    }

    /// What every example course satisfies: a title, a kind, runs in 2026-12…2027-09 with
    /// the application deadline before the start.
    static func expectPlausible(_ read: ProfileRead) {
        let earliest = LocalDate(year: 2026, month: 12, day: 1)
        let latest = LocalDate(year: 2027, month: 9, day: 30)
        for course in read.courses {
            #expect(!course.title.isEmpty)
            #expect(course.kind != nil, "\(course.id) has a kind")
            #expect(!course.presentations.isEmpty, "\(course.id) has a presentation")
            #expect(course.url?.hasPrefix("https://www.example.jp/") == true)
            for presentation in course.presentations {
                guard let start = presentation.start, let end = presentation.end, let applyBy = presentation.applyBy,
                      let earliest, let latest
                else {
                    Issue.record("\(course.id)/\(presentation.id) has start, end and apply-by dates")
                    continue
                }
                #expect(earliest <= start && end <= latest, "\(course.id)/\(presentation.id)")
                #expect(start <= end && applyBy < start, "\(course.id)/\(presentation.id)")
                #expect(presentation.attendance != .unknown)
                #expect(presentation.seats != nil && presentation.cost != nil && presentation.venue != nil)
            }
        }
    }

    @Test func theAcademyFeedReadsWithItsProfile() throws {
        let read = try Self.read("academy.xml", profile: "academy")
        #expect(read.warnings.isEmpty, "\(read.messages)")
        #expect(read.courses.count == 19)
        Self.expectPlausible(read)
        #expect(Set(read.courses.map(\.provider.id)) == ["jamp"])
        #expect(Set(read.courses.compactMap(\.kind)) == [
            "external.rank-based", "external.open-call.generalist", "external.open-call.professional",
            "external.dispatch.long-term.academy",
        ])
        #expect(Set(read.courses.compactMap(\.digitalTier)) == ["expert", "dx-leader", "general"])

        let nursery = try #require(read.course("JA27-125"))
        #expect(nursery.families == [.nursery])
        #expect(nursery.ranks == ["園長", "nursery.shunin"])
        let manager = try #require(read.course("JA27-101"))
        #expect(manager.ranks == ["課長"])
        #expect(manager.abilities.map(\.ability) == [5, 2, 7])
        #expect(manager.presentations.map(\.id) == ["1", "2"])
        let disaster = try #require(read.course("JA27-126"))
        #expect(disaster.families == [.general, .fire])
        let longTerm = try #require(read.course("JA27-151")?.presentations.first)
        #expect(longTerm.seats == 30)
        #expect(longTerm.cost == "無料（宿泊費は派遣元負担）")
        #expect(read.courses.flatMap(\.presentations).contains { $0.attendance == .online })
        #expect(read.courses.flatMap(\.presentations).contains { $0.attendance == .blended })
    }

    @Test func theJichiKenshujoFeedReadsWithItsProfileAndOneDeliberateWarning() throws {
        let read = try Self.read("jichi-kenshujo.xml", profile: "jichi-kenshujo")
        #expect(read.courses.count == 23)
        Self.expectPlausible(read)
        #expect(Set(read.courses.map(\.provider)) == [
            CourseProvider(id: "niigata-jichiken", name: "新潟県自治研修所", url: "https://www.example.jp/niigata-jichiken/"),
        ])
        // The example's one per-record problem: a run of 接遇研修 ends before it starts.
        #expect(read.messages == ["R8-0204/2: the presentation ends (2027-02-06) before it starts (2027-02-16) (skipped)"])
        #expect(read.warnings.first?.location.line == 139)
        #expect(read.course("R8-0204")?.presentations.map(\.id) == ["1"])

        let newcomers = try #require(read.course("R9-0101"))
        #expect(newcomers.kind == "external.rank-based")
        #expect(newcomers.families.isEmpty)
        #expect(newcomers.ranks.isEmpty)
        #expect(newcomers.audiences == [CourseAudience(serviceYears: YearSpan(from: 1, to: 1))])
        #expect(newcomers.presentations.map(\.start) == [
            LocalDate(year: 2027, month: 4, day: 13), LocalDate(year: 2027, month: 4, day: 20),
        ])
        let chief = try #require(read.course("R9-0102"))
        #expect(chief.families == [.general, .nursery, .manual])
        #expect(chief.ranks == ["主任"])
        let policy = try #require(read.course("R8-0201"))
        #expect(policy.abilities.map(\.ability) == [4, 1, 9])
        #expect(policy.ranks == ["主任", "係長"])
        #expect(read.course("R9-0302")?.digitalTier == "general")
        #expect(read.course("R9-0301")?.digitalTier == "dx-leader")
        #expect(read.course("R9-0401")?.kind == "external.dispatch.prefecture-exchange")
        #expect(read.course("R9-0402")?.kind == "external.dispatch.long-term.jichi-daigakko")
        #expect(read.courses.contains { $0.title.contains("メンター") })
    }

    @Test(arguments: [("academy.xml", "academy"), ("jichi-kenshujo.xml", "jichi-kenshujo")])
    func theExampleFeedValidatesAgainstItsProfilesSchema(feed: String, profile name: String) throws {
        let profile = try ProfileFixtures.shipped(name)
        let schema = try XMLSchema(path: try #require(profile.schemaPath))
        let reader = try XMLStreamReader(path: ProfileFixtures.feed(feed), schema: schema)
        let read = try readWithProfile(ProfileFeedReader(reader: reader, profile: profile))
        #expect(!read.courses.isEmpty)
        #expect(reader.diagnostics.isEmpty, "\(reader.diagnostics)")
    }

    @Test func aFeedInTheOtherFormatIsRejectedByItsRoot() throws {
        let error = try #require(throws: XMLReadError.self) {
            try Self.read("jichi-kenshujo.xml", profile: "academy")
        }
        #expect(error.description.contains("the root is <研修計画>, the profile academy expects <catalogue>"))
    }

    /// The XCRI-CAP example goes through the XCRI-CAP reader in the import; a profile can
    /// read it too, which checks its shape and the profiles' prefix handling on a real
    /// many-namespace document (dc:, mlo: bound to other prefixes in the profile).
    @Test func theXCRIExampleHasTheExpectedShape() throws {
        let profile = try ProfileFixtures.profile("""
            namespace: http://xcri.org/profiles/1.2/catalog
            namespaces: {dce: "http://purl.org/dc/elements/1.1/", m: "http://purl.org/net/mlo"}
            provider: {id: /catalog/provider/dce:identifier, name: /catalog/provider/dce:title, url: /catalog/provider/m:url}
            course: /catalog/provider/course
            fields: {id: dce:identifier, title: dce:title, url: m:url, summary: abstract, subjects: dce:subject}
            presentation: presentation
            presentationFields:
              id: dce:identifier
              start: m:start/@dtf
              end: end/@dtf
              applyBy: applyUntil/@dtf
              venue: venue/provider/dce:title
              attendance: attendanceMode/@identifier
              seats: m:places
              cost: m:cost
            values:
              attendance: {CM: onsite, ON: online, MM: blended}
            """, file: "xcri-test.yaml")
        let reader = try XMLStreamReader(path: ProfileFixtures.feed("xcri-niigata.xml"))
        let read = try readWithProfile(ProfileFeedReader(reader: reader, profile: profile))
        #expect(read.warnings.isEmpty, "\(read.messages)")
        #expect(read.courses.count == 19)
        #expect(Set(read.courses.map(\.provider.id)) == ["https://kenshu.example.jp/niigata/"])
        for course in read.courses {
            #expect(!course.title.isEmpty && !course.subjects.isEmpty)
            #expect(!course.presentations.isEmpty, "\(course.id)")
            for presentation in course.presentations {
                let start = try #require(presentation.start)
                let applyBy = try #require(presentation.applyBy)
                #expect(applyBy < start)
                #expect(presentation.attendance != .unknown)
            }
        }
        let online = read.courses.flatMap(\.presentations).filter { $0.attendance == .online }
        #expect(!online.isEmpty && online.allSatisfy { $0.venue == nil })
        #expect(read.course("NK27-001")?.presentations.first?.venue == "新潟県消防学校")
    }
}
