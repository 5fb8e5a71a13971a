/// Suggestions for a name that is almost right: a typo in a config key, a renamed CSV column.
public enum Spelling {
    /// The candidate closest to `name` (case-insensitive edit distance in characters), when it
    /// is close: at most `maxDistance` edits, and fewer edits than the shorter of the two has
    /// characters (so that two short, wholly different names, 所属 and 職名, are not "close").
    public static func closest(to name: String, in candidates: [String], maxDistance: Int = 2) -> String? {
        let key = Array(name.lowercased())
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased())
            let distance = editDistance(key, other)
            guard distance <= maxDistance, distance < min(key.count, other.count) else { continue }
            if best.map({ distance < $0.distance }) ?? true { best = (candidate, distance) }
        }
        return best?.candidate
    }

    /// Levenshtein distance: insertions, deletions and substitutions of one character.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1]
            for (j, cb) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
