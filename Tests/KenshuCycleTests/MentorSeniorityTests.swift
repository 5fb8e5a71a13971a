import Foundation
import KenshuConfig
import KenshuCore
import KenshuCycle
import KenshuMatch
import KenshuTesting
import Testing

/// Over every pair the example city's mentor run makes: the mentor is senior to the mentee
/// (a higher step of the same ladder, or clearly longer in service), and every reason printed
/// for the pair is true of it.
struct MentorSeniorityTests {
    @Test func everyMentorIsSeniorAndEveryReasonIsTrue() throws {
        let city = try TemporaryCity()
        defer { city.remove() }
        try city.appendConfig(TemporaryCity.exampleData(feeds: ["academy.xml"]))
        let session = try Session.open(try Setup.load(configPath: city.config))
        _ = try WeeklyCycle.run(session: session, options: WeeklyCycle.Options(date: "2026-11-25", dryRun: false))
        let day = try #require(LocalDate(parsing: "2026-11-25"))
        let result = try MentorRun.run(on: day, dryRun: true, session: session)
        let staff = Dictionary(uniqueKeysWithValues: try session.store.allStaff().map { ($0.id, $0) })
        let rules = session.rules.mentors
        func years(_ member: StaffMember) -> Int { member.hiredOn.map { $0.months(until: day) / 12 } ?? 0 }
        #expect(result.pairs.count > 20)
        for pair in result.pairs where pair.status != .ended {
            let mentor = try #require(staff[pair.mentor])
            let mentee = try #require(staff[pair.mentee])
            let mentorBand = try #require(session.resolver.band(family: mentor.family, title: mentor.title))
            let menteeBand = session.resolver.band(family: mentee.family, title: mentee.title)
            let longer = years(mentor) >= years(mentee) + rules.seniorityYearsMoreInService
            if mentorBand.family == menteeBand?.family {
                let step = menteeBand?.ladderStep ?? 0
                #expect(mentorBand.ladderStep > step || (mentorBand.ladderStep == step && longer),
                        "\(mentor.title) \(years(mentor)) y for \(mentee.title) \(years(mentee)) y")
            } else {
                #expect(mentorBand.managerial && longer,
                        "\(mentor.family) \(mentor.title) \(years(mentor)) y for \(mentee.family) \(mentee.title) \(years(mentee)) y")
            }
            for reason in pair.reasons {
                if reason.contains("異なる所属") { #expect(mentor.department != mentee.department) }
                if reason.contains("採用") && reason.contains("年以内") {
                    #expect(years(mentee) < rules.menteeHiredWithinYears, "\(reason)")
                }
                if reason.contains("に昇任して") { #expect(reason.contains(mentee.title), "\(reason)") }
            }
        }
    }
}
