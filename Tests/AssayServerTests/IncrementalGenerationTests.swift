import AssayCore
import AssayGen
import AssayServer
import AssayStore
import AssayTestSupport
import Foundation
import NIOHTTP1
import OrderedCollections
import Testing

/// A new version of a description is regenerated against the project's previous plan: the
/// cases of unchanged operations are kept byte for byte, the job result says what changed, and
/// the plan is the one a full generation of the new version gives.
struct IncrementalGenerationTests {
    /// The example with one operation added (`GET /owners`), one response schema changed (the
    /// health status may now be `null` or `degraded`: a changed type, breaking) and one
    /// operation removed (`GET /orders/{orderId}`: breaking).
    static func modifiedPetstore() throws -> String {
        var spec = try String(contentsOfFile: "examples/petstore.yaml", encoding: .utf8)
        let order = try #require(spec.range(of: "  /orders/{orderId}:\n"))
        let health = try #require(spec.range(of: "  /health:\n"))
        spec.removeSubrange(order.lowerBound..<health.lowerBound)
        let status = "                    type: string\n                    enum: [ok]\n"
        #expect(spec.components(separatedBy: status).count == 2)
        spec = spec.replacingOccurrences(
            of: status, with: "                    type: string\n                    nullable: true\n                    enum: [ok, degraded, null]\n")
        let owners = """
              /owners:
                get:
                  operationId: listOwners
                  summary: List owners
                  tags: [owners]
                  responses:
                    '200':
                      description: The owners
                      content:
                        application/json:
                          schema:
                            type: array
                            items:
                              $ref: '#/components/schemas/Owner'
                    '401':
                      $ref: '#/components/responses/Unauthorized'

            """
        let components = try #require(spec.range(of: "\ncomponents:\n"))
        spec.insert(contentsOf: owners, at: spec.index(after: components.lowerBound))
        return spec
    }

    @Test(.timeLimit(.minutes(8)), arguments: DatabaseBackend.allCases)
    func aNewVersionKeepsTheCasesOfUnchangedOperations(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: { configuration in
            configuration.python = ProcessInfo.processInfo.environment["ASSAY_TEST_PYTHON"]
        }) { harness in
            _ = try await harness.send(.POST, "/api/v1/projects", token: .write, json: #"{"slug":"pets","name":"Pets","settings":{"stage":"development"}}"#)
            let original = try String(contentsOfFile: "examples/petstore.yaml", encoding: .utf8)
            let first = try await Self.upload(original, harness: harness)
            #expect(first["status"] as? String == "generated", "\(first)")
            #expect(first["changes"] is NSNull, "the first plan has nothing to change from: \(first)")
            let plan1 = try #require(first["plan"] as? String)

            let modified = try Self.modifiedPetstore()
            let started = ContinuousClock.now
            let second = try await Self.upload(modified, harness: harness)
            let planning = [first, second].map { result in
                (((result["gate"] as? [String: Any])?["attempts"] as? [[String: Any]])?.first?["generationSeconds"] as? Double) ?? -1
            }
            print(
                "incremental spec-change (\(backend.rawValue)): \(ContinuousClock.now - started) from upload to result; "
                    + "planning \(planning[0]) s in full, \(planning[1]) s incremental")
            #expect(second["status"] as? String == "generated", "\(second)")
            #expect(second["strategy"] as? String == "enhanced", "\(second)")
            #expect(second["gatePassed"] as? Bool == true, "\(second)")
            #expect(second["planVersion"] as? Int == 2)
            let plan2 = try #require(second["plan"] as? String)

            // What changed, as the job reports it.
            let changes = try #require(second["changes"] as? [String: Any], "\(second)")
            #expect(changes["incremental"] as? Bool == true)
            #expect(changes["fullRegenerationReason"] is NSNull)
            #expect((changes["since"] as? [String: Any])?["plan"] as? String == plan1)
            let cases = try #require(changes["cases"] as? [String: Int])
            // 129 cases before, 127 after: 119 of the six unchanged operations kept; the three
            // of GET /health planned anew; five of GET /owners new; six of GET /orders/{orderId}
            // and the order flow that reads it gone.
            #expect(cases == ["kept": 119, "regenerated": 3, "added": 5, "removed": 7])
            #expect(changes["operations"] as? [String: Int] == ["reused": 6, "regenerated": 2])
            let diff = try #require(changes["specDiff"] as? [String: Any])
            #expect(diff["summary"] as? [String: Int] == ["added": 1, "removed": 1, "changed": 1, "unchanged": 6, "breaking": 2])
            #expect(diff["added"] as? [String] == ["GET /owners"])
            #expect(diff["removed"] as? [String] == ["GET /orders/{orderId}"])
            let breaking = try #require(diff["breaking"] as? [[String: String]])
            #expect(breaking.map { $0["operation"]! + " " + $0["kind"]! } == ["GET /orders/{orderId} removed-operation", "GET /health changed-type"])

            // Kept cases are the first plan's, byte for byte.
            let before = try await Self.cases(of: plan1, harness: harness)
            let after = try await Self.cases(of: plan2, harness: harness)
            #expect(before.count == 129 && after.count == 127)
            let unchanged: Set<String> = ["GET /pets", "POST /pets", "GET /pets/{petId}", "PUT /pets/{petId}", "DELETE /pets/{petId}", "POST /orders"]
            let kept = after.filter { id, testCase in
                let operations = testCase["steps"]?.arrayValue?.compactMap { $0["operation"]?.stringValue } ?? []
                return before[id] != nil && !operations.isEmpty && Set(operations).isSubset(of: unchanged)
            }
            #expect(kept.count == 119)
            for (id, testCase) in kept {
                #expect(JSONWriter().bytes(testCase) == before[id].map { JSONWriter().bytes($0) }, "\(id) changed")
            }

            // And the plan is the one a full generation of the new version gives.
            let model = try await SpecLoader().load(.text(modified, name: "spec")).model
            let full = TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced, seed: 1)).plan()
            let stored = try await harness.send(.GET, "/api/v1/plans/\(plan2)", token: .read)
            #expect(stored.body == full.jsonBytes())

