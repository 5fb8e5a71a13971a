/// メンター同士で課題を共有: mentors meet in groups of 4〜6 that mix departments. Groups stay
/// as they were from week to week: a mentor keeps their group while they mentor; newcomers
/// join the smallest group without their department; a group that shrinks below the minimum
/// is dissolved and its members placed again. (Seven mentors cannot make groups of 4〜6:
/// they make one group of seven.)
public enum PeerGroups {
    public static let minimum = 4
    public static let maximum = 6

    /// A mentor: their id and department.
    public struct Member: Sendable, Hashable {
        public var id: String
        public var department: String

        public init(id: String, department: String) {
            self.id = id
            self.department = department
        }
    }

    /// Group number per mentor id. `previous` is last week's (mentors no longer listed drop out).
    public static func arrange(_ mentors: [Member], previous: [String: Int]) -> [String: Int] {
        let byID = Dictionary(mentors.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var groups: [Int: [Member]] = [:]
        for (id, group) in previous {
            if let member = byID[id] { groups[group, default: []].append(member) }
        }
        var waiting = mentors.filter { previous[$0.id] == nil }
        // A group that fell below the minimum is dissolved (unless it is all there is).
        if mentors.count >= minimum {
            for (number, members) in groups where members.count < minimum {
                waiting += members
                groups[number] = nil
            }
        }
        waiting.sort { $0.id < $1.id }
        var nextNumber = (groups.keys.max() ?? 0) + 1
        // Open enough new groups that everyone waiting finds room, as few as the maximum
        // allows, but no more than the minimum can fill (7 mentors make one group of 7).
        let room = groups.values.reduce(0) { $0 + (maximum - $1.count) }
        let overflow = waiting.count - room
        if overflow > 0 {
            var needed = (overflow + maximum - 1) / maximum
            if overflow < minimum * needed { needed = max(1, overflow / minimum) }
            for _ in 0..<needed {
                groups[nextNumber] = []
                nextNumber += 1
            }
        }
        for member in waiting {
            let open = groups.filter { $0.value.count < maximum }
            let choice = open.min { lhs, rhs in
                let lhsSame = lhs.value.contains { $0.department == member.department }
                let rhsSame = rhs.value.contains { $0.department == member.department }
                if lhsSame != rhsSame { return !lhsSame }
                if lhs.value.count != rhs.value.count { return lhs.value.count < rhs.value.count }
                return lhs.key < rhs.key
            }
            // No room left only when the minimum forbade another group: the smallest grows.
            let smallest = groups.min { ($0.value.count, $0.key) < ($1.value.count, $1.key) }?.key
            let number = choice?.key ?? smallest ?? nextNumber
            groups[number, default: []].append(member)
        }
        var result: [String: Int] = [:]
        for (number, members) in groups { for member in members { result[member.id] = number } }
        return result
    }
}
