import KenshuCore
import Yams

/// Adds one course's abilities to rules.yaml's `courses.abilities.courses`, or replaces the
/// course's entry there, by editing the text: every other byte of the file (comments, order,
/// spacing, line endings) stays as it was; the sections are added when missing. Pure: text
/// in, text out. The result parses to the same rules plus that one entry.
///
/// Only block-style YAML (keys on their own lines) is edited; a section written on one line
/// (`courses: {…}`) is an error saying so, as is a text that is not valid YAML.
public enum CourseAbilityRuleEdit {
    /// The candidate text: `text` with `"provider/course": [④, ⑥]` (and `title` as a comment)
    /// in `courses.abilities.courses`. `abilities` must be the catalogue's numbers.
    public static func apply(
        to text: String, provider: String, courseID: String, abilities: [Int], title: String = "",
        catalog: PolicyCatalog, file: String
    ) throws(InputError) -> String {
        var symbols: [String] = []
        for number in Set(abilities).sorted() {
            guard let ability = catalog.ability(number: number) else {
                throw InputError("能力の番号 \(number) は方針の ①〜⑩ にありません", at: SourceLocation(file: file),
                                 field: "courses.abilities.courses", hint: "1〜10 で選んでください")
            }
            symbols.append(ability.symbol)
        }
        let key = CourseTagRules.courseKey(provider: provider, courseID: courseID)
        let comment = title.isEmpty ? "" : "   # " + String(title.map { $0.isNewline || $0 == "\t" ? " " : $0 }.prefix(60))
        let entry = quoted(key) + ": [" + symbols.joined(separator: ", ") + "]" + comment
        var document = Document(text: text)
        let root = try YAMLValue.parse(text, file: file)
        return try document.set(entry, at: ["courses", "abilities", "courses", key], in: root.node, file: file)
    }

    /// `text` as a YAML double-quoted scalar: `\` and `"` escaped, and every character YAML
    /// would not keep as written (controls, line and paragraph separators, BOM) as `\uXXXX`.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                let value = scalar.value
                if value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 || value == 0xFEFF {
                    let hex = String(value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// The rules file as lines (each with its own line ending), edited by inserting and replacing
/// whole lines at the places the parsed nodes' marks point to.
private struct Document {
    var lines: [String]
    let newline: String
    /// The file's indentation step (its smallest indentation), 2 when nothing is indented.
    let step: Int

    init(text: String) {
        var lines: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            // "\r\n" is one Character in Swift.
            if character == "\n" || character == "\r\n" {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        self.lines = lines
        newline = text.contains("\r\n") ? "\r\n" : "\n"
        step = lines.filter { !Self.isBlankOrComment($0) }.map(Self.indentation).filter { $0 > 0 }.min() ?? 2
    }

    var text: String { lines.joined() }

    /// Sets `path`'s last key (the entry) to the line `entry`, adding the sections on the way.
    mutating func set(_ entry: String, at path: [String], in root: Node, file: String) throws(InputError) -> String {
        var node = root
        var keyNode: Node?
        for (depth, key) in path.enumerated() {
            let isEntry = depth == path.count - 1
            // A section missing, or a key without a value (`courses:` alone): add the rest below it.
            guard case .mapping(let mapping) = node else {
                guard let keyNode, Self.isEmpty(node) else { throw unsupported(keyNode ?? node, path: path.prefix(depth), file: file) }
                let indent = Self.column(keyNode) + step
                insert(addedLines(for: Array(path[depth...]), entry: entry, indent: indent), after: line(of: keyNode))
                return text
            }
            guard !isFlow(node) else { throw unsupported(keyNode ?? node, path: path.prefix(depth), file: file) }
            guard let (foundKey, value) = mapping.first(where: { $0.key.string == key }) else {
                let indent = mapping.first.map { Self.column($0.key) } ?? 0
                let after = keyNode.map { endOfBlock(startingAt: line(of: $0)) } ?? (lines.count - 1)
                if after == lines.count - 1, let last = lines.last, !last.hasSuffix("\n"), !last.isEmpty {
                    lines[after] += newline
                }
                insert(addedLines(for: Array(path[depth...]), entry: entry, indent: indent), after: after)
                return text
            }
            if isEntry {
                let start = line(of: foundKey)
                let end = endOfBlock(startingAt: start)
                let ending = lines[end].hasSuffix("\n") ? newline : ""
                lines.replaceSubrange(start...end, with: [String(repeating: " ", count: Self.column(foundKey)) + entry + ending])
                return text
            }
            keyNode = foundKey
            node = value
        }
        return text
    }

    /// The lines that add `path` (sections, then the entry) at `indent`.
    private func addedLines(for path: [String], entry: String, indent: Int) -> [String] {
        path.enumerated().map { depth, key in
            let spaces = String(repeating: " ", count: indent + depth * step)
            return spaces + (depth == path.count - 1 ? entry : key + ":") + newline
        }
    }

    private mutating func insert(_ added: [String], after index: Int) {
        lines.insert(contentsOf: added, at: min(lines.count, index + 1))
    }

    /// The last line of the block a key at `start` opens: the last line after it indented more
    /// than the key (or a `- ` item as far in, which YAML allows under a key), before the first
    /// line (not blank, not a comment) that is neither.
    private func endOfBlock(startingAt start: Int) -> Int {
        let indent = Self.indentation(lines[start])
        var last = start
        for index in lines.indices.dropFirst(start + 1) {
            let line = lines[index]
            if Self.isBlankOrComment(line) { continue }
            let inner = Self.indentation(line)
            guard inner > indent || (inner == indent && Self.isItem(line.dropFirst(inner))) else { break }
            last = index
        }
        return last
    }

    /// The 0-based line of a node (its mark is 1-based).
    private func line(of node: Node) -> Int {
        max(0, min(lines.count - 1, (node.mark?.line ?? 1) - 1))
    }

    /// Whether a mapping is written in flow style: its text starts with `{` where the node starts.
    private func isFlow(_ node: Node) -> Bool {
        guard let mark = node.mark, mark.line >= 1, mark.line <= lines.count else { return false }
        return lines[mark.line - 1].unicodeScalars.dropFirst(mark.column - 1).first == "{"
    }

    private static func column(_ node: Node) -> Int {
        max(0, (node.mark?.column ?? 1) - 1)
    }

    private static func indentation(_ line: String) -> Int {
        line.prefix { $0 == " " }.count
    }

    /// `- x` or a lone `-` (not `---`).
    private static func isItem(_ content: Substring) -> Bool {
        guard content.hasPrefix("-"), let next = content.dropFirst().first else { return content == "-" }
        return next == " " || next.isNewline
    }

    private static func isBlankOrComment(_ line: String) -> Bool {
        let content = line.drop { $0 == " " || $0 == "\t" }
        return content.allSatisfy(\.isWhitespace) || content.hasPrefix("#")
    }

    /// A key with no value written (`courses:`, maybe with a comment).
    private static func isEmpty(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.string.isEmpty && scalar.style == .plain
    }

    private func unsupported(_ node: Node, path: ArraySlice<String>, file: String) -> InputError {
        let name = path.isEmpty ? "rules.yaml の一番上" : path.joined(separator: ".")
        return InputError("\(name) が一行の書き方（{ } や [ ]）か値の入った形のため、自動では書き足せません",
                          at: SourceLocation(file: file, line: node.mark?.line, column: node.mark?.column),
                          field: path.isEmpty ? nil : path.joined(separator: "."),
                          hint: "キーごとに改行して字下げする書き方に直すか、rules.yaml に直接書いてください")
    }
}
