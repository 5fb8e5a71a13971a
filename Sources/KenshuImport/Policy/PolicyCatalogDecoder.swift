import KenshuCore
import KenshuXML

/// Turns the validated catalogue tree into `PolicyCatalog` values. The schema has checked
/// shapes and types; this checks what a schema cannot say (ability numbers 1…10 in order,
/// a band's titles unique within its family) and reports with line numbers.
struct PolicyCatalogDecoder {
    let file: String

    func decode(_ root: XMLNode) throws(InputError) -> PolicyCatalog {
        let source = try required(root.child("source"), in: root)
        let abilities = try (root.child("abilities")?.children("ability") ?? []).map(ability)
        let expected = Array(1...10)
        guard abilities.map(\.number) == expected else {
            throw error("abilities must be numbered 1 to 10 in order", at: root.child("abilities") ?? root)
        }
        let maps = try (root.child("skillMaps")?.children("skillMap") ?? []).map(skillMap)
        return PolicyCatalog(
            title: try attribute("title", of: source),
            revision: try attribute("revision", of: source),
            vision: root.child("vision")?.text ?? "",
            abilities: abilities,
            skillMaps: maps,
            pdcaStages: (root.child("pdca")?.children("stage") ?? []).map(pdcaStage),
            trainingKinds: try (root.child("trainingKinds")?.children("kind") ?? []).map(trainingKind),
            digitalTiers: try (root.child("digitalTiers")?.children("tier") ?? []).map { node throws(InputError) in
                DigitalTier(id: try attribute("id", of: node), name: try attribute("name", of: node))
            },
            careerTracks: try (root.child("careerTracks")?.children("track") ?? []).map { node throws(InputError) in
                CareerTrack(id: try attribute("id", of: node), name: try attribute("name", of: node),
                            description: node.text, yearsFromHiring: node.attribute("yearsFromHiring").flatMap { Int($0) })
            },
            mentorProgramme: root.child("mentorProgramme")?.text ?? "",
            trainingReport: root.child("trainingReport")?.text ?? ""
        )
    }

    private func ability(_ node: XMLNode) throws(InputError) -> Ability {
        guard let number = Int(try attribute("number", of: node)) else {
            throw error("ability number is not a number", at: node)
        }
        return Ability(number: number, name: try attribute("name", of: node), description: node.text)
    }

    private func skillMap(_ node: XMLNode) throws(InputError) -> SkillMap {
        let familyName = try attribute("family", of: node)
        guard let family = JobFamily(parsing: familyName) else {
            throw error("unknown job family '\(familyName)'", at: node)
        }
        let legend = try (node.child("legend")?.children("category") ?? []).map { item throws(InputError) in
            SkillCategoryLegend(category: try category(item, attribute: "code"), name: try attribute("name", of: item),
                                description: item.text)
        }
        let bands = try node.children("band").map { band throws(InputError) in try rankBand(band, family: family) }
        return SkillMap(id: try attribute("id", of: node), name: try attribute("name", of: node), family: family,
                        legend: legend, bands: bands)
    }

    private func rankBand(_ node: XMLNode, family: JobFamily) throws(InputError) -> RankBand {
        var behaviours: [SkillCategory: [String]] = [:]
        for group in node.children("behaviours") {
            behaviours[try category(group, attribute: "category")] = group.children("line").map(\.text)
        }
        guard let step = Int(try attribute("step", of: node)) else {
            throw error("band step is not a number", at: node)
        }
        return RankBand(
            id: try attribute("id", of: node), family: family,
            titles: node.children("title").map(\.text), grades: node.children("grade").map(\.text),
            ladderStep: step, managerial: try attribute("managerial", of: node) == "true",
            behaviours: behaviours)
    }

    private func pdcaStage(_ node: XMLNode) -> PDCAStage {
        PDCAStage(name: node.attribute("name") ?? "",
                  abilities: node.children("ability").compactMap { $0.attribute("ref").flatMap { Int($0) } })
    }

    private func trainingKind(_ node: XMLNode) throws(InputError) -> TrainingKind {
        TrainingKind(id: try attribute("id", of: node), name: try attribute("name", of: node),
                     description: node.child("description")?.text ?? "",
                     children: try node.children("kind").map(trainingKind))
    }

    private func category(_ node: XMLNode, attribute name: String) throws(InputError) -> SkillCategory {
        let code = try attribute(name, of: node)
        guard let category = SkillCategory(rawValue: code) else {
            throw error("unknown skill category '\(code)'", at: node)
        }
        return category
    }

    private func attribute(_ name: String, of node: XMLNode) throws(InputError) -> String {
        guard let value = node.attribute(name) else {
            throw error("<\(node.name.local)> has no \(name) attribute", at: node)
        }
        return value
    }

    private func required(_ node: XMLNode?, in parent: XMLNode) throws(InputError) -> XMLNode {
        guard let node else { throw error("a required element is missing", at: parent) }
        return node
    }

    private func error(_ message: String, at node: XMLNode) -> InputError {
        InputError(message, at: SourceLocation(file: file, line: node.line))
    }
}
