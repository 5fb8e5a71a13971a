import KenshuCore

/// A course row's JSON (`CourseJSON`) as read back: with the provider and title of the row's
/// columns it makes the `Course`. Reads rows of both forms the store has written: the compact
/// one, and the one before migration 010 (provider and title inside, every list present,
/// dates as `{"day":…,"month":…,"year":…}`), whose provider and title it ignores.
struct StoredCourse: Decodable {
    var id: String
    var summary: String
    var url: String?
    var kind: String?
    var families: [JobFamily]
    var ranks: [String]
    var audiences: [CourseAudience]
    var audienceLines: [String]
    var abilities: [AbilityWeight]
    var digitalTier: String?
    var subjects: [String]
    var presentations: [Presentation]

    private enum Key: String, CodingKey {
        case id, summary, url, kind, families, ranks, audiences, audienceLines, abilities, digitalTier, subjects, presentations
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        id = try container.decode(String.self, forKey: .id)
        summary = try container.decodeIfPresent(String.self, forKey: .summary) ?? ""
        url = try container.decodeIfPresent(String.self, forKey: .url)
        kind = try container.decodeIfPresent(String.self, forKey: .kind)
        families = try container.decodeIfPresent([JobFamily].self, forKey: .families) ?? []
        ranks = try container.decodeIfPresent([String].self, forKey: .ranks) ?? []
        audiences = try container.decodeIfPresent([CourseAudience].self, forKey: .audiences) ?? []
        audienceLines = try container.decodeIfPresent([String].self, forKey: .audienceLines) ?? []
        abilities = try container.decodeIfPresent([AbilityWeight].self, forKey: .abilities) ?? []
        digitalTier = try container.decodeIfPresent(String.self, forKey: .digitalTier)
        subjects = try container.decodeIfPresent([String].self, forKey: .subjects) ?? []
        presentations = try container.decodeIfPresent([StoredPresentation].self, forKey: .presentations)?
            .map(\.presentation) ?? []
    }

    func course(provider: CourseProvider, title: String) -> Course {
        Course(provider: provider, id: id, title: title, summary: summary, url: url, kind: kind, families: families,
               ranks: ranks, audiences: audiences, audienceLines: audienceLines, abilities: abilities, digitalTier: digitalTier, subjects: subjects,
               presentations: presentations)
    }
}

/// A presentation in a course row's JSON, its dates in either form (see `StoredCourse`).
private struct StoredPresentation: Decodable {
    var presentation: Presentation

    private enum Key: String, CodingKey {
        case id, start, end, applyBy, venue, attendance, seats, cost
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        func date(_ key: Key) throws -> LocalDate? {
            guard container.contains(key) else { return nil }
            if let text = try? container.decode(String.self, forKey: key) {
                guard let date = Self.date(text) else {
                    throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not a date: \(text)")
                }
                return date
            }
            return try container.decode(LocalDate.self, forKey: key)
        }
        presentation = Presentation(
            id: try container.decode(String.self, forKey: .id), start: try date(.start), end: try date(.end),
            applyBy: try date(.applyBy), venue: try container.decodeIfPresent(String.self, forKey: .venue),
            attendance: try container.decode(AttendanceMode.self, forKey: .attendance),
            seats: try container.decodeIfPresent(Int.self, forKey: .seats),
            cost: try container.decodeIfPresent(String.self, forKey: .cost))
    }

    /// `2027-01-10` exactly, as `CourseJSON` writes dates (any year 1…9999).
    private static func date(_ text: String) -> LocalDate? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return LocalDate(year: year, month: month, day: day)
    }
}
