import AssayCore
import AssayGen
import AssayQuality
import Foundation
import Testing

/// Gated generation against a previous plan: the incremental plan is gated first; one that
/// reused cases and fails is planned in full, and that plan is gated only when it differs.
struct IncrementalGatedGenerationTests {
    static let soundGate = "stages:\n  staging:\n    - false_failures == 0\n"

    /// The example with `DELETE /orders/{orderId}` added: a method on a path whose `GET` was
    /// planned before, so `GET /orders/{orderId}` is planned anew with it (its 405 case sent
    /// DELETE); the pets are kept.
    static func petstoreWithCancel() async throws -> APIModel {
        let spec = try String(contentsOfFile: QualityScoringTests.petstorePath, encoding: .utf8)
        let cancel = """
                delete:
                  operationId: cancelOrder
                  tags: [orders]
                  parameters:
                    - name: orderId
                      in: path
                      required: true
                      schema: { type: string, format: uuid }
                  responses:
                    '204':
                      description: Cancelled
                    '404':
                      $ref: '#/components/responses/NotFound'

            """
        let health = try #require(spec.range(of: "  /health:\n"))
        var changed = spec
        changed.insert(contentsOf: cancel, at: health.lowerBound)
        return try await SpecLoader().load(.text(changed, name: "petstore")).model
    }

    /// A plan an older Assay wrote, whose `getPet.positive.required` expects a status the
    /// description does not document: the operation is unchanged, so the incremental plan
    /// keeps the case byte for byte, and the conformant mock fails it.
    static func stalePrevious() async throws -> TestPlan {
        var previous = TestPlanner(model: try await QualityScoringTests.model(), options: PlannerOptions(strategy: .enhanced)).plan()
        let suite = try #require(previous.suites.firstIndex { $0.cases.contains { $0.id == "getPet.positive.required" } })
        let index = try #require(previous.suites[suite].cases.firstIndex { $0.id == "getPet.positive.required" })
        let last = previous.suites[suite].cases[index].steps.count - 1
        previous.suites[suite].cases[index].steps[last].expect.status = StatusExpectation(codes: [299])
        return previous
    }

    @Test func aStaleIncrementalPlanIsPlannedInFullAndGatedAgain() async throws {
        let previous = try await Self.stalePrevious()
        let model = try await Self.petstoreWithCancel()
        let (plan, record) = try await GatedGeneration(
            model: model, options: PlannerOptions(), stage: "staging",
            scorer: try QualityScoringTests.scorer(try GateConfiguration(yaml: Self.soundGate)), previous: previous
        ).run()
        #expect(record.attempts.map(\.strategy) == ["enhanced", "enhanced"])
        #expect(record.attempts.map(\.incremental) == [true, false])
        #expect(record.attempts[0].failures.contains { $0.contains("false_failures") }, "\(record.attempts[0])")
        #expect(record.passed, "\(record.attempts)")
        #expect(record.fallbackReason == nil)
        #expect(plan == TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced)).plan())
        let changes = try #require(record.changes)
        #expect(!changes.isIncremental)
        #expect(changes.fullRegenerationReason?.contains("a full plan differs") == true)
        #expect(changes.keptCases.isEmpty && changes.addedCases.count > 0 && changes.removedCases.isEmpty)
        #expect(record.json["changes"]?["cases"]?["regenerated"]?.intValue == previous.cases.count)
    }

    @Test func anIncrementalPlanThatIsTheFullPlanIsScoredOnce() async throws {
        let model = try await QualityScoringTests.model()
        let previous = TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced)).plan()
        let impossible = try GateConfiguration(yaml: "stages:\n  production:\n    - mutation_score > 1\n")
        let (plan, record) = try await GatedGeneration(
            model: model, options: PlannerOptions(), stage: "production", scorer: try QualityScoringTests.scorer(impossible), previous: previous
        ).run()
        // Enhanced, incremental: every case kept, the gate failed; the full plan is the same
        // bytes, so it is not scored again. Standard: the previous plan is enhanced, so it
        // lends nothing and there is nothing to retry in full.
        #expect(record.attempts.map(\.strategy) == ["enhanced", "standard"])
        #expect(record.attempts.map(\.incremental) == [true, true])
        #expect(record.attempts[0].note?.contains("the same bytes") == true, "\(record.attempts[0])")
        #expect(record.fallbackReason?.hasPrefix("the enhanced suite failed the production gate") == true, "\(record)")
        #expect(plan.strategy == .standard)
        #expect(!record.passed)
        let changes = try #require(record.changes)
        #expect(changes.fullRegenerationReason?.contains("the previous plan used the enhanced strategy") == true, "\(changes)")
        #expect(changes.diff.isEmpty)
    }
}
