import KenshuCore

/// A course as canonical JSON (fixed key order, no optional left as null), written by hand
/// straight into UTF-8 bytes: the catalogue compares each incoming course with the stored
/// one as text, and a feed has hundreds of thousands of courses, for which Foundation's
/// `JSONEncoder` is too slow. `StoredCourse` reads it back.
///
/// Compact: what the row's columns hold already (provider, title) is left out, and so are
/// empty lists; dates are `"2027-01-10"`. Every byte counts twice: a new catalogue writes
/// each one to the WAL, then to the database. `StoredCourse` also reads the older form (the
/// provider, the title, empty lists and dates as `{"day":…,"month":…,"year":…}`), which
/// migration 010 rewrites.
enum CourseJSON {
    static func encode(_ course: Course) -> String {
        var out = JSONBytes()
        encode(course, into: &out)
        return out.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends the course's JSON to `out` (a buffer the caller reuses from course to course).
    static func encode(_ course: Course, into out: inout JSONBytes) {
        var writer = Writer(out: out)
        writer.course(course)
        out = writer.take()
    }

    /// Appends JSON pieces to a byte buffer.
    private struct Writer: ~Copyable {
        private var out: JSONBytes
        private var first = true

        init(out: consuming JSONBytes) {
            self.out = out
        }

        /// What was written, the writer used up.
        consuming func take() -> JSONBytes {
            out
        }

        mutating func course(_ course: Course) {
            raw("{")
            if !course.abilities.isEmpty {
                key("abilities")
                raw("[")
                for (index, weight) in course.abilities.enumerated() {
                    if index > 0 { raw(",") }
                    raw("{\"ability\":")
                    text(String(weight.ability))
                    raw(",\"weight\":")
                    text(weight.weight.isFinite ? "\(weight.weight)" : "0")
                    raw("}")
                }
                raw("]")
            }
            if !course.audienceLines.isEmpty { key("audienceLines"); strings(course.audienceLines) }
            if !course.audiences.isEmpty {
                key("audiences")
                array(course.audiences) { $0.audience($1) }
            }
            if let tier = course.digitalTier { key("digitalTier"); string(tier) }
            if !course.families.isEmpty { key("families"); strings(course.families.map(\.rawValue)) }
            key("id"); string(course.id)
            if let kind = course.kind { key("kind"); string(kind) }
            if !course.presentations.isEmpty {
                key("presentations")
                array(course.presentations) { $0.presentation($1) }
            }
            if !course.ranks.isEmpty { key("ranks"); strings(course.ranks) }
            if !course.subjects.isEmpty { key("subjects"); strings(course.subjects) }
            if !course.summary.isEmpty { key("summary"); string(course.summary) }
            if let url = course.url { key("url"); string(url) }
            raw("}")
        }

        /// `[a,b]`, each element written by `element`.
        private mutating func array<Element>(_ elements: [Element], _ element: (inout Writer, Element) -> Void) {
            raw("[")
            for (index, item) in elements.enumerated() {
                if index > 0 { raw(",") }
                element(&self, item)
            }
            raw("]")
        }

        /// `{"rankYears":{"from":1,"to":1},"ranks":["係長"]}`: keys in order, none empty.
        private mutating func audience(_ audience: CourseAudience) {
            var fields: [String] = []
            if audience.rankYears != nil { fields.append("rankYears") }
            if !audience.ranks.isEmpty { fields.append("ranks") }
            if audience.serviceYears != nil { fields.append("serviceYears") }
            raw("{")
            for (index, field) in fields.enumerated() {
                if index > 0 { raw(",") }
                string(field)
                raw(":")
                switch field {
                case "rankYears": if let years = audience.rankYears { span(years) }
                case "ranks": strings(audience.ranks)
                default: if let years = audience.serviceYears { span(years) }
                }
            }
            raw("}")
        }

        private mutating func span(_ span: YearSpan) {
            raw("{\"from\":")
            integer(span.from)
            raw(",\"to\":")
            integer(span.to)
            raw("}")
        }

        private mutating func presentation(_ presentation: Presentation) {
            raw("{\"attendance\":")
            string(presentation.attendance.rawValue)
            if let applyBy = presentation.applyBy { raw(",\"applyBy\":"); date(applyBy) }
            if let cost = presentation.cost { raw(",\"cost\":"); string(cost) }
            if let end = presentation.end { raw(",\"end\":"); date(end) }
            raw(",\"id\":")
            string(presentation.id)
            if let seats = presentation.seats { raw(",\"seats\":"); integer(seats) }
            if let start = presentation.start { raw(",\"start\":"); date(start) }
            if let venue = presentation.venue { raw(",\"venue\":"); string(venue) }
            raw("}")
        }

        private mutating func key(_ name: StaticString) {
            if !first { raw(",") }
            first = false
            raw("\"")
            raw(name)
            raw("\":")
        }

        /// `"2027-01-10"` (`LocalDate.description`), its digits put straight into bytes.
        private mutating func date(_ date: LocalDate) {
            let written: Void? = date.withISOBytes { bytes in
                raw("\"")
                out.append(bytes)
                raw("\"")
            }
            if written == nil { string(date.description) }
        }

        private mutating func integer(_ value: Int) {
            guard value >= 0, value < 10_000 else { return text(String(value)) }
            // Seats: four digits at most, no String made.
            var started = false
            var divisor = 1_000
            var rest = value
            while divisor > 0 {
                let digit = rest / divisor
                rest %= divisor
                if digit > 0 || started || divisor == 1 {
                    out.append(0x30 + UInt8(digit))
                    started = true
                }
                divisor /= 10
            }
        }

        private mutating func strings(_ values: [String]) {
            raw("[")
            for (index, value) in values.enumerated() {
                if index > 0 { raw(",") }
                string(value)
            }
            raw("]")
        }

        private mutating func raw(_ literal: StaticString) {
            if literal.utf8CodeUnitCount == 1 {
                out.append(literal.utf8Start.pointee)
            } else {
                out.append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
            }
        }

        private mutating func text(_ value: String) {
            var value = value
            value.withUTF8 { out.append($0) }
        }

        /// A JSON string literal: quotes, backslashes and control characters escaped.
        private mutating func string(_ value: String) {
            raw("\"")
            var value = value
            value.withUTF8 { bytes in
                guard bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
                    out.append(bytes)
                    return
                }
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "\""): raw("\\\"")
                    case UInt8(ascii: "\\"): raw("\\\\")
                    case UInt8(ascii: "\n"): raw("\\n")
                    case UInt8(ascii: "\r"): raw("\\r")
                    case UInt8(ascii: "\t"): raw("\\t")
                    case ..<0x20:
                        raw("\\u00")
                        out.append(Self.hexDigits[Int(byte >> 4)])
                        out.append(Self.hexDigits[Int(byte & 0xF)])
                    default:
                        out.append(byte)
                    }
                }
            }
            raw("\"")
        }

        private static let hexDigits = Array("0123456789abcdef".utf8)
    }
}
