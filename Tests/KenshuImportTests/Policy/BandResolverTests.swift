import KenshuCore
import Testing
@testable import KenshuImport

/// (job family, title) → exactly one band.
struct BandResolverTests {
    let catalog: PolicyCatalog

    init() throws {
        catalog = try PolicyCatalogLoader.load(catalogDirectory: CatalogPaths.catalog)
    }

    @Test(arguments: [
        (JobFamily.general, "主任", "general.shuji"),
        (JobFamily.nursery, "主任", "nursery.shunin"),
        (JobFamily.general, "係長", "general.kakaricho"),
        (JobFamily.fire, "係長", "fire.kakaricho"),
        (JobFamily.general, "課長", "general.kacho"),
        (JobFamily.fire, "課長", "fire.kacho"),
        (JobFamily.general, "主査", "general.shusa"),
        (JobFamily.fire, "主査", "fire.shusa"),
        (JobFamily.general, "技師（主査）", "general.shusa"),
        (JobFamily.general, "技師", "general.shuji"),
        (JobFamily.fire, "消防司令補", "fire.shusa"),
        (JobFamily.manual, " 主任調理員 ", "manual.shunin"),
    ])
    func resolvesAmbiguousTitlesByFamily(family: JobFamily, title: String, band: String) throws {
        let resolver = try BandResolver(catalog: catalog)
        #expect(resolver.band(family: family, title: title)?.id == band)
    }

    @Test func unknownTitleResolvesToNothing() throws {
        let resolver = try BandResolver(catalog: catalog)
        #expect(resolver.band(family: .general, title: "参与") == nil)
        #expect(resolver.band(family: .manual, title: "係長") == nil)
    }

    @Test func aliasesAddLocalTitles() throws {
        let resolver = try BandResolver(catalog: catalog, aliases: [
            .general: ["主事補": "主事", "参事": "general.kacho"],
        ])
        #expect(resolver.band(family: .general, title: "主事補")?.id == "general.shuji")
        #expect(resolver.band(family: .general, title: "参事")?.id == "general.kacho")
        #expect(resolver.band(family: .fire, title: "主事補") == nil)
    }

    @Test func rejectsAnAliasToNothing() throws {
        #expect(throws: BandResolver.AliasError.self) {
            try BandResolver(catalog: catalog, aliases: [.nursery: ["副園長": "教頭"]])
        }
        #expect(throws: BandResolver.AliasError.self) {
            try BandResolver(catalog: catalog, aliases: [.nursery: ["副園長": "general.kacho"]])
        }
    }

    @Test func readsAbilitiesInEveryForm() {
        for text in ["4", "④", "④政策形成能力", "政策形成能力", " ④ "] {
            #expect(catalog.ability(parsing: text)?.number == 4, "\(text)")
        }
        #expect(catalog.ability(parsing: "心身の健康保持能力")?.number == 3)
        #expect(catalog.ability(parsing: "11") == nil)
        #expect(catalog.ability(parsing: "法律") == nil)
    }
}
