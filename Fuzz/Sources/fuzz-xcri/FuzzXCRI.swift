// libFuzzer target: an XCRI-CAP 1.2 course feed as the feed import reads it from a file:
// format detection (the root element, with the import's retry as UTF-8 when a feed says
// UTF-16 over UTF-8 bytes), libxml2's SAX push parser capturing each course
// (`XMLCaptureReader`), `XCRICAPReader` and the course mapper, with some courses mapped only
// after the reader is gone (as the pipeline's storing side maps them). Then the same bytes
// through the in-memory stream reader (`XMLStreamReader(bytes:)`), mapping in place or from a
// tree. The input goes to a per-process scratch file, since the import reads feeds by path.
// Thrown errors are expected; crashes, traps, ASan reports, leaks and hangs are findings.
import FuzzSupport
import KenshuCore
@testable import KenshuImport
import KenshuXML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = FuzzSupport.bytes(data, size)
    // The import refuses an empty file before it reads it (FeedImporter.checkFile).
    guard !bytes.isEmpty else { return 0 }
    let path = FuzzSupport.scratchFile(bytes, suffix: "xml")
    do {
        try FeedReading.importRead(path: path, profiles: [])
    } catch {
        FuzzSupport.describe(error)
    }
    do {
        var reader = XCRICAPReader(reader: try XMLStreamReader(bytes: bytes, file: "/fuzz/feed.xml", limits: FeedReading.limits))
        reader.mapsInPlace = size % 2 == 0
        try reader.read(course: { FuzzSupport.blackHole($0) }, warning: { FuzzSupport.blackHole($0.description) })
    } catch {
        FuzzSupport.describe(error)
    }
    return 0
}
