import Foundation
import KenshuCore
import Testing
@testable import KenshuConsole

/// The upload body reader on its own: RFC 7578 parts, binary content, any chunking, and
/// bodies cut short or garbled (an error, never a crash); the held uploads' token rules.
struct MultipartReaderTests {
    static let boundary = MultipartBody.boundary

    /// The parts of `body` read in chunks of `size`: (name, filename, content) each.
    static func parts(_ body: [UInt8], chunk size: Int, boundary: String = boundary) throws -> [(MultipartPart, [UInt8])] {
        var reader = MultipartReader(boundary: boundary)
        var parts: [(MultipartPart, [UInt8])] = []
        var index = 0
        while index < body.count {
            for event in try reader.read(body[index..<min(body.count, index + size)]) {
                switch event {
                case .part(let part): parts.append((part, []))
                case .content(let bytes): parts[parts.count - 1].1 += bytes
                case .partEnd: break
                }
            }
            index += size
        }
        try reader.finish()
        return parts
    }

    /// Bytes a text file never has, and near-delimiters: CR LF, `--`, the boundary without its CRLF.
    static let binary: [UInt8] = Array(0...255) + Array("\r\n--\r\n-\(boundary)\r\r\n-".utf8) + [0, 13, 10, 45, 45]

    @Test(arguments: [1, 2, 7, 64, 100_000])
    func fieldsAndABinaryFileReadTheSameInAnyChunks(_ size: Int) throws {
        let body = MultipartBody(fields: [("csrf", "abc"), ("kind", "roster"), ("empty", "")], file: ("名簿.csv", Self.binary)).bytes
        let parts = try Self.parts(body, chunk: size)
        #expect(parts.map(\.0.name) == ["csrf", "kind", "empty", "file"])
        #expect(parts.map { String(decoding: $0.1, as: UTF8.self) }.prefix(3) == ["abc", "roster", ""])
        #expect(parts[3].0.filename == "名簿.csv")
        #expect(parts[3].0.contentType == "text/csv")
        #expect(parts[3].1 == Self.binary)
    }

    @Test func aPreambleTransportPaddingAndAnEpilogueAreIgnored() throws {
        let body = Array(("preamble text\r\n--\(Self.boundary)  \t\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
            + "--\(Self.boundary)--\r\nepilogue").utf8)
        let parts = try Self.parts(body, chunk: 3)
        #expect(parts.map(\.0.name) == ["a"])
        #expect(parts.first?.1 == Array("1".utf8))
    }

    @Test func headerParametersFollowRFC7578AndTheBrowsers() throws {
        func part(_ disposition: String) throws -> MultipartPart {
            try MultipartPart(headerBlock: Array("Content-Disposition: \(disposition)\r\ncontent-type: text/plain".utf8))
        }
        #expect(try part("form-data; name=\"file\"; filename=\"a%22b.csv\"").filename == "a\"b.csv")
        #expect(try part("form-data; name=\"file\"; filename=\"x.csv\"; filename*=UTF-8''%E5%90%8D%E7%B0%BF.csv").filename == "名簿.csv")
        #expect(try part("form-data; name=\"file\"; filename*=utf-8'ja'%E5%90%8D.csv; filename=\"x.csv\"").filename == "名.csv")
        #expect(try part("form-data; name=\"file\"; filename=\"C:\\Users\\a.csv\"").filename == "C:\\Users\\a.csv")
        #expect(try part("FORM-DATA;NAME=kind").name == "kind")
        #expect(try part("form-data; name=\"q\\\"x\"").name == "q\"x")
        #expect(try part("form-data; name=\"a;b\"; filename=\"\"").filename == "")
        for bad in ["attachment; name=\"a\"", "form-data; filename=\"a.csv\"", "form-data; name=\"a", "form-data; name"] {
            #expect(throws: MultipartError.self, "\(bad)") { try part(bad) }
        }
        #expect(throws: MultipartError.self) { try MultipartPart(headerBlock: [0xff, 0xfe]) }
        #expect(throws: MultipartError.self) { try MultipartPart(headerBlock: Array("no colon here".utf8)) }
    }

    @Test func theBoundaryComesFromTheContentType() throws {
        #expect(try MultipartReader.boundary(contentType: "multipart/form-data; boundary=abc") == "abc")
        #expect(try MultipartReader.boundary(contentType: "Multipart/Form-Data; charset=utf-8; boundary=\"a b:c\"") == "a b:c")
        for bad in [nil, "text/plain", "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"a\u{0}\"",
                    "multipart/form-data; boundary=" + String(repeating: "a", count: 71), "multipart/form-data; boundary=\"ab \""] {
            #expect(throws: MultipartError.self, "\(bad ?? "nil")") { try MultipartReader.boundary(contentType: bad) }
        }
    }

