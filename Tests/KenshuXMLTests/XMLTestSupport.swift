import Foundation
import KenshuXML

/// A folder under the system's temporary directory for one test, removed when released.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-xml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` as UTF-8 to `name` in the folder and returns the file's path.
    func write(_ text: String, to name: String) throws -> String {
        let path = url.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Reads every event of a document held in memory.
func events(of xml: String, file: String = "test.xml", limits: XMLLimits = .init()) throws(XMLReadError) -> [XMLEvent] {
    let reader = try XMLStreamReader(bytes: Array(xml.utf8), file: file, limits: limits)
    return try reader.allEvents()
}

/// A short, readable form of events: `start a`, `text hi`, `end {urn:x}b`.
func summary(_ events: [XMLEvent]) -> [String] {
    events.map { event in
        switch event {
        case .start(let start): "start \(start.name)"
        case .text(let text): "text \(text)"
        case .end(let name): "end \(name)"
        }
    }
}

extension XMLStreamReader {
    /// Every remaining event up to the end of the document.
    func allEvents() throws(XMLReadError) -> [XMLEvent] {
        var events: [XMLEvent] = []
        while let event = try next() { events.append(event) }
        return events
    }

    /// Reads events until the reader fails or ends; returns the events seen and the error, if any.
    func eventsUntilFailure() -> (events: [XMLEvent], error: XMLReadError?) {
        var events: [XMLEvent] = []
        do {
            while let event = try next() { events.append(event) }
            return (events, nil)
        } catch {
            return (events, error)
        }
    }

    /// The start events of the document, in order.
    func starts() throws(XMLReadError) -> [XMLElementStart] {
        try allEvents().compactMap { event in
            if case .start(let start) = event { start } else { nil }
        }
    }
}
