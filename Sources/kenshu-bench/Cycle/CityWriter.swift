import Foundation
import KenshuCore

/// Writes a scaled example city into a folder: the HR exports, the feeds and a kenshu.yaml
/// that keeps state and spool inside the folder.
struct CityWriter {
    let folder: URL
    let catalog: String
    let day: LocalDate
    let staff: Int
    let presentations: Int
    let seed: UInt64

    struct Written {
        var staff: Int
        var ratings: Int
        var trainings: Int
        /// A member of staff to time the one-person commands with (a 係長 with recommendations, as a rule).
        var person: String
    }

    func write() throws -> Written {
        let copies = max(1, Int((Double(staff) / 456).rounded()))
        let files = ExampleCityFiles(asOf: day, seed: seed, copies: copies)
        let data = folder.appendingPathComponent("data")
        try files.write(to: data)
        let feeds = folder.appendingPathComponent("feeds")
        try FileManager.default.createDirectory(at: feeds, withIntermediateDirectories: true)
        for name in ["xcri-niigata.xml", "academy.xml", "jichi-kenshujo.xml"] {
            let target = feeds.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(atPath: "\(catalog)/example/feeds/\(name)", toPath: target.path)
        }
        try CycleFeedWriter(courses: max(1, presentations / 2), asOf: day).write(to: feeds.appendingPathComponent("cycle.xml").path)
        try """
            # Written by kenshu-bench cycle: \(files.people.count) staff as of \(day).
            catalog: \(catalog)
            state: state
            rules: \(catalog)/example/rules.yaml
            timezone: Asia/Tokyo
            inbox: state/incoming
            spool: state/outgoing
            data:
              roster: data/roster.csv
              evaluations: data/evaluations.csv
              history: data/history.csv
            hr:
              addresses: [jinji@example.jp]
            feeds:
              sources: [feeds/xcri-niigata.xml, feeds/academy.xml, feeds/jichi-kenshujo.xml, feeds/cycle.xml]
            mail:
              from: jinji@example.jp
              fromName: 人事課 人材育成担当
              contact: 人事課 人材育成担当（jinji@example.jp）

            """.write(to: folder.appendingPathComponent("kenshu.yaml"), atomically: true, encoding: .utf8)
        let person = files.people.first { $0.title == "係長" && !$0.email.isEmpty }?.id ?? files.people.first?.id ?? ""
        return Written(staff: files.people.count, ratings: files.evaluations.count, trainings: files.history.count, person: person)
    }
}
