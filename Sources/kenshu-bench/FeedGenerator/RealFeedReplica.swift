import Foundation

/// A real feed's courses over and over (`--from-real PATH`): the bytes before its first
/// course and after its last as they are, its courses (each with what follows it up to the
/// next) in turn, round after round. From the second round on, every `identifier` inside a
/// course gets the round as a suffix (`A100` → `A100-r2`), so every course is new to the
/// importer and its presentations keep distinct ids.
///
/// Found in the bytes rather than parsed, so each copy is the institute's own writing,
/// namespaces, prefixes and escapes untouched: a course runs from a start tag whose local
/// name is `course` (any prefix) to its end tag; comments, CDATA sections and processing
/// instructions are stepped over. The feed is read whole (real ones are a megabyte or so)
/// and must be in an ASCII-compatible encoding (UTF-8); one without a course is refused.
struct RealFeedReplica: FeedCourses {
    let header: [UInt8]
    let footer: [UInt8]
    /// Each course with the bytes after it, cut after each identifier's text (where a
    /// round's suffix goes), and its number of presentations.
    private let courses: [(pieces: [ArraySlice<UInt8>], presentations: Int)]

    init(path: String) throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let found = Self.courses(in: bytes)
        guard let first = found.first, let last = found.last else {
            throw ValidationFailure("no course found (a UTF-8 XCRI-CAP feed with <course> elements is needed)")
        }
        header = Array(bytes[..<first.range.lowerBound])
        footer = Array(bytes[last.range.upperBound...])
        let newline = Array("\n".utf8)[...]
        courses = found.indices.map { index in
            let course = found[index]
            // What follows a course up to the next one (a line break after the last).
            let after = index + 1 < found.count ? bytes[course.range.upperBound..<found[index + 1].range.lowerBound] : newline
            var pieces: [ArraySlice<UInt8>] = []
            var start = course.range.lowerBound
            for cut in course.identifierEnds {
                pieces.append(bytes[start..<cut])
                start = cut
            }
            pieces.append(bytes[start..<course.range.upperBound])
            pieces.append(after)
            return (pieces, course.presentations)
        }
    }

    func appendCourse(_ index: Int, to buffer: inout [UInt8]) -> Int {
        let course = courses[index % courses.count]
        let round = index / courses.count + 1
        let suffix = Array("-r\(round)".utf8)
        for (number, piece) in course.pieces.enumerated() {
            buffer += piece
            // The last two pieces are the course's end and what follows it: no identifier ends there.
            if round > 1, number < course.pieces.count - 2 { buffer += suffix }
        }
        return course.presentations
    }

    /// A course as found: its bytes, where its identifiers' texts end (trailing white space
    /// left out), and its `presentation` start tags.
    private struct FoundCourse {
        var range: Range<Int>
        var identifierEnds: [Int] = []
        var presentations = 0
    }

    private static func courses(in bytes: [UInt8]) -> [FoundCourse] {
        var found: [FoundCourse] = []
        var current: FoundCourse?
        var index = 0
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            if let skipped = skipMarkup(bytes, at: open) {
                index = skipped
                continue
            }
            let closing = open + 1 < bytes.count && bytes[open + 1] == UInt8(ascii: "/")
            let nameStart = closing ? open + 2 : open + 1
            var nameEnd = nameStart
            while nameEnd < bytes.count, !isNameEnd(bytes[nameEnd]) { nameEnd += 1 }
            let tagEnd = endOfTag(bytes, from: nameEnd)
            let local = localName(bytes[nameStart..<nameEnd])
            let empty = !closing && tagEnd > 1 && bytes[tagEnd - 2] == UInt8(ascii: "/")
            if closing {
                if local.elementsEqual("course".utf8), var course = current {
                    course.range = course.range.lowerBound..<tagEnd
                    found.append(course)
                    current = nil
                }
            } else if current == nil {
                if local.elementsEqual("course".utf8), !empty { current = FoundCourse(range: open..<tagEnd) }
            } else if local.elementsEqual("presentation".utf8) {
                current?.presentations += 1
            } else if local.elementsEqual("identifier".utf8), !empty {
                var textEnd = bytes[tagEnd...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                while textEnd > tagEnd, isSpace(bytes[textEnd - 1]) { textEnd -= 1 }
                if textEnd > tagEnd { current?.identifierEnds.append(textEnd) }
            }
            index = tagEnd
        }
        return found
    }

    /// Past a comment, CDATA section, processing instruction or declaration starting at
    /// `open`; nil when a tag starts there.
    private static func skipMarkup(_ bytes: [UInt8], at open: Int) -> Int? {
        for (start, end) in [("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>"), ("<!", ">")]
        where bytes[open...].starts(with: start.utf8) {
            let terminator = Array(end.utf8)
            var index = open + start.utf8.count
            while index < bytes.count, !bytes[index...].starts(with: terminator) { index += 1 }
            return min(bytes.count, index + terminator.count)
        }
        return nil
    }

    /// Just past the `>` that ends a tag, stepping over quoted attribute values.
    private static func endOfTag(_ bytes: [UInt8], from start: Int) -> Int {
        var quote: UInt8?
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }

    private static func localName(_ name: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let colon = name.lastIndex(of: UInt8(ascii: ":")) else { return name }
        return name[(colon + 1)...]
    }

    private static func isNameEnd(_ byte: UInt8) -> Bool {
        isSpace(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
