import KenshuCore

/// The policy catalogue as `kenshu catalog show --json` prints it: `abilities` as
/// `{number, name, description}`, `skillMaps` as `{name, bands: [{titles, behaviours: {"A": […]}}]}`,
/// with ids, legends, grades and ladder steps beside.
struct CatalogOutput: Encodable {
    var title: String
    var revision: String
    var vision: String
    var abilities: [AbilityView]
    var skillMaps: [SkillMapView]
    var pdca: [PDCAStage]
    var trainingKinds: [TrainingKind]
    var digitalTiers: [DigitalTier]
    var careerTracks: [CareerTrack]
    var mentorProgramme: String
    var trainingReport: String

    struct AbilityView: Encodable {
        var number: Int
        var symbol: String
        var name: String
        var description: String
    }

    struct SkillMapView: Encodable {
        var id: String
        var name: String
        var family: String
        var legend: [String: LegendView]
        var bands: [BandView]
    }

    struct LegendView: Encodable {
        var name: String
        var description: String
    }

    struct BandView: Encodable {
        var id: String
        var titles: [String]
        var grades: [String]
        var ladderStep: Int
        var managerial: Bool
        var behaviours: [String: [String]]
    }

    init(_ catalog: PolicyCatalog) {
        title = catalog.title
        revision = catalog.revision
        vision = catalog.vision
        abilities = catalog.abilities.map {
            AbilityView(number: $0.number, symbol: $0.symbol, name: $0.name, description: $0.description)
        }
        skillMaps = catalog.skillMaps.map { map in
            SkillMapView(
                id: map.id, name: map.name, family: map.family.japaneseName,
                legend: Dictionary(uniqueKeysWithValues: map.legend.map {
                    ($0.category.rawValue, LegendView(name: $0.name, description: $0.description))
                }),
                bands: map.bands.map { band in
                    BandView(id: band.id, titles: band.titles, grades: band.grades, ladderStep: band.ladderStep,
                             managerial: band.managerial,
                             behaviours: Dictionary(uniqueKeysWithValues: band.behaviours.map { ($0.key.rawValue, $0.value) }))
                })
        }
        pdca = catalog.pdcaStages
        trainingKinds = catalog.trainingKinds
        digitalTiers = catalog.digitalTiers
        careerTracks = catalog.careerTracks
        mentorProgramme = catalog.mentorProgramme
        trainingReport = catalog.trainingReport
    }
}

/// The catalogue as text for people.
enum CatalogText {
    static func render(_ catalog: PolicyCatalog) -> String {
        var out = "\(catalog.title)（\(catalog.revision)）\n目指す職員像: \(catalog.vision)\n\n"
        out += "■ 求められる10の能力\n"
        for ability in catalog.abilities {
            out += "  \(ability.label)\n      \(ability.description)\n"
        }
        for map in catalog.skillMaps {
            out += "\n■ スキルマップ【\(map.name)】\n"
            for legend in map.legend {
                out += "  (\(legend.category.rawValue)) \(legend.name): \(legend.description)\n"
            }
            for band in map.bands {
                let grades = band.grades.isEmpty ? "" : " (\(band.grades.joined(separator: "・")))"
                let role = band.managerial ? "、管理監督職" : ""
                out += "  ◆ \(band.titles.joined(separator: "・"))\(grades)  [\(band.id), 段階 \(band.ladderStep)\(role)]\n"
                for category in SkillCategory.allCases {
                    guard let lines = band.behaviours[category] else { continue }
                    for line in lines { out += "      (\(category.rawValue)) ・\(line)\n" }
                }
            }
        }
        out += "\n■ PDCAサイクルと求められる主な能力\n"
        for stage in catalog.pdcaStages {
            let names = stage.abilities.compactMap { catalog.ability(number: $0)?.label }
            out += "  \(stage.name)" + (names.isEmpty ? "" : ": \(names.joined(separator: "、"))") + "\n"
        }
        out += "\n■ 研修の種類\n"
        for item in catalog.trainingKinds { out += trainingKind(item, depth: 1) }
        out += "\n■ デジタル人材: " + catalog.digitalTiers.map(\.name).joined(separator: "、") + "\n"
        out += "■ キャリア: " + catalog.careerTracks.map(\.name).joined(separator: "、") + "\n"
        return out
    }

    private static func trainingKind(_ kind: TrainingKind, depth: Int) -> String {
        String(repeating: "  ", count: depth) + "\(kind.name) [\(kind.id)]\n"
            + kind.children.map { trainingKind($0, depth: depth + 1) }.joined()
    }
}
