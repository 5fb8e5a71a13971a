import Foundation
import Hummingbird

/// Receives an upload's body as it streams in: through `MultipartReader`, the `file` part
/// into a new folder of its own under `<state>/console-uploads` (mode 0700, the file 0600,
/// under the name the browser gave it, so the imports' messages name that file), the other
/// fields into memory (64 KB each at most). Over `limit` bytes, malformed or cut short,
/// the folder is removed before the refusal is thrown: nothing is left behind.
struct UploadReceiver: Sendable {
    /// `<state>/console-uploads`.
    let root: String
    /// The most bytes of body taken.
    let limit: Int

    static let fileField = "file"
    static let fieldLimit = 64 * 1024

    func receive<Body: AsyncSequence>(_ body: Body, boundary: String) async throws(UploadRefusal) -> ReceivedUpload
    where Body.Element == ByteBuffer {
        let folder: String
        do {
            folder = try UploadFolders.make(in: root)
        } catch {
            throw .failed("\(root): アップロードを置くフォルダーを作れません（\(error.localizedDescription)）")
        }
        var sink = PartSink(folder: folder)
        do {
            var reader = MultipartReader(boundary: boundary)
            var received = 0
            for try await chunk in body {
                received += chunk.readableBytes
                guard received <= limit else { throw UploadRefusal.tooLarge }
                for event in try reader.read(chunk.readableBytesView) {
                    try sink.take(event)
                }
            }
            try reader.finish()
            return sink.upload()
        } catch {
            sink.close()
            UploadFolders.remove(folder)
            switch error {
            case let refusal as UploadRefusal: throw refusal
            case let multipart as MultipartError: throw .malformed(multipart)
            default: throw .failed("アップロードを受け取れませんでした（\(error)）")
            }
        }
    }
}

/// Where the parts of one upload go as they arrive.
private struct PartSink {
    let folder: String
    var fields: [String: String] = [:]
    var file: UploadedFile?
    private var current: MultipartPart?
    private var value: [UInt8] = []
    private var handle: FileHandle?

    init(folder: String) {
        self.folder = folder
    }

    mutating func take(_ event: MultipartReader.Event) throws {
        switch event {
        case .part(let part):
            current = part
            value = []
            guard part.name == UploadReceiver.fileField, let filename = part.filename, !filename.isEmpty else { break }
            guard file == nil else { throw MultipartError.malformed("ファイルが二つ以上あります") }
            let name = UploadFolders.safeName(filename)
            let path = folder + "/" + name
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
                  let handle = FileHandle(forWritingAtPath: path)
            else { throw UploadRefusal.failed("\(path): アップロードされたファイルを書けません") }
            self.handle = handle
            file = UploadedFile(name: name, path: path, size: 0)
        case .content(let bytes):
            if let handle {
                try handle.write(contentsOf: Data(bytes))
                file?.size += bytes.count
            } else if let current {
                value += bytes
                guard value.count <= UploadReceiver.fieldLimit else { throw MultipartError.fieldTooLarge(current.name) }
            }
        case .partEnd:
            if let handle {
                try handle.close()
                self.handle = nil
            } else if let current, current.filename == nil, fields[current.name] == nil {
                // A repeated name keeps its first value, as in `PostForm`.
                guard let text = String(bytes: value, encoding: .utf8) else {
                    throw MultipartError.malformed("項目「\(current.name)」が UTF-8 ではありません")
                }
                fields[current.name] = text
            }
            current = nil
        }
    }

    mutating func close() {
        try? handle?.close()
        handle = nil
    }

    func upload() -> ReceivedUpload {
        ReceivedUpload(folder: folder, fields: fields, file: file)
    }
}

/// An upload as received: its folder (removed by whoever is done with it), its fields, and
/// its file when one was chosen.
struct ReceivedUpload: Sendable {
    let folder: String
    var fields: [String: String]
    var file: UploadedFile?
}

/// An uploaded file: the name it is stored and reported under, where, and its size.
struct UploadedFile: Sendable, Equatable {
    var name: String
    var path: String
    var size: Int
}
