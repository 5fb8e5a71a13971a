import Foundation
import KenshuTesting
import Testing

/// `kenshu-bench assign --input FILE.json`: the mentor solver checked from outside.
struct AssignCommandTests {
    func solve(_ json: String) throws -> KenshuBinary.Result {
        let city = try TemporaryCity()
        defer { city.remove() }
        return try KenshuBinary.run(["assign", "--input", try city.write("instance.json", json)], product: "kenshu-bench")
    }

    @Test func findsTheMostPairsThenTheLeastCost() throws {
        // Greedy would give a→x (cost 1) and leave b alone; the most pairs is a→y, b→x.
        let result = try solve("""
            {"left": ["a", "b"], "right": [{"id": "x", "capacity": 1}, {"id": "y", "capacity": 1}],
             "edges": [{"left": "a", "right": "x", "cost": 1}, {"left": "a", "right": "y", "cost": 5},
                       {"left": "b", "right": "x", "cost": -2}]}
            """)
        #expect(result.status == 0, "\(result.stderr)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(answer["matched"] as? Int == 2)
        #expect(answer["totalCost"] as? Int == 3)
    }

    @Test func anEdgeToAnUnknownNodeExitsTwoNamingIt() throws {
        let result = try solve("""
            {"left": ["a"], "right": [{"id": "x", "capacity": 1}], "edges": [{"left": "a", "right": "z", "cost": 1}]}
            """)
        #expect(result.status == 2)
        #expect(result.stderr.contains("edges[0]: right 'z' is not in \"right\""), "\(result.stderr)")
    }
}
