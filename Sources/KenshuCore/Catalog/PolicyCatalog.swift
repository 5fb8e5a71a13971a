/// The city's HR development policy (人材育成基本方針) as data: the 10 abilities, the skill
/// maps with their rank bands, the PDCA table, the kinds of training, the digital talent
/// tiers, the career tracks and the texts quoted from it (mentor programme, 復命書).
public struct PolicyCatalog: Sendable, Hashable, Codable {
    /// e.g. `小千谷市人材育成基本方針`.
    public var title: String
    /// e.g. `令和8年3月改訂`.
    public var revision: String
    /// 目指す職員像, verbatim.
    public var vision: String
    public var abilities: [Ability]
    public var skillMaps: [SkillMap]
    public var pdcaStages: [PDCAStage]
    public var trainingKinds: [TrainingKind]
    public var digitalTiers: [DigitalTier]
    public var careerTracks: [CareerTrack]
    /// メンター制度, verbatim.
    public var mentorProgramme: String
    /// 研修修了後の目標設定と職場における成果の共有 (what a 復命書 must say), verbatim.
    public var trainingReport: String

    public init(
        title: String, revision: String, vision: String, abilities: [Ability], skillMaps: [SkillMap],
        pdcaStages: [PDCAStage], trainingKinds: [TrainingKind], digitalTiers: [DigitalTier],
        careerTracks: [CareerTrack], mentorProgramme: String, trainingReport: String
    ) {
        self.title = title
        self.revision = revision
        self.vision = vision
        self.abilities = abilities
        self.skillMaps = skillMaps
        self.pdcaStages = pdcaStages
        self.trainingKinds = trainingKinds
        self.digitalTiers = digitalTiers
        self.careerTracks = careerTracks
        self.mentorProgramme = mentorProgramme
        self.trainingReport = trainingReport
    }

    /// Every band of every map.
    public var bands: [RankBand] { skillMaps.flatMap(\.bands) }

    public func band(id: String) -> RankBand? { bands.first { $0.id == id } }

    /// Every title (職名) and band id of the skill maps: what a course's ranks may name.
    public var rankNames: Set<String> { Set(bands.flatMap { [$0.id] + $0.titles }) }

    public func ability(number: Int) -> Ability? { abilities.first { $0.number == number } }

    /// Reads an ability from `4`, `④`, `④政策形成能力`, `政策形成能力`, or a name without its gloss.
    public func ability(parsing text: String) -> Ability? {
        AbilityIndex(abilities).ability(parsing: text)
    }

    public func digitalTier(parsing text: String) -> DigitalTier? {
        let key = text.trimmingWhitespace()
        return digitalTiers.first { $0.name == key || $0.id == key }
    }

    public func careerTrack(parsing text: String) -> CareerTrack? {
        let key = text.trimmingWhitespace()
        return careerTracks.first { $0.name == key || $0.id == key }
    }
}
