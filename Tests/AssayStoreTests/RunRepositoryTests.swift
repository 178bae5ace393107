import AssayStore
import AssayTestSupport
import Foundation
import Testing

struct RunRepositoryTests {
    @Test(arguments: DatabaseBackend.allCases)
    func runsAreNumberedWithFindingsAndGatesAndGoWithTheirProject(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let projects = ProjectRepository(store: store)
            let project = try await projects.create(slug: "pets", name: "Pets")
            let other = try await projects.create(slug: "other", name: "Other")
            let runs = RunRepository(store: store)
            // Concurrent starts still get distinct numbers.
            let started = try await withThrowingTaskGroup(of: Run.self) { group in
                for _ in 0..<12 {
                    group.addTask { try await runs.start(projectID: project.id, target: "http://127.0.0.1:9") }
                }
                var all: [Run] = []
                for try await run in group { all.append(run) }
                return all
            }
            #expect(started.map(\.number).sorted() == Array(1...12))
            #expect(try await runs.start(projectID: other.id, target: "mock").number == 1)
            await #expect(throws: (any Error).self) { _ = try await runs.start(projectID: UUID(), target: "mock") }

            let run = try #require(started.first { $0.number == 12 })
            #expect(run.status == "running" && run.finishedAt == nil)
            try await runs.addFindings(
                [
                    NewFinding(operation: "GET /pets", check: "schema", severity: "high", message: "id is a string", fingerprint: "f1"),
                    NewFinding(operation: "POST /pets", check: "status", severity: "medium", message: "500", fingerprint: "f2"),
                ],
                to: run.id
            )
            let finished = try #require(try await runs.finish(run.id, status: "failed", summary: #"{"failed":2}"#))
            #expect(finished.status == "failed" && finished.finishedAt != nil)
            #expect(try await runs.finish(UUID(), status: "passed") == nil)
            #expect(Set(try await runs.findings(of: run.id).map(\.fingerprint)) == ["f1", "f2"])
            let gate = try await runs.recordGate(projectID: project.id, runID: run.id, stage: "pr", passed: false, score: 0.61)
            #expect(try await runs.gateResults(projectID: project.id).map(\.id) == [gate.id])

            let page = try await runs.list(projectID: project.id, limit: 3)
            #expect(page.items.map(\.number) == [12, 11, 10])
            let rest = try await runs.list(projectID: project.id, after: page.nextCursor, limit: 3)
            #expect(rest.items.map(\.number) == [9, 8, 7] && rest.nextCursor != nil)

            #expect(try await projects.delete(project.id))
            #expect(try await count("runs", in: store) == 1)
            #expect(try await count("findings", in: store) == 0)
            #expect(try await count("gate_results", in: store) == 0)
        }
    }
}
