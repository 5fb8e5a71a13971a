import KenshuCore
import KenshuMatch
import KenshuStore

/// メンター: the pairs now running with the reasons recorded when they were made, the mentees
/// the last run left without a mentor and the rule why, the mentors' peer groups, and on
/// request a dry run of the next mentor run (what `kenshu mentors --dry-run` shows).
struct MentorsView: Sendable {
    struct Pair: Sendable {
        var mentee: PersonLine
        var mentor: PersonLine
        var since: String?
        var reasons: [String]
    }

    struct Unmatched: Sendable {
        var person: PersonLine
        var reason: String
    }

    struct Group: Sendable {
        var number: Int
        var members: [PersonLine]
    }

    /// New, kept or ended pairs of a dry run.
    struct Section: Sendable {
        var heading: String
        var count: Int
        var pairs: [Pair]
        var hasPairs: Bool
        var more: Int?
    }

    struct DryRun: Sendable {
        var day: String
        var sections: [Section]
        var unmatched: [Unmatched]
        var unmatchedMore: Int?
        var hasUnmatched: Bool
        var groups: [Group]
        var groupsMore: Int?
        var note: String
    }

    var pairs: [Pair]
    var pairCount: Int
    var pairsMore: Int?
    var hasPairs: Bool
    /// The day of the run the unmatched are of (the last weekly run's, else today).
    var day: String
    var unmatched: [Unmatched]
    var unmatchedMore: Int?
    var hasUnmatched: Bool
    var groups: [Group]
    var groupsMore: Int?
    var hasGroups: Bool
    var dryRun: DryRun?
    let unmatchedHeading = MentorWording.unmatched
    let groupsHeading = MentorWording.groups

    /// Pairs (and unmatched mentees) a list shows before "ほか N 組"; groups likewise.
    static let pairLimit = 200
    static let groupLimit = 40

    /// How many of `count` a list of `limit` leaves out; nil when none.
    static func more(_ count: Int, _ limit: Int) -> Int? {
        count > limit ? count - limit : nil
    }

    /// Every staff id the page names.
    static func ids(running: [RunningMentorPair], unmatched: [UnmatchedMentee], groups: [[String]], dryRun: MentorMatching?) -> [String] {
        var ids: [String] = running.prefix(pairLimit).flatMap { [$0.mentor, $0.mentee] }
        ids += unmatched.prefix(pairLimit).map(\.mentee)
        ids += groups.prefix(groupLimit).flatMap { $0 }
        if let dryRun {
            for status in [MentorPair.Status.new, .kept, .ended] {
                ids += dryRun.pairs.filter { $0.status == status }.prefix(pairLimit).flatMap { [$0.mentor, $0.mentee] }
            }
            ids += dryRun.unmatched.prefix(pairLimit).map(\.mentee)
            ids += dryRun.groups.prefix(groupLimit).flatMap { $0 }
        }
        return ids
    }

    static func make(running: [RunningMentorPair], unmatched: [UnmatchedMentee], groups: [[String]], day: LocalDate,
                     dryRun: (day: LocalDate, result: MentorMatching)?, staff: [String: StaffMember]) -> MentorsView {
        let pairs = running.prefix(pairLimit).map {
            Pair(mentee: PersonLine($0.mentee, staff), mentor: PersonLine($0.mentor, staff), since: $0.startedOn, reasons: $0.reasons)
        }
        let groupLines = lines(groups, staff: staff)
        return MentorsView(
            pairs: pairs, pairCount: running.count, pairsMore: running.count > pairLimit ? running.count - pairLimit : nil,
            hasPairs: !pairs.isEmpty, day: day.description, unmatched: lines(unmatched, staff: staff),
            unmatchedMore: more(unmatched.count, pairLimit), hasUnmatched: !unmatched.isEmpty,
            groups: groupLines, groupsMore: more(groups.count, groupLimit), hasGroups: !groupLines.isEmpty,
            dryRun: dryRun.map { run in
                DryRun(day: run.day.description, sections: [MentorPair.Status.new, .kept, .ended].map { status in
                    let all = run.result.pairs.filter { $0.status == status }
                    return Section(heading: status.japaneseName, count: all.count, pairs: all.prefix(pairLimit).map {
                        Pair(mentee: PersonLine($0.mentee, staff), mentor: PersonLine($0.mentor, staff), since: nil, reasons: $0.reasons)
                    }, hasPairs: !all.isEmpty, more: all.count > pairLimit ? all.count - pairLimit : nil)
                }, unmatched: lines(run.result.unmatched, staff: staff), unmatchedMore: more(run.result.unmatched.count, pairLimit),
                hasUnmatched: !run.result.unmatched.isEmpty, groups: lines(run.result.groups, staff: staff),
                groupsMore: more(run.result.groups.count, groupLimit), note: MentorWording.dryRun)
            })
    }

    private static func lines(_ unmatched: [UnmatchedMentee], staff: [String: StaffMember]) -> [Unmatched] {
        unmatched.prefix(pairLimit).map { Unmatched(person: PersonLine($0.mentee, staff), reason: $0.reason) }
    }

    private static func lines(_ groups: [[String]], staff: [String: StaffMember]) -> [Group] {
        groups.prefix(groupLimit).enumerated().map { Group(number: $0.offset + 1, members: $0.element.map { PersonLine($0, staff) }) }
    }
}
