import KenshuCore

/// A course as canonical JSON (fixed key order, no optional left as null), written by hand:
/// the catalogue compares each incoming course with the stored one as text, and a feed has
/// hundreds of thousands of courses, for which Foundation's `JSONEncoder` is too slow. The
/// output is what `JSONDecoder` reads back into a `Course`.
enum CourseJSON {
    static func encode(_ course: Course) -> String {
        var out = "{"
        out.reserveCapacity(256 + course.summary.utf8.count + course.title.utf8.count + 160 * course.presentations.count)
        var first = true
        func key(_ name: String) {
            if !first { out += "," }
            first = false
            out += "\"\(name)\":"
        }
        key("abilities")
        out += "[" + course.abilities.map { "{\"ability\":\($0.ability),\"weight\":\(number($0.weight))}" }
            .joined(separator: ",") + "]"
        if let tier = course.digitalTier { key("digitalTier"); string(tier, into: &out) }
        key("families"); strings(course.families.map(\.rawValue), into: &out)
        key("id"); string(course.id, into: &out)
        if let kind = course.kind { key("kind"); string(kind, into: &out) }
        key("presentations")
        out += "["
        for (index, presentation) in course.presentations.enumerated() {
            if index > 0 { out += "," }
            self.presentation(presentation, into: &out)
        }
        out += "]"
        key("provider")
        out += "{\"id\":"
        string(course.provider.id, into: &out)
        out += ",\"name\":"
        string(course.provider.name, into: &out)
        if let url = course.provider.url { out += ",\"url\":"; string(url, into: &out) }
        out += "}"
        key("ranks"); strings(course.ranks, into: &out)
        key("subjects"); strings(course.subjects, into: &out)
        key("summary"); string(course.summary, into: &out)
        key("title"); string(course.title, into: &out)
        if let url = course.url { key("url"); string(url, into: &out) }
        out += "}"
        return out
    }

    private static func presentation(_ presentation: Presentation, into out: inout String) {
        out += "{\"attendance\":\"\(presentation.attendance.rawValue)\""
        if let applyBy = presentation.applyBy { out += ",\"applyBy\":" + date(applyBy) }
        if let cost = presentation.cost { out += ",\"cost\":"; string(cost, into: &out) }
        if let end = presentation.end { out += ",\"end\":" + date(end) }
        out += ",\"id\":"
        string(presentation.id, into: &out)
        if let seats = presentation.seats { out += ",\"seats\":\(seats)" }
        if let start = presentation.start { out += ",\"start\":" + date(start) }
        if let venue = presentation.venue { out += ",\"venue\":"; string(venue, into: &out) }
        out += "}"
    }

    /// `LocalDate`'s Codable form.
    private static func date(_ date: LocalDate) -> String {
        "{\"day\":\(date.day),\"month\":\(date.month),\"year\":\(date.year)}"
    }

    private static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "0"
    }

    private static func strings(_ values: [String], into out: inout String) {
        out += "["
        for (index, value) in values.enumerated() {
            if index > 0 { out += "," }
            string(value, into: &out)
        }
        out += "]"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    private static func string(_ value: String, into out: inout String) {
        out += "\""
        let needsEscaping = value.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        guard needsEscaping else {
            out += value
            out += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