    @Test func limitsAreKept() throws {
        var reader = MultipartReader(boundary: "b", limits: .init(headerBytes: 100, parts: 2))
        #expect(throws: MultipartError.headerTooLarge) {
            _ = try reader.read(Array("--b\r\nContent-Disposition: form-data; name=\"\(String(repeating: "x", count: 200))\"".utf8))
        }
        var few = MultipartReader(boundary: "b", limits: .init(headerBytes: 100, parts: 2))
        let part = "--b\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
        #expect(throws: MultipartError.tooManyParts(2)) { _ = try few.read(Array((part + part + part + "--b--").utf8)) }
    }

    @Test func everyTruncationIsAnErrorAndNeverACrash() throws {
        let body = MultipartBody(fields: [("csrf", "abc"), ("kind", "roster")], file: ("a.csv", Self.binary)).bytes
        for length in 0..<(body.count - 2) {
            #expect(throws: MultipartError.self, "cut at \(length)") { _ = try Self.parts(Array(body.prefix(length)), chunk: 5) }
        }
    }

    @Test func garbledBodiesEndInPartsOrAnErrorNeverACrash() {
        let body = MultipartBody(fields: [("csrf", "abc"), ("kind", "roster")], file: ("a.csv", Self.binary)).bytes
        var generator = SeededRandom(seed: 7018)
        let alphabet = Array("\r\n-\";=:ab".utf8) + Array(Self.boundary.utf8.prefix(4)) + [0, 255]
        for round in 0..<2_000 {
            var garbled = body
            for _ in 0...Int.random(in: 0...6, using: &generator) {
                let at = Int.random(in: 0..<garbled.count, using: &generator)
                switch Int.random(in: 0...2, using: &generator) {
                case 0: garbled[at] = alphabet.randomElement(using: &generator) ?? 0
                case 1: garbled.remove(at: at)
                default: garbled.insert(alphabet.randomElement(using: &generator) ?? 0, at: at)
                }
            }
            do {
                _ = try Self.parts(garbled, chunk: 1 + round % 97)
            } catch is MultipartError {
                continue
            } catch {
                Issue.record("round \(round): \(error)")
            }
        }
    }

    @Test func uploadedFileNamesBecomeOneSafeSegment() {
        #expect(UploadFolders.safeName("名簿.csv") == "名簿.csv")
        #expect(UploadFolders.safeName("../../etc/passwd") == "passwd")
        #expect(UploadFolders.safeName("C:\\Users\\jinji\\roster.csv") == "roster.csv")
        #expect(UploadFolders.safeName("a\u{0}b\r\n.csv") == "ab.csv")
        for nothing in ["", "..", "/", " ", "a/.."] {
            #expect(UploadFolders.safeName(nothing) == "upload", "\(nothing)")
        }
        let long = UploadFolders.safeName(String(repeating: "名", count: 300) + ".csv")
        #expect(long.hasSuffix(".csv") && long.utf8.count <= UploadFolders.maxNameBytes)
    }

    @Test func aHeldUploadIsTakenOnceByItsOwnSessionWithinTheHour() async throws {
        let clock = ConsoleUnitTests.Clock()
        let held = HeldUploads(now: { clock.now })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-held-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let request = try UploadRequest(fields: ["kind": "roster"])
        let entry = HeldUploads.Held(sessionID: "s1", account: "kanri", request: request, folder: folder,
                                     file: UploadedFile(name: "roster.csv", path: folder + "/roster.csv", size: 1))
        let token = await held.keep(entry)
        #expect(token.count == 64)
        #expect(await held.take(token, sessionID: "s2") == nil, "another session's")
        #expect(await held.take(token, sessionID: "s1")?.file.name == "roster.csv")
        #expect(await held.take(token, sessionID: "s1") == nil, "used")

        let late = await held.keep(entry)
        clock.advance(60 * 60)
        #expect(await held.take(late, sessionID: "s1") == nil, "an hour old")
        #expect(!FileManager.default.fileExists(atPath: folder))

        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = await held.keep(entry)
        await held.sweep { _ in true }
        #expect(await held.count == 1, "live and young")
        await held.sweep { _ in false }
        #expect(await held.count == 0, "its session ended")
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}
