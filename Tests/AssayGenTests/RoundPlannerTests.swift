import AssayCore
import AssayGen
import Testing

/// Several rounds of one description: each round is the plan of its seed, told apart by a
/// suffix on every case id, delivered in seed order.
@Suite struct RoundPlannerTests {
    @Test func eachRoundIsThePlanOfItsSeedWithItsCaseIdsTagged() async throws {
        let model = try await petstore()
        let options = PlannerOptions(strategy: .enhanced, seed: 7)
        let planner = RoundPlanner(model: model, options: options, rounds: 3)
        var delivered: [[TestCase]] = []
        for await batch in planner.later { delivered.append(batch) }
        #expect(planner.isFinished)

        let expected = (7...9).map { seed -> TestPlan in
            var seeded = options
            seeded.seed = UInt64(seed)
            return TestPlanner(model: model, options: seeded).plan()
        }
        #expect(planner.first.cases.map(\.id) == expected[0].cases.map { $0.id + "@7" })
        #expect(delivered.count == 2)
        #expect(delivered.map { $0.map(\.id) } == [expected[1].cases.map { $0.id + "@8" }, expected[2].cases.map { $0.id + "@9" }])
        // Only ids change: the steps are the seed's own.
        #expect(delivered[1].map(\.steps) == expected[2].cases.map(\.steps))
        let whole = planner.plan
        #expect(whole.cases.count == expected.reduce(0) { $0 + $1.cases.count })
        #expect(Set(whole.cases.map(\.id)).count == whole.cases.count, "no id is shared between rounds")
        #expect(whole.schemas == expected[0].schemas && whole.credentials == expected[0].credentials)
    }

    @Test func oneRoundIsThePlanItselfAndDeliversNothingMore() async throws {
        let model = try await petstore()
        let planner = RoundPlanner(model: model, options: PlannerOptions(strategy: .enhanced, seed: 2), rounds: 1)
        var batches = 0
        for await _ in planner.later { batches += 1 }
        #expect(batches == 0 && planner.isFinished)
        #expect(planner.first == TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced, seed: 2)).plan())
        #expect(planner.plan == planner.first)
    }
}
