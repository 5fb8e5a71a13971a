import Foundation

/// Writes an XCRI-CAP 1.2 feed of about `targetBytes` (at most one course more) from a
/// `FeedCourses`, streaming to disk a megabyte at a time: the feed never sits in memory.
struct XCRIFeedWriter {
    let targetBytes: Int

    /// Writes the feed to `path`; returns what it holds.
    func write(_ courses: inout some FeedCourses, to path: String) throws -> FeedCounts {
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var buffer = courses.header
        let footer = courses.footer
        var written = 0
        var counts = FeedCounts()
        while written + buffer.count + footer.count < targetBytes {
            counts.presentations += courses.appendCourse(counts.courses, to: &buffer)
            counts.courses += 1
            if buffer.count > 1 << 20 {
                try handle.write(contentsOf: buffer)
                written += buffer.count
                buffer.removeAll(keepingCapacity: true)
            }
        }
        buffer += footer
        try handle.write(contentsOf: buffer)
        return counts
    }
}
