import KenshuCore

/// Several example cities side by side as one large city, for benchmarks: city `n`'s staff
/// numbers get the prefix `n`, so every id (and every manager reference) stays unique.
extension ExampleCityFiles {
    init(asOf: LocalDate, seed: UInt64, copies: Int) {
        guard copies > 1 else {
            self.init(asOf: asOf, seed: seed)
            return
        }
        self.init(people: [], evaluations: [], history: [])
        for copy in 1...copies {
            let city = ExampleCityFiles(asOf: asOf, seed: seed &+ UInt64(copy))
            let prefix = String(copy)
            people += city.people.map { person in
                var person = person
                person.id = prefix + person.id
                if !person.managerID.isEmpty { person.managerID = prefix + person.managerID }
                if !person.email.isEmpty { person.email = "c\(prefix)." + person.email }
                return person
            }
            evaluations += city.evaluations.map { [prefix + $0[0]] + $0.dropFirst() }
            history += city.history.map { [prefix + $0[0]] + $0.dropFirst() }
        }
    }
}
