import Foundation
import Hummingbird
import HummingbirdTesting
import KenshuConsole
import KenshuCore
import KenshuCycle
import KenshuMail
import KenshuMatch
import Testing

/// 今週's gap heatmap and unmatched mentees, as the HR report of the week shows them.
@Suite(.serialized)
struct WeekOverviewTests {
    @Test func theHeatmapHasTheReportsDepartmentsAndTheUnmatchedTheirReasons() async throws {
        let fixture = try ConsoleFixture()
        let session = fixture.environment.reading
        let heatmap = try GapHeatmap.current(session: session)
        let lastRun = try MentorRun.run(on: try #require(LocalDate(parsing: "2026-11-25")), dryRun: true, session: session)
        #expect(!heatmap.rows.isEmpty)
        try await fixture.test { client in
            var viewer = Browser(client)
            #expect(try await viewer.logIn("etsuran").status == .seeOther)
            let week = try await viewer.get("/week")
            #expect(week.status == .ok)
            #expect(week.text.contains("\(heatmap.title)（2026-11-25 時点）"))
            for row in heatmap.rows {
                #expect(week.text.contains("<td>\(row.department) <span class=\"note\">(\(row.staff))</span></td>"), "\(row.department)")
            }
            let cell = try #require(heatmap.rows.first?.cells.first)
            #expect(week.text.contains("<td class=\"gap\(cell.shade)\">\(cell.value)</td>"))
            #expect(week.text.contains("<th title=\"\(heatmap.columns[0].name)\">①</th>"))
            #expect(week.text.contains(heatmap.legend))
            #expect(!week.text.contains("style=\""), "the console's policy forbids inline styles")
            #expect(week.text.contains("\(MentorWording.unmatched)（2026-11-25 時点）"))
            if lastRun.unmatched.isEmpty {
                #expect(week.text.contains("なし"))
            }
            for mentee in lastRun.unmatched {
                #expect(week.text.contains("<td><a href=\"/staff/\(mentee.mentee)\">\(mentee.mentee)</a></td>"))
                #expect(week.text.contains("<td>\(mentee.reason)</td>"))
            }
            let css = try await viewer.get("/static/console.css")
            #expect(css.text.contains("td.gap20 { background: #b30000;"))
        }
    }
}
