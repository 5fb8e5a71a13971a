import Foundation
import KenshuCore
import Testing
@testable import KenshuStore

/// "Unchanged" sees every stored field of a course: a re-import that changes any one field
/// alone is `updated 1` and stores the new value, whichever column or JSON key holds it.
struct CourseChangeDetectionTests {
    static let provider = CourseProvider(id: "jamp", name: "市町村職員中央研修所", url: "https://www.jamp.gr.jp/")

    /// A course with every field filled.
    static let base = Course(
        provider: provider, id: "A", title: "政策形成研修", summary: "政策を形成する力を養う。", url: "https://example.jp/a",
        kind: "external.rank-based", families: [.general], ranks: ["主事"],
        audiences: [CourseAudience(ranks: ["主任"], serviceYears: YearSpan(from: 1, to: 10), rankYears: YearSpan(from: 1, to: 2))],
        audienceLines: ["対象：税務担当職員"],
        abilities: [AbilityWeight(ability: 3, weight: 0.5)],
        digitalTier: "general", subjects: ["政策法務"],
        presentations: [Presentation(id: "A-1", start: LocalDate(year: 2027, month: 1, day: 20),
                                     end: LocalDate(year: 2027, month: 1, day: 22), applyBy: LocalDate(year: 2026, month: 12, day: 20),
                                     venue: "本館", attendance: .onsite, seats: 30, cost: "無料")])

    /// One variant per field, each changing that field alone.
    static let variants: [(field: String, change: @Sendable (inout Course) -> Void)] = [
        ("title", { $0.title = "政策形成研修（応用）" }),
        ("summary", { $0.summary = "政策を立案する力を養う。" }),
        ("url", { $0.url = "https://example.jp/a2" }),
        ("kind", { $0.kind = "external.open-call.generalist" }),
        ("families", { $0.families = [.general, .nursery] }),
        ("ranks", { $0.ranks = ["主任"] }),
        ("audiences", { $0.audiences.append(CourseAudience(serviceYears: YearSpan(from: 1, to: 1))) }),
        ("audiences.ranks", { $0.audiences[0].ranks = ["係長"] }),
        ("audiences.serviceYears", { $0.audiences[0].serviceYears = YearSpan(from: 1, to: 9) }),
        ("audienceLines", { $0.audienceLines = ["対象：税務担当職員、係長"] }),
        ("audiences.rankYears", { $0.audiences[0].rankYears = YearSpan(from: 2, to: 2) }),
        ("abilities", { $0.abilities = [AbilityWeight(ability: 4, weight: 0.5)] }),
        ("abilities.weight", { $0.abilities = [AbilityWeight(ability: 3, weight: 1)] }),
        ("digitalTier", { $0.digitalTier = "dx-leader" }),
        ("subjects", { $0.subjects = ["政策法務", "財務"] }),
        ("presentations", { $0.presentations.append(Presentation(id: "A-2")) }),
        ("presentations.id", { $0.presentations[0].id = "A-9" }),
        ("presentations.start", { $0.presentations[0].start = LocalDate(year: 2027, month: 1, day: 21) }),
        ("presentations.end", { $0.presentations[0].end = LocalDate(year: 2027, month: 1, day: 23) }),
        ("presentations.applyBy", { $0.presentations[0].applyBy = LocalDate(year: 2026, month: 12, day: 21) }),
        ("presentations.venue", { $0.presentations[0].venue = "別館" }),
        ("presentations.attendance", { $0.presentations[0].attendance = .online }),
        ("presentations.seats", { $0.presentations[0].seats = 31 }),
        ("presentations.cost", { $0.presentations[0].cost = "5,000円" }),
    ]

    /// A course that stays the same, imported before the changed one, so that the changed one
    /// also goes through the path that expects "the same as the last".
    static let neighbour = Course(provider: provider, id: "0", title: "接遇研修")

    func replace(_ store: KenshuStore, _ courses: [Course]) throws -> CatalogChanges {
        try store.replaceCatalog(source: "feed.xml", format: "test") { replacement in
            for course in courses { try replacement.store(course) }
            return 0
        }
    }

    @Test func theVariantsCoverEveryFieldOfACourseAndOfAPresentation() {
        let courseFields = Set(Mirror(reflecting: Self.base).children.compactMap(\.label))
            .subtracting(["provider", "id", "line"])
        let presentationFields = Set(Mirror(reflecting: Self.base.presentations[0]).children.compactMap(\.label))
            .map { "presentations." + $0 }
        let covered = Set(Self.variants.map(\.field))
        #expect(courseFields.subtracting(covered).isEmpty, "no variant for \(courseFields.subtracting(covered).sorted())")
        #expect(Set(presentationFields).subtracting(covered).isEmpty)
    }

    @Test(arguments: variants.indices)
    func aChangeOfOneFieldAloneIsAnUpdateAndIsStored(_ index: Int) throws {
        let (field, change) = Self.variants[index]
        var changed = Self.base
        change(&changed)
        #expect(changed != Self.base, "\(field)")
        for neighbours in [[], [Self.neighbour]] {
            let store = try KenshuStore.inMemory()
            _ = try replace(store, neighbours + [Self.base])
            #expect(try replace(store, neighbours + [Self.base]).unchanged == neighbours.count + 1, "\(field)")
            let update = try replace(store, neighbours + [changed])
            #expect(update == CatalogChanges(providers: ["jamp"], updated: 1, unchanged: neighbours.count), "\(field)")
            #expect(try store.courses(provider: "jamp").last == changed, "\(field)")
            // And back: the old value is a change too.
            #expect(try replace(store, neighbours + [Self.base]).updated == 1, "\(field)")
            #expect(try store.courses(provider: "jamp").last == Self.base, "\(field)")
        }
    }
}
