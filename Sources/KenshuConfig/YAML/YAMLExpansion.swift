import CYaml
import KenshuCore

/// Counts the nodes a YAML text expands to, aliases included, from libyaml's event stream
/// and without building the tree: the composer hashes whole mapping keys to find
/// duplicates, so a key made of nested aliases (`{*a9: 1}`, each anchor twice the one
/// before) costs time exponential in the text's size before any tree exists to check.
/// Counting on events costs one step per event, and an alias adds its anchor's stored
/// size, so the count is exact and the pass stays linear in the text.
enum YAMLExpansion {
    /// Nodes a config or rules file may expand to; the example city's largest has a few
    /// thousand.
    static let maximumNodes = 100_000

    /// Throws when the text expands to more than `maximumNodes` nodes. Syntax errors are
    /// left to the composer, which reports them with their context.
    static func check(_ text: String, file: String) throws(InputError) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        if let failure = bytes.withUnsafeMutableBufferPointer({ buffer -> InputError? in
            guard let base = buffer.baseAddress else { return nil }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            return count(with: &parser, file: file)
        }) {
            throw failure
        }
    }

    private struct Open {
        let anchor: String?
        var size: Int
    }

    private static func count(with parser: inout yaml_parser_t, file: String) -> InputError? {
        var anchorSizes: [String: Int] = [:]
        var open: [Open] = []
        var total = 0
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            var finished: (anchor: String?, size: Int)?
            switch event.type {
            case YAML_SCALAR_EVENT:
                finished = (string(event.data.scalar.anchor), 1)
            case YAML_ALIAS_EVENT:
                finished = (nil, string(event.data.alias.anchor).flatMap { anchorSizes[$0] } ?? 1)
            case YAML_SEQUENCE_START_EVENT:
                open.append(Open(anchor: string(event.data.sequence_start.anchor), size: 1))
            case YAML_MAPPING_START_EVENT:
                open.append(Open(anchor: string(event.data.mapping_start.anchor), size: 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let closed = open.popLast() { finished = (closed.anchor, closed.size) }
            case YAML_STREAM_END_EVENT:
                return nil
            default:
                break
            }
            guard let node = finished else { continue }
            if let anchor = node.anchor { anchorSizes[anchor] = node.size }
            let sum: Int
            if open.isEmpty {
                total += node.size
                sum = total
            } else {
                open[open.count - 1].size += node.size
                sum = open[open.count - 1].size
            }
            if node.size > maximumNodes || sum > maximumNodes {
                return InputError(
                    "the document expands to more than \(maximumNodes) nodes through its aliases (*name)",
                    at: SourceLocation(file: file, line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1),
                    hint: "write the values out instead of repeating anchors (&name) inside one another")
            }
        }
        return nil
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
