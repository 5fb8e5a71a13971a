import Foundation

/// A temporary folder with a config that points at the repository's catalogue and example
/// rules, and keeps its state and mail spool inside the folder.
public struct TemporaryCity: Sendable {
    public let folder: URL
    public let config: String

    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kenshu-it-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        config = folder.appendingPathComponent("kenshu.yaml").path
        let catalog = KenshuBinary.repository.appendingPathComponent("Catalog").path
        try """
            catalog: \(catalog)
            state: state
            spool: state/outgoing
            inbox: state/incoming
            rules: \(catalog)/example/rules.yaml
            """.write(toFile: config, atomically: true, encoding: .utf8)
    }

    /// Config lines naming the example city's HR exports and `feeds` as sources (none: no
    /// `feeds` section).
    public static func exampleData(feeds: [String]) -> String {
        var text = """
            data:
              roster: \(example("roster.csv"))
              evaluations: \(example("evaluations.csv"))
              history: \(example("history.csv"))

            """
        if !feeds.isEmpty {
            text += "feeds:\n  sources:\n" + feeds.map { "    - " + example("feeds/\($0)") + "\n" }.joined()
        }
        return text
    }

    /// Lines to put under `data:` for tests whose small CSVs have only some of the known
    /// columns: the config declares every column that is not required absent.
    public static let absentColumns = """
          absentColumns:
            roster: [メール, 係, 採用日, 現職位発令日, キャリア, デジタル人材区分, メンター研修修了, 上司職員番号, 配信停止]
            history: [研修ID, 復命書提出日]

        """

    /// Appends `text` to the config.
    public func appendConfig(_ text: String) throws {
        var config = try String(contentsOfFile: self.config, encoding: .utf8)
        config += "\n" + text
        try config.write(toFile: self.config, atomically: true, encoding: .utf8)
    }

    /// A file of the example city.
    public static func example(_ name: String) -> String {
        RepositoryPaths.example(name)
    }

    public func write(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Points the config at a copy of the example rules in the folder (`rules.yaml`), for
    /// tests that change the rules file; returns its path.
    @discardableResult
    public func useOwnRules() throws -> String {
        let path = try write("rules.yaml", try String(contentsOfFile: Self.example("rules.yaml"), encoding: .utf8))
        let old = try String(contentsOfFile: self.config, encoding: .utf8)
        let config = old.replacingOccurrences(of: "rules: \(Self.example("rules.yaml"))", with: "rules: \(path)")
        guard config != old else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: self.config]) }
        try config.write(toFile: self.config, atomically: true, encoding: .utf8)
        return path
    }

    public func kenshu(_ arguments: String...) throws -> KenshuBinary.Result {
        try KenshuBinary.run(arguments + ["--config", config])
    }

    public func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

extension TemporaryCity {
    /// The example city with its HR exports, the three example feeds, two HR addresses
    /// (jinji@, kenshu-tantou@example.jp) and its sender, `extraConfig` appended.
    public static func example(extraConfig: String = "") throws -> TemporaryCity {
        let city = try TemporaryCity()
        try city.appendConfig(exampleData(feeds: ["xcri-niigata.xml", "academy.xml", "jichi-kenshujo.xml"]) + """
            hr:
              addresses: [jinji@example.jp, kenshu-tantou@example.jp]
            mail:
              from: jinji@example.jp
              fromName: 小千谷市 人事課 人材育成担当

            """ + extraConfig)
        return city
    }

    /// The files in the spool's `folder` (`new`, `cur`, `tmp`), as sorted paths.
    public func spoolFiles(_ folder: String = "new") -> [String] {
        let path = self.folder.appendingPathComponent("state/outgoing/\(folder)").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
    }
}
