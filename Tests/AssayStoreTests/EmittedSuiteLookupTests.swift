import AssayStore
import AssayTestSupport
import Foundation
import Testing

/// `EmittedSuiteRepository.latest(planID:framework:)`, what the suite download reads.
struct EmittedSuiteLookupTests {
    /// A plan's suite is its newest live one of the framework; other plans' suites never are.
    @Test(arguments: DatabaseBackend.allCases)
    func latestSuiteOfAPlan(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let project = try await ProjectRepository(store: store).create(slug: "shop", name: "Shop")
            let plans = PlanRepository(store: store)
            let suites = EmittedSuiteRepository(store: store)
            let first = try await plans.save(projectID: project.id, content: #"{"cases":1}"#, reason: "first", actor: "test")
            let second = try await plans.save(projectID: project.id, content: #"{"cases":2}"#, reason: "second", actor: "test")
            #expect(try await suites.latest(planID: first.id) == nil, "no suite emitted yet")

            let v1 = try await suites.save(planID: first.id, framework: "pytest", files: #"{"a.py":"1"}"#, reason: "emitted", actor: "test")
            let v2 = try await suites.save(planID: first.id, framework: "pytest", files: #"{"a.py":"2"}"#, reason: "again", actor: "test")
            let other = try await suites.save(planID: second.id, framework: "pytest", files: #"{"b.py":"3"}"#, reason: "emitted", actor: "test")
            #expect(try await suites.latest(planID: first.id)?.id == v2.id)
            #expect(try await suites.latest(planID: second.id)?.id == other.id)
            #expect(try await suites.latest(planID: first.id, framework: "jest") == nil)

            // A deleted version is skipped; with none left, there is none.
            try await suites.delete(v2.id, reason: "bad", actor: "test")
            #expect(try await suites.latest(planID: first.id)?.id == v1.id)
            try await suites.delete(v1.id, reason: "bad", actor: "test")
            #expect(try await suites.latest(planID: first.id) == nil)
            #expect(try await suites.latest(planID: UUID()) == nil)
        }
    }
}
