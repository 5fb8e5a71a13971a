import ArgumentParser
import Foundation
import KenshuMatch

/// `kenshu-bench assign --input FILE.json`: solves a capacitated assignment instance with
/// Kenshu's mentor solver, so it can be compared with other solvers.
struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Solve a capacitated assignment instance: the most pairs, then the least total cost.",
        discussion: """
            Input: {"left": ["id", …], "right": [{"id": "…", "capacity": 2}, …],
                    "edges": [{"left": "…", "right": "…", "cost": 17}, …]}
            (only listed edges are allowed; costs are integers, may be negative, and their
            absolute values add up to at most 2^56).
            Output: {"pairs": [{"left", "right"}], "matched": N, "totalCost": C}.
            """)

    @Option(help: ArgumentHelp("The instance, as JSON.", valueName: "FILE.json"))
    var input: String

    struct Instance: Decodable {
        struct Right: Decodable {
            var id: String
            var capacity: Int
        }

        struct Edge: Decodable {
            var left: String
            var right: String
            var cost: Int64
        }

        var left: [String]
        var right: [Right]
        var edges: [Edge]
    }

    struct Output: Encodable {
        struct Pair: Encodable {
            var left: String
            var right: String
        }

        var pairs: [Pair]
        var matched: Int
        var totalCost: Int64
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: input) else {
            throw ValidationError("\(input): cannot be read (no such file, or a folder?)")
        }
        let instance: Instance
        do {
            instance = try JSONDecoder().decode(Instance.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw ValidationError("\(input): not valid JSON: \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw ValidationError("\(input): \(path(context.codingPath)) lacks '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context) {
            throw ValidationError("\(input): \(path(context.codingPath)): \(context.debugDescription)")
        }
        let leftIndex = try index(instance.left, what: "left")
        let rightIndex = try index(instance.right.map(\.id), what: "right")
        var edges: [CapacitatedAssignment.Edge] = []
        for (number, edge) in instance.edges.enumerated() {
            guard let left = leftIndex[edge.left] else {
                throw ValidationError("\(input): edges[\(number)]: left '\(edge.left)' is not in \"left\"")
            }
            guard let right = rightIndex[edge.right] else {
                throw ValidationError("\(input): edges[\(number)]: right '\(edge.right)' is not in \"right\"")
            }
            edges.append(.init(left: left, right: right, cost: edge.cost))
        }
        for right in instance.right where right.capacity < 0 {
            throw ValidationError("\(input): right '\(right.id)' has a negative capacity (\(right.capacity))")
        }
        // Summed without overflow: anything past the limit counts as the limit plus one.
        let limit = UInt64(CapacitatedAssignment.largestSpread)
        let spread = edges.reduce(UInt64(0)) { min($0 + min($1.cost.magnitude, limit + 1), limit + 1) }
        guard spread <= limit else {
            throw ValidationError("\(input): the costs' absolute values add up to more than 2^56; scale them down")
        }
        let solution = CapacitatedAssignment.solve(left: instance.left.count, capacities: instance.right.map(\.capacity),
                                                   edges: edges)
        let output = Output(
            pairs: solution.edges.map { Output.Pair(left: instance.left[edges[$0].left], right: instance.right[edges[$0].right].id) },
            matched: solution.matched, totalCost: solution.totalCost)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(output), as: UTF8.self))
    }

    private func index(_ ids: [String], what: String) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for (position, id) in ids.enumerated() {
            guard result[id] == nil else { throw ValidationError("\(input): \(what) lists '\(id)' twice") }
            result[id] = position
        }
        return result
    }

    private func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
