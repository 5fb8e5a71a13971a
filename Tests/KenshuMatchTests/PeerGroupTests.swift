import Testing
@testable import KenshuMatch

/// Peer groups: 4〜6 mixing departments, stable from week to week.
struct PeerGroupTests {
    func mentors(_ count: Int, departments: Int = 4) -> [PeerGroups.Member] {
        (0..<count).map { PeerGroups.Member(id: "M\($0 + 100)", department: "課\($0 % departments)") }
    }

    func sizes(_ groups: [String: Int]) -> [Int] {
        Dictionary(grouping: groups.values, by: { $0 }).values.map(\.count).sorted()
    }

    @Test(arguments: [4, 5, 6, 8, 11, 12, 23, 56])
    func everyGroupHasFourToSixAndMixesDepartments(count: Int) {
        let list = mentors(count)
        let groups = PeerGroups.arrange(list, previous: [:])
        #expect(groups.count == count)
        #expect(sizes(groups).allSatisfy { (PeerGroups.minimum...PeerGroups.maximum).contains($0) }, "\(sizes(groups))")
        for number in Set(groups.values) {
            let departments = list.filter { groups[$0.id] == number }.map(\.department)
            #expect(Set(departments).count > 1, "group \(number): \(departments)")
        }
    }

    @Test func sevenMentorsMakeOneGroup() {
        #expect(sizes(PeerGroups.arrange(mentors(7), previous: [:])) == [7])
    }

    @Test func nextWeekTheSameMentorsKeepTheirGroupsAndANewcomerJoinsOne() {
        let list = mentors(23)
        let week1 = PeerGroups.arrange(list, previous: [:])
        #expect(PeerGroups.arrange(list, previous: week1) == week1)
        let newcomer = PeerGroups.Member(id: "M999", department: "課0")
        let week2 = PeerGroups.arrange(list + [newcomer], previous: week1)
        for mentor in list { #expect(week2[mentor.id] == week1[mentor.id]) }
        #expect(week2["M999"] != nil)
    }

    @Test func aGroupThatShrinksBelowFourIsDissolvedAndItsMembersPlaced() {
        let list = mentors(20)
        let week1 = PeerGroups.arrange(list, previous: [:])
        let target = week1["M100"] ?? 0
        let leaving = Set(list.filter { week1[$0.id] == target }.prefix(2).map(\.id))
        let remaining = list.filter { !leaving.contains($0.id) }
        let week2 = PeerGroups.arrange(remaining, previous: week1)
        #expect(week2.count == remaining.count)
        #expect(sizes(week2).allSatisfy { (PeerGroups.minimum...PeerGroups.maximum).contains($0) }, "\(sizes(week2))")
    }
}
