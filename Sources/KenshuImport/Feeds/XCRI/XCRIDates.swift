import KenshuCore
import KenshuXML

/// Reads a temporal element of XCRI-CAP (`mlo:start`, `end`, `applyUntil`): its `dtf`
/// attribute is authoritative; the text is for display and may be prose (`Monday 30
/// September 2013`), used only when there is no usable `dtf`. A date that cannot be read
/// is left out with a warning.
struct XCRIDates {
    let file: String

    /// - Parameter record: names the record in warnings (made only when there is one).
    func date<Node: XMLElementReading>(
        _ node: Node?, field: String, record: @autoclosure () -> String, warning: (FeedWarning) -> Void
    ) -> LocalDate? {
        guard let node else { return nil }
        let dtf = (node.attribute("dtf", namespace: "") ?? "").trimmingWhitespace()
        if !dtf.isEmpty, let date = FeedValues.date(dtf) { return date }
        // No usable dtf: the text.
        let text = XCRIFields.foldedText(node)
        let location = SourceLocation(file: file, line: node.line)
        if !dtf.isEmpty {
            if let date = FeedValues.date(text) {
                warning(FeedWarning(
                    "\(field): dtf \(XCRIFields.quoted(dtf)) is not a date; the text \(XCRIFields.quoted(text)) is used",
                    at: location, record: record()))
                return date
            }
            warning(FeedWarning("\(field): dtf \(XCRIFields.quoted(dtf)) is not a date (left out)",
                                at: location, record: record()))
            return nil
        }
        guard !text.isEmpty else { return nil }
        if let date = FeedValues.date(text) { return date }
        warning(FeedWarning(
            "\(field): \(XCRIFields.quoted(text)) is not a date and there is no dtf attribute (left out)",
            at: location, record: record()))
        return nil
    }
}
