import ArgumentParser
import Foundation
import KenshuImport
import KenshuCore
import KenshuMatch

/// `kenshu-bench mentors --mentees N --mentors M`: times the whole mentor run of the matching
/// core (every hard rule for every mentee × mentor, quality, exact pairing) on synthetic staff.
struct MentorBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentors", abstract: "Time the mentor run on generated mentees and mentors.")

    @Option(help: "Mentees (young staff).")
    var mentees = 5_000

    @Option(help: "Mentor-trained staff.")
    var mentors = 3_000

    @Option(help: "The folder that holds policy/ (the policy catalogue).")
    var catalog = "Catalog"

    func run() throws {
        let policy = try PolicyCatalogLoader.load(catalogDirectory: catalog)
        let today = LocalDate(year: 2026, month: 11, day: 25) ?? LocalDate(daysSinceEpoch: 0)
        var random = SeededRandom(seed: 5)
        let entry = policy.bands.filter { $0.ladderStep == 1 }
        let senior = policy.bands.filter { $0.ladderStep >= 3 }
        func person(_ id: String, band: RankBand, years: Int, trained: Bool) -> MentorPerson {
            let staff = StaffMember(
                id: id, name: id, email: nil, family: band.family, department: "課\(Int.random(in: 0..<50, using: &random))",
                section: "", title: band.titles[0], hiredOn: today.adding(months: -12 * years - 1),
                rankSince: today.adding(months: -60), track: nil, digitalTier: nil, mentorTrained: trained, managerID: nil,
                optedOut: false)
            let gaps = (1...10).map {
                AbilityGap(ability: $0, expected: 3, evaluated: Double(Int.random(in: 10...50, using: &random)) / 10, fromPrior: false)
            }
            return MentorPerson(staff: staff, band: band, gaps: gaps, mentorTrained: trained)
        }
        var people: [MentorPerson] = []
        for index in 0..<mentees {
            people.append(person("E\(index)", band: entry[index % entry.count], years: 1, trained: false))
        }
        for index in 0..<mentors {
            people.append(person("R\(index)", band: senior[index % senior.count], years: 15, trained: true))
        }
        let matcher = MentorMatcher(rules: MentorRules(), catalog: policy)
        var result: MentorMatching?
        let elapsed = ContinuousClock().measure { result = matcher.match(people, on: today) }
        let seconds = elapsed.inSeconds
        // The total quality, to compare solvers: an exact one never does worse.
        let byID = Dictionary(people.map { ($0.staff.id, $0) }, uniquingKeysWith: { first, _ in first })
        let quality = (result?.pairs ?? []).reduce(Int64(0)) { total, pair in
            guard let mentor = byID[pair.mentor], let mentee = byID[pair.mentee] else { return total }
            return total + matcher.quality(mentor: mentor, mentee: mentee)
        }
        print(String(format: "mentors: %d mentees × %d mentors: %.2f s, %d paired (total quality %lld), %d unmatched", mentees,
                     mentors, seconds, result?.pairs.count ?? 0, quality, result?.unmatched.count ?? 0))
    }
}