            // The suite carries the record (with the changes) and the spec diff.
            let files = try await harness.send(.GET, "/api/v1/plans/\(plan2)/files", token: .read).object()
            let paths = Set((files["items"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String })
            #expect(paths.isSuperset(of: ["plan.json", "generation.json", "spec-diff.json"]), "\(files)")

            // A version that has its plan only has its run queued again.
            let project = try await harness.send(.GET, "/api/v1/projects/pets", token: .read).object()
            let version = try await harness.send(.GET, "/api/v1/projects/pets/specs/2", token: .read).object()
            let again = try await JobQueue(store: harness.store).enqueue(
                kind: SpecChangeJob.kind,
                payload: SpecChangeJob(
                    projectID: try #require(UUID(uuidString: project["id"] as? String ?? "")), trigger: "api",
                    specVersionID: try #require(UUID(uuidString: version["id"] as? String ?? ""))))
            let repeated = try await Self.result(of: Int(again.job.id), harness: harness)
            #expect(repeated["status"] as? String == "unchanged")
            #expect(repeated["plan"] as? String == plan2)
            let plans = try await harness.send(.GET, "/api/v1/projects/pets/plans", token: .read).object()
            #expect((plans["items"] as? [Any])?.count == 2)
        }
    }

    /// Uploads `spec` and returns the result of the spec-change job it queues.
    static func upload(_ spec: String, harness: ServerHarness) async throws -> [String: Any] {
        let upload = try await harness.send(
            .POST, "/api/v1/projects/pets/specs", token: .write, headers: [("Content-Type", "application/yaml")], body: Array(spec.utf8))
        #expect(upload.status == 201, "\(upload.text)")
        return try await result(of: try #require(try upload.object()["jobID"] as? Int), harness: harness)
    }

    /// The result of a job that must succeed, as an object.
    static func result(of job: Int, harness: ServerHarness) async throws -> [String: Any] {
        let finished = try await PipelineTests.waitForJob(job, harness: harness)
        #expect(finished["state"] as? String == "succeeded", "\(finished)")
        let text = try #require(finished["result"] as? String, "\(finished)")
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A stored plan's cases by id, as JSON.
    static func cases(of plan: String, harness: ServerHarness) async throws -> [String: JSONValue] {
        let response = try await harness.send(.GET, "/api/v1/plans/\(plan)", token: .read)
        #expect(response.status == 200)
        let json = try JSONValue.parse(response.body)
        var cases: [String: JSONValue] = [:]
        for suite in json["suites"]?.arrayValue ?? [] {
            for testCase in suite["cases"]?.arrayValue ?? [] {
                if let id = testCase["id"]?.stringValue { cases[id] = testCase }
            }
        }
        return cases
    }
}
