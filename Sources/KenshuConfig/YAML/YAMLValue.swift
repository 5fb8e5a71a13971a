import KenshuCore
import Yams

/// A node of a YAML document with where it stands, read with checks that name the file,
/// line, column and key of anything wrong: config and rules are typed by hand by HR admins.
public struct YAMLValue {
    let node: Node
    /// Dotted key path from the document root, e.g. `titles.aliases.一般職`.
    public let path: String
    public let file: String

    init(node: Node, path: String, file: String) {
        self.node = node
        self.path = path
        self.file = file
    }

    public var location: SourceLocation {
        SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column)
    }

    /// An error at this node.
    public func error(_ message: String, hint: String? = nil) -> InputError {
        InputError(message, at: location, field: path.isEmpty ? nil : path, hint: hint)
    }

    /// Reads a document; an empty document is an empty mapping.
    public static func parse(_ text: String, file: String) throws(InputError) -> YAMLValue {
        try YAMLExpansion.check(text, file: file)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw YAMLValue.describe(error, file: file)
        } catch {
            throw InputError("YAML として読めません（\(error)）", at: SourceLocation(file: file))
        }
        return YAMLValue(node: root ?? Node.mapping(Node.Mapping([])), path: "", file: file)
    }

    /// The keys and values of a mapping; a key outside `allowed` is an error that lists
    /// the keys allowed here. A repeated key is an error too.
    public func mapping(allowed: [String]) throws(InputError) -> [String: YAMLValue] {
        guard case .mapping(let mapping) = node else {
            throw error("「キー: 値」の行が来るところに\(kind)があります")
        }
        var result: [String: YAMLValue] = [:]
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                throw YAMLValue(node: keyNode, path: path, file: file).error("キーは引用符や記号のない文字で書いてください")
            }
            let key = scalar.string
            let keyValue = YAMLValue(node: keyNode, path: child(key), file: file)
            guard allowed.isEmpty || allowed.contains(key) else {
                let suggestion = YAMLValue.closest(to: key, in: allowed).map { "'\($0)' の書き間違いではありませんか。" } ?? ""
                throw keyValue.error("'\(key)' というキーはありません", hint: "\(suggestion)ここで使えるキー: \(allowed.joined(separator: "、"))")
            }
            guard result[key] == nil else { throw keyValue.error("キー '\(key)' が 2 回あります") }
            result[key] = YAMLValue(node: valueNode, path: child(key), file: file)
        }
        return result
    }

    /// A mapping whose keys are data (titles, ids), not a fixed set.
    /// Each entry's `at` is the key's own node, for errors about the key.
    public func entries() throws(InputError) -> [(key: String, at: YAMLValue, value: YAMLValue)] {
        guard case .mapping(let mapping) = node else {
            throw error("「キー: 値」の行が来るところに\(kind)があります")
        }
        var seen = Set<String>()
        var result: [(key: String, at: YAMLValue, value: YAMLValue)] = []
        for (keyNode, valueNode) in mapping {
            let keyValue = YAMLValue(node: keyNode, path: path, file: file)
            guard case .scalar(let scalar) = keyNode else { throw keyValue.error("キーは引用符や記号のない文字で書いてください") }
            guard seen.insert(scalar.string).inserted else {
                throw keyValue.error("キー '\(scalar.string)' が 2 回あります")
            }
            let path = child(scalar.string)
            result.append((scalar.string, YAMLValue(node: keyNode, path: path, file: file),
                           YAMLValue(node: valueNode, path: path, file: file)))
        }
        return result
    }

    public func sequence() throws(InputError) -> [YAMLValue] {
        guard case .sequence(let sequence) = node else {
            throw error("「- 項目」の行（リスト）が来るところに\(kind)があります")
        }
        return sequence.enumerated().map { YAMLValue(node: $1, path: "\(path)[\($0)]", file: file) }
    }

    public func string() throws(InputError) -> String {
        guard case .scalar(let scalar) = node else { throw error("文字が来るところに\(kind)があります") }
        return scalar.string
    }

    public func int(in range: ClosedRange<Int>) throws(InputError) -> Int {
        let text = try string()
        guard let value = Int(text) else { throw error("整数が来るところに '\(text)' があります") }
        guard range.contains(value) else {
            throw error("\(value) は範囲の外です", hint: "\(range.lowerBound)〜\(range.upperBound) で書いてください")
        }
        return value
    }

    public func double(in range: ClosedRange<Double>) throws(InputError) -> Double {
        let text = try string()
        guard let value = Double(text), value.isFinite else { throw error("数が来るところに '\(text)' があります") }
        guard range.contains(value) else {
            throw error("\(text) は範囲の外です", hint: "\(range.lowerBound)〜\(range.upperBound) で書いてください")
        }
        return value
    }

    /// A share from 0 to 1, written `10%` or `0.1`.
    public func share() throws(InputError) -> Double {
        let text = try string().trimmingWhitespace()
        if text.hasSuffix("%") {
            guard let percent = Double(String(text.dropLast()).trimmingWhitespace()), percent.isFinite, (0...100).contains(percent) else {
                throw error("0%〜100% の割合が来るところに '\(text)' があります")
            }
            return percent / 100
        }
        guard let value = Double(text), value.isFinite, (0...1).contains(value) else {
            throw error("0〜1 の割合か百分率が来るところに '\(text)' があります", hint: "例: 10% または 0.1")
        }
        return value
    }

    public func bool() throws(InputError) -> Bool {
        let text = try string()
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("true か false が来るところに '\(text)' があります")
        }
    }

    private var kind: String {
        switch node {
        case .mapping: "「キー: 値」の行"
        case .sequence: "リスト"
        case .scalar(let scalar): scalar.string.isEmpty ? "空の値" : " '\(scalar.string)' "
        case .alias: "別名（*）"
        }
    }

    private func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private static func describe(_ error: YamlError, file: String) -> InputError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "、\($0.mark.line) 行目の \($0.text)" } ?? ""
            return InputError("YAML の書き方の誤り（\(problem)\(detail)）", at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .reader(let problem, _, _, _):
            return InputError("YAML として読めません（\(problem)）", at: SourceLocation(file: file))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return InputError("キー \(duplicates.joined(separator: "、")) が 2 回あります", at: SourceLocation(
                file: file, line: context.mark.line, column: context.mark.column))
        default:
            return InputError("YAML として読めません（\(error)）", at: SourceLocation(file: file))
        }
    }

    /// The allowed key closest to a typo, if it is close (see `Spelling.closest`).
    public static func closest(to key: String, in allowed: [String]) -> String? {
        Spelling.closest(to: key, in: allowed)
    }
}
