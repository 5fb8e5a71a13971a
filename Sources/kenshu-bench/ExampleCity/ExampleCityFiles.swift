import Foundation
import KenshuCore
import KenshuImport

/// The example city's HR exports, generated for a given day, and their writing to a folder.
struct ExampleCityFiles {
    static let rosterHeader = [
        "職員番号", "氏名", "メール", "職種", "所属", "係", "職名", "採用日", "現職位発令日", "キャリア",
        "デジタル人材区分", "メンター研修修了", "上司職員番号", "配信停止",
    ]

    var people: [ExamplePerson]
    var evaluations: [[String]]
    var history: [[String]]

    init(people: [ExamplePerson], evaluations: [[String]], history: [[String]]) {
        self.people = people
        self.evaluations = evaluations
        self.history = history
    }

    init(asOf: LocalDate, seed: UInt64) {
        people = RosterBuilder.build(asOf: asOf, seed: seed)
        evaluations = EvaluationsBuilder.rows(for: people, asOf: asOf, seed: seed)
        history = HistoryBuilder.rows(for: people, asOf: asOf, seed: seed)
    }

    var rosterRows: [[String]] {
        people.map { person in
            [
                person.id, person.name, person.email, person.family.japaneseName, person.department,
                person.section, person.title, person.dateStyle.format(person.hiredOn),
                person.dateStyle.format(person.rankSince), person.track, person.digitalTier,
                person.mentorTrained ? "○" : "", person.managerID, person.optedOut ? "○" : "",
            ]
        }
    }

    /// Writes `roster.csv` (UTF-8, LF), `roster-cp932.csv` (CP932, CRLF, as Windows HR
    /// systems write it), `evaluations.csv` and `history.csv` into `directory`.
    func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let roster = rosterRows
        try write(CSVText.render(header: Self.rosterHeader, rows: roster), to: directory, "roster.csv")
        let windows = CSVText.render(header: Self.rosterHeader, rows: roster, lineEnding: "\r\n")
        try Data(CP932.encode(windows)).write(to: directory.appendingPathComponent("roster-cp932.csv"), options: .atomic)
        try write(CSVText.render(header: EvaluationsBuilder.header, rows: evaluations), to: directory, "evaluations.csv")
        try write(CSVText.render(header: HistoryBuilder.header, rows: history), to: directory, "history.csv")
    }

    private func write(_ text: String, to directory: URL, _ name: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name), options: .atomic)
    }
}
