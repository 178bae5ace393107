import AssayServer
import AssayStore
import AssayTestSupport
import Foundation
import NIOHTTP1
import Testing

/// An uploaded description goes through the whole pipeline in the server's own workers:
/// generated with the project's gate, stored (plan, pytest files, verdict), then run against
/// Assay's mock with no findings.
struct PipelineTests {
    @Test(.timeLimit(.minutes(5)), arguments: DatabaseBackend.allCases)
    func uploadIsGeneratedGatedStoredAndRun(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: { configuration in
            configuration.python = ProcessInfo.processInfo.environment["ASSAY_TEST_PYTHON"]
        }) { harness in
            _ = try await harness.send(.POST, "/api/v1/projects", token: .write, json: #"{"slug":"pets","name":"Pets","settings":{"stage":"development"}}"#)
            let spec = try String(contentsOfFile: "examples/petstore.yaml", encoding: .utf8)
            let upload = try await harness.send(
                .POST, "/api/v1/projects/pets/specs", token: .write, headers: [("Content-Type", "application/yaml")], body: Array(spec.utf8))
            #expect(upload.status == 201, "\(upload.text)")
            let specJob = try #require(try upload.object()["jobID"] as? Int)

            let generated = try await Self.waitForJob(specJob, harness: harness)
            #expect(generated["state"] as? String == "succeeded", "\(generated)")
            let result = try #require((generated["result"] as? String).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
            #expect(result["status"] as? String == "generated")
            #expect((result["cases"] as? Int ?? 0) > 20)
            let runJob = try #require(result["runJob"] as? Int)

            let ran = try await Self.waitForJob(runJob, harness: harness)
            #expect(ran["state"] as? String == "succeeded", "\(ran)")

            let plans = try await harness.send(.GET, "/api/v1/projects/pets/plans", token: .read).object()
            #expect((plans["items"] as? [Any])?.count == 1)
            let gates = try await harness.send(.GET, "/api/v1/projects/pets/gates", token: .read).object()
            let gate = try #require((gates["items"] as? [[String: Any]])?.first)
            #expect(gate["stage"] as? String == "development")
            #expect(gate["passed"] as? Bool == true, "\(gate)")
            let runs = try await harness.send(.GET, "/api/v1/projects/pets/runs", token: .read).object()
            let run = try #require((runs["items"] as? [[String: Any]])?.first)
            #expect(run["target"] as? String == "mock")
            #expect(run["status"] as? String == "passed", "\(run)")
            let runID = try #require(run["id"] as? String)
            let findings = try await harness.send(.GET, "/api/v1/runs/\(runID)/findings", token: .read).object()
            #expect((findings["items"] as? [Any])?.isEmpty == true)

            // The same description again changes nothing: no new job.
            let again = try await harness.send(
                .POST, "/api/v1/projects/pets/specs", token: .write, headers: [("Content-Type", "application/yaml")], body: Array(spec.utf8))
            #expect(try again.object()["created"] as? Bool == false)
            #expect(try await count("jobs", in: harness.store) == 2)

            // The metrics saw the jobs, the generation and the quality figures.
            let metrics = try await harness.send(.GET, "/metrics").text
            #expect(metrics.contains(#"assay_jobs_total{kind="spec-change",outcome="succeeded"} 1"#), "\(metrics)")
            #expect(metrics.contains(#"assay_jobs_total{kind="run-plan",outcome="succeeded"} 1"#))
            #expect(metrics.contains("assay_generation_duration_seconds_count"))
            #expect(metrics.contains(#"assay_quality_score{project="pets",metric="overall"}"#))
        }
    }

    /// Polls a job until it is no longer queued or running (bounded: 4 minutes).
    static func waitForJob(_ id: Int, harness: ServerHarness) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + .seconds(240)
        while ContinuousClock.now < deadline {
            let job = try await harness.send(.GET, "/api/v1/jobs/\(id)", token: .read).object()
            if let state = job["state"] as? String, state != "queued", state != "running" { return job }
            if let error = job["lastError"] as? String, (job["attempts"] as? Int ?? 0) > 0 {
                // A failed attempt is retried with backoff; its error is the useful report.
                return ["state": "failed-attempt", "lastError": error]
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        return ["state": "timed-out"]
    }
}
