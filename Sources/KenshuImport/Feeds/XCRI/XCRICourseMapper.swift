import KenshuCore
import KenshuXML

/// Turns one XCRI-CAP `course` element, read whole, into a `Course` with its presentations.
/// A course without an id or a title is left out (nil) with a warning; so is a presentation
/// whose id repeats within the course, or that ends before it starts.
struct XCRICourseMapper {
    let file: String

    func course<Node: XMLElementReading>(from node: Node, provider: CourseProvider, warning: (FeedWarning) -> Void) -> Course? {
        let location = SourceLocation(file: file, line: node.line)
        let record = XCRIRecord(node)
        let title = record.firstText(.title)
        guard let id = record.preferredIdentifier else {
            let named = title.map { " (title \(XCRIFields.quoted($0)))" } ?? ""
            warning(FeedWarning("a course without dc:identifier\(named) (skipped)", at: location))
            return nil
        }
        guard let title else {
            warning(FeedWarning("the course has no dc:title (skipped)", at: location, record: id))
            return nil
        }
        return Course(
            provider: provider, id: id, title: title, summary: summary(of: record),
            url: record.firstText(.url), audienceLines: audienceLines(of: record), subjects: subjects(of: record),
            presentations: presentations(of: record, courseID: id, warning: warning), line: node.line)
    }

    /// `dc:description` as plain text: the first without an `xsi:type` (typed ones are
    /// keywords and the like), else the first typed; else the `abstract`; else empty.
    private func summary<Node>(of record: XCRIRecord<Node>) -> String {
        var bytes: [UInt8] = []
        func text(of candidate: Node) -> String? {
            bytes.removeAll(keepingCapacity: true)
            XCRIFields.appendAllText(candidate, to: &bytes)
            let text = FeedValues.plainText(&bytes)
            return text.isEmpty ? nil : text
        }
        for typed in [false, true] {
            for candidate in record.all(.description) where XCRIFields.isTyped(candidate) == typed {
                if let text = text(of: candidate) { return text }
            }
        }
        for candidate in record.all(.abstract) {
            if let text = text(of: candidate) { return text }
        }
        return ""
    }

    /// The `mlo:prerequisite`s that say whom the course is for (対象：…, 受講対象：…); other
    /// prerequisites (what one must know first) are not about whom.
    private func audienceLines<Node>(of record: XCRIRecord<Node>) -> [String] {
        var lines: [String] = []
        for prerequisite in record.all(.prerequisite) {
            let text = XCRIFields.foldedText(prerequisite)
            if AudienceLine.isAudienceLine(text), !lines.contains(text) { lines.append(text) }
        }
        return lines
    }

    /// Every `dc:subject`'s text and its `identifier` attribute (a JACS code), once each.
    private func subjects<Node>(of record: XCRIRecord<Node>) -> [String] {
        var subjects: [String] = []
        for subject in record.all(.subject) {
            let values = [
                XCRIFields.foldedText(subject),
                FeedValues.foldWhitespace(subject.attribute("identifier", namespace: "") ?? ""),
            ]
            for value in values where !value.isEmpty && !subjects.contains(value) {
                subjects.append(value)
            }
        }
        return subjects
    }

    private func presentations<Node>(
        of record: XCRIRecord<Node>, courseID: String, warning: (FeedWarning) -> Void
    ) -> [Presentation] {
        let mapper = XCRIPresentationMapper(file: file)
        var presentations: [Presentation] = []
        var seen: [String: Int] = [:]
        for (index, element) in record.all(.presentation).enumerated() {
            guard let presentation = mapper.presentation(
                from: element, courseID: courseID, position: index + 1, warning: warning)
            else { continue }
            if let firstLine = seen[presentation.id] {
                warning(FeedWarning(
                    "the presentation id repeats the one on line \(firstLine) (skipped)",
                    at: SourceLocation(file: file, line: element.line), record: "\(courseID)/\(presentation.id)"))
                continue
            }
            seen[presentation.id] = element.line
            presentations.append(presentation)
        }
        return presentations
    }
}
