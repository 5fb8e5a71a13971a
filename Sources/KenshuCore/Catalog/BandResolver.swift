/// Resolves a member of staff's (job family, title) to exactly one rank band.
///
/// Titles such as 主任, 係長, 課長 and 主査 appear in several families, so the family is
/// always part of the key. Local titles the policy does not list (主事補, 参事 …) resolve
/// through aliases from the rules; an unknown title resolves to nothing, and callers report
/// it as a data-quality warning.
public struct BandResolver: Sendable {
    private var bandsByKey: [Key: RankBand] = [:]
    /// Every title, alias and band id it resolves, in any family (for reading 「対象：係長」).
    public private(set) var rankNames: Set<String> = []

    private struct Key: Hashable {
        var family: JobFamily
        var title: String
    }

    /// - Parameter aliases: per family, a local title → a title the policy lists or a band id.
    /// - Throws: `BandResolver.AliasError` when an alias points at nothing, or a catalogue
    ///   title repeats within a family.
    public init(catalog: PolicyCatalog, aliases: [JobFamily: [String: String]] = [:]) throws(AliasError) {
        for band in catalog.bands {
            for title in band.titles {
                let key = Key(family: band.family, title: Self.normalise(title))
                if let other = bandsByKey[key], other.id != band.id {
                    throw AliasError(family: band.family, alias: title, target: band.id,
                                     reason: "title is listed in two bands (\(other.id), \(band.id))")
                }
                bandsByKey[key] = band
            }
        }
        rankNames = catalog.rankNames
        for (family, table) in aliases {
            for (alias, target) in table.sorted(by: { $0.key < $1.key }) {
                let targetBand = catalog.band(id: target).flatMap { $0.family == family ? $0 : nil }
                    ?? bandsByKey[Key(family: family, title: Self.normalise(target))]
                guard let targetBand else {
                    throw AliasError(family: family, alias: alias, target: target,
                                     reason: "no \(family.japaneseName) band has that title or id")
                }
                bandsByKey[Key(family: family, title: Self.normalise(alias))] = targetBand
                rankNames.insert(alias)
            }
        }
    }

    /// The band for this family and title, or nil when the title is unknown for the family.
    public func band(family: JobFamily, title: String) -> RankBand? {
        bandsByKey[Key(family: family, title: Self.normalise(title))]
    }

    /// Titles compare without surrounding or inner spaces, with full-width parentheses as
    /// half-width ones: `技師（主査）` and `技師(主査)` are one title.
    static func normalise(_ title: String) -> String {
        var out = ""
        for character in title where !character.isWhitespace {
            switch character {
            case "（": out.append("(")
            case "）": out.append(")")
            default: out.append(character)
            }
        }
        return out
    }

    /// An alias in the rules that cannot be resolved.
    public struct AliasError: Error, Sendable, CustomStringConvertible {
        public var family: JobFamily
        public var alias: String
        public var target: String
        public var reason: String

        public var description: String {
            "title alias '\(alias)' → '\(target)' (\(family.japaneseName)): \(reason)"
        }
    }
}
