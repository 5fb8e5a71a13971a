import KenshuCore
import KenshuXML

/// Turns one XCRI-CAP `presentation` element into a `Presentation`: its id, dates, venue,
/// attendance mode, places and cost. A presentation that ends before it starts is left out
/// (nil) with a warning; an unreadable date is left out of the presentation with a warning.
struct XCRIPresentationMapper {
    let file: String

    /// - Parameter position: 1-based position among the course's presentations, for the
    ///   id derived when the feed gives none (`<courseId>#<position>`).
    func presentation<Node: XMLElementReading>(
        from node: Node, courseID: String, position: Int, warning: (FeedWarning) -> Void
    ) -> Presentation? {
        let fields = XCRIRecord(node)
        let id = fields.preferredIdentifier ?? "\(courseID)#\(position)"
        // Names the presentation in warnings (made only when there is one).
        let record = { "\(courseID)/\(id)" }
        let dates = XCRIDates(file: file)
        let start = dates.date(fields.first(.start), field: "start", record: record(), warning: warning)
        let end = dates.date(fields.first(.end), field: "end", record: record(), warning: warning)
        let applyBy = dates.date(fields.first(.applyUntil), field: "applyUntil", record: record(), warning: warning)
        if let start, let end, end < start {
            warning(FeedWarning("the presentation ends (\(end)) before it starts (\(start)) (skipped)",
                                at: SourceLocation(file: file, line: node.line), record: record()))
            return nil
        }
        let attendanceNode = fields.first(.attendanceMode)
        let attendance = attendanceNode.map {
            XCRIAttendance.mode(identifier: $0.attribute("identifier", namespace: ""), text: XCRIFields.allText($0))
        } ?? .unknown
        let cost = fields.firstText(.cost)
        return Presentation(
            id: id, start: start, end: end, applyBy: applyBy, venue: venue(of: fields), attendance: attendance,
            seats: fields.firstText(.places).flatMap(FeedValues.integer), cost: cost)
    }

    /// The venue's name: `venue/provider/dc:title`, else the venue's own text.
    private func venue<Node>(of fields: XCRIRecord<Node>) -> String? {
        for venue in fields.all(.venue) {
            for provider in venue.children where XCRINames.isXCRIElement(provider.name, "provider") {
                if let title = XCRIRecord(provider).firstText(.title) { return title }
            }
            let text = FeedValues.foldWhitespace(venue.text)
            if !text.isEmpty { return text }
        }
        return nil
    }
}
