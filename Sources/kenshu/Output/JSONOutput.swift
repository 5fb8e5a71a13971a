import Foundation
import KenshuCore

/// Machine-readable output: pretty, sorted keys, ISO 8601 dates, UTF-8 text unescaped.
enum JSONOutput {
    static func render<T: Encodable>(_ value: T) throws(KenshuError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw KenshuError(.runtime, "cannot encode JSON: \(error)")
        }
    }
}
