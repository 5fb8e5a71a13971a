import Foundation
import KenshuConfig
import KenshuCore
import KenshuCycle
import KenshuMatch
import KenshuTesting

/// The example city with its three feeds, imported by a weekly run of 2026-11-25, and that
/// week's matching, for properties checked over everyone.
struct ExampleCityWeek {
    let city: TemporaryCity
    let session: Session
    let day: LocalDate
    let week: CourseRecommendations.Week
    /// The week's courses by provider and id.
    let courses: [String: Course]

    init() throws {
        city = try TemporaryCity()
        try city.appendConfig(TemporaryCity.exampleData(feeds: ["academy.xml", "jichi-kenshujo.xml", "xcri-niigata.xml"]))
        session = try Session.open(try Setup.load(configPath: city.config))
        _ = try WeeklyCycle.run(session: session, options: WeeklyCycle.Options(date: "2026-11-25", dryRun: false))
        day = LocalDate(year: 2026, month: 11, day: 25) ?? LocalDate(daysSinceEpoch: 0)
        week = try CourseRecommendations.week(on: day, session: session)
        courses = Dictionary(week.listings.map { (Self.key($0.course.provider.id, $0.course.id), $0.course) },
                             uniquingKeysWith: { first, _ in first })
    }

    /// The course a recommendation is of.
    func course(of recommendation: Recommendation) -> Course? {
        courses[Self.key(recommendation.provider, recommendation.courseID)]
    }

    private static func key(_ provider: String, _ id: String) -> String { "\(provider)\u{1F}\(id)" }
}
