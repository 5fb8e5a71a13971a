import Foundation
import KenshuCore
import Testing
@testable import KenshuStore

/// The reused byte buffer behind a course's canonical JSON: growth, reuse, the same bytes as a fresh encoding.
struct JSONBytesTests {
    @Test func appendsGrowPastTheFirstCapacityAndKeepEveryByte() {
        var bytes = JSONBytes(capacity: 16)
        let piece = Array("研修所-".utf8)
        for _ in 0..<100 {
            piece.withUnsafeBufferPointer { bytes.append($0) }
            bytes.append(UInt8(ascii: ","))
        }
        #expect(bytes.count == 100 * (piece.count + 1))
        let text = bytes.withBytes { String(decoding: $0, as: UTF8.self) }
        #expect(text == String(repeating: "研修所-,", count: 100))
        bytes.removeAll()
        #expect(bytes.count == 0)
    }

    @Test func aReusedBufferHoldsTheSameJSONAsAFreshOne() throws {
        let long = String(repeating: "長い説明\"と\\記号\n", count: 600)
        let big = Course(provider: CourseProvider(id: "p", name: "研修所"), id: "BIG", title: "大講座", summary: long,
                         presentations: (1...40).map { (index: Int) in Presentation(id: "\(index)", seats: index) })
        let small = Course(provider: CourseProvider(id: "p", name: "研修所"), id: "S", title: "小講座")
        var reused = JSONBytes(capacity: 64)
        for course in [big, small, big] {
            reused.removeAll()
            CourseJSON.encode(course, into: &reused)
            let text = reused.withBytes { String(decoding: $0, as: UTF8.self) }
            #expect(text == CourseJSON.encode(course))
            let decoded = try JSONDecoder().decode(StoredCourse.self, from: Data(text.utf8))
            #expect(decoded.course(provider: course.provider, title: course.title) == course)
        }
    }
}
