import Foundation
import KenshuCore
import KenshuTesting
import Testing
import KenshuXML

/// A feed cut off mid-way says it is truncated, in both readers, wherever it is cut; an error
/// in the middle of a whole document does not.
struct TruncationTests {
    static let feeds = ["academy.xml", "jichi-kenshujo.xml", "xcri-niigata.xml"]

    /// Reads every item or event of the file with both readers; the first error of each.
    func errors(path: String, bytes: [UInt8]) -> [String] {
        var messages: [String] = []
        do {
            let reader = try XMLCaptureReader(path: path, capture: { _, _, depth in depth == 2 ? 5_000 : nil })
            while try reader.next() != nil {}
            messages.append("")
        } catch {
            messages.append(error.description)
        }
        do {
            let reader = try XMLStreamReader(bytes: bytes, file: path)
            _ = try reader.allEvents()
            messages.append("")
        } catch {
            messages.append(error.description)
        }
        do {
            let reader = try XMLStreamReader(path: path)
            _ = try reader.allEvents()
            messages.append("")
        } catch {
            messages.append(error.description)
        }
        return messages
    }

    @Test(arguments: feeds)
    func everyCutOfAnExampleFeedIsReportedAsTruncated(_ feed: String) throws {
        let folder = try TemporaryFolder()
        let whole = Array(try Data(contentsOf: URL(fileURLWithPath: RepositoryPaths.example("feeds/" + feed))))
        for percent in stride(from: 3, through: 97, by: 6) {
            let cut = Array(whole.prefix(whole.count * percent / 100))
            let path = folder.path("cut-\(percent).xml")
            try Data(cut).write(to: URL(fileURLWithPath: path))
            for (reader, message) in errors(path: path, bytes: cut).enumerated() {
                #expect(message.contains("it is truncated (Premature end of data"), "\(feed) cut at \(percent)%, reader \(reader): \(message)")
            }
        }
    }

    @Test func anErrorInTheMiddleIsNotCalledTruncated() throws {
        let folder = try TemporaryFolder()
        let text = "<?xml version=\"1.0\"?>\n<catalog>\n  <a>x</b>\n  <c/>\n</catalog>\n"
        let path = try folder.write(text, to: "mismatch.xml")
        for message in errors(path: path, bytes: Array(text.utf8)) {
            #expect(message.contains("mismatch"), "\(message)")
            #expect(!message.contains("truncated"), "\(message)")
        }
        let trailing = "<?xml version=\"1.0\"?>\n<catalog/>\ngarbage"
        let trailingPath = try folder.write(trailing, to: "trailing.xml")
        for message in errors(path: trailingPath, bytes: Array(trailing.utf8)) {
            #expect(!message.contains("truncated"), "\(message)")
        }
    }
}
