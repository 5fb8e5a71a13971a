import KenshuCore

/// The example city's generator: the project's seeded generator, with the few draws the
/// builders use.
typealias SplitMix64 = SeededRandom

extension SeededRandom {
    /// True with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &self) < probability
    }

    mutating func pick<T>(_ items: [T]) -> T {
        items[Int.random(in: 0..<items.count, using: &self)]
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
}
