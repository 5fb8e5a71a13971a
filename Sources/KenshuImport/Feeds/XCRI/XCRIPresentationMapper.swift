import KenshuCore
import KenshuXML

/// Turns one XCRI-CAP `presentation` element into a `Presentation`: its id, dates, venue,
/// attendance mode, places and cost. A presentation that ends before it starts is left out
/// (nil) with a warning; an unreadable date is left out of the presentation with a warning.
struct XCRIPresentationMapper {
    let file: String

    /// - Parameter position: 1-based position among the course's presentations, for the
    ///   id derived when the feed gives none (`<courseId>#<position>`).
    func presentation(
        from node: XMLNode, courseID: String, position: Int, warning: (FeedWarning) -> Void
    ) -> Presentation? {
        let id = XCRIFields.preferredIdentifier(in: node) ?? "\(courseID)#\(position)"
        let record = "\(courseID)/\(id)"
        let dates = XCRIDates(file: file)
        let start = dates.date(XCRIFields.first("start", in: node), field: "start", record: record, warning: warning)
        let end = dates.date(XCRIFields.first("end", in: node), field: "end", record: record, warning: warning)
        let applyBy = dates.date(
            XCRIFields.first("applyUntil", in: node), field: "applyUntil", record: record, warning: warning)
        if let start, let end, end < start {
            warning(FeedWarning("the presentation ends (\(end)) before it starts (\(start)) (skipped)",
                                at: SourceLocation(file: file, line: node.line), record: record))
            return nil
        }
        let attendanceNode = XCRIFields.first("attendanceMode", in: node)
        let attendance = attendanceNode.map {
            XCRIAttendance.mode(identifier: $0.attribute("identifier"), text: XCRIFields.allText($0))
        } ?? .unknown
        let cost = XCRIFields.firstText("cost", in: node)
        return Presentation(
            id: id, start: start, end: end, applyBy: applyBy, venue: venue(of: node), attendance: attendance,
            seats: XCRIFields.firstText("places", in: node).flatMap(FeedValues.integer), cost: cost)
    }

    /// The venue's name: `venue/provider/dc:title`, else the venue's own text.
    private func venue(of node: XMLNode) -> String? {
        for venue in XCRIFields.all("venue", in: node) {
            for provider in venue.children where XCRINames.isXCRIElement(provider.name, "provider") {
                if let title = XCRIFields.firstText("title", in: provider) { return title }
            }
            let text = FeedValues.foldWhitespace(venue.text)
            if !text.isEmpty { return text }
        }
        return nil
    }
}
