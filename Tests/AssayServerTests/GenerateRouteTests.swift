import AssayServer
import AssayStore
import AssayTestSupport
import Foundation
import NIOHTTP1
import Testing

/// `POST /api/v1/projects/{project}/generate`: in the request for a small description, as a
/// job past the limit, and its refusals.
struct GenerateRouteTests {
    static func configure(_ configuration: inout ServerConfiguration) {
        configuration.python = ProcessInfo.processInfo.environment["ASSAY_TEST_PYTHON"]
    }

    /// A project `pets` at the development stage with the example uploaded as version 1.
    static func petsProject(_ harness: ServerHarness) async throws -> Int? {
        let created = try await harness.send(
            .POST, "/api/v1/projects", token: .write, json: #"{"slug":"pets","name":"Pets","settings":{"stage":"development"}}"#)
        #expect(created.status == 201, "\(created.text)")
        let spec = try String(contentsOfFile: "examples/petstore.yaml", encoding: .utf8)
        let upload = try await harness.send(
            .POST, "/api/v1/projects/pets/specs", token: .write, headers: [("Content-Type", "application/yaml")], body: Array(spec.utf8))
        #expect(upload.status == 201, "\(upload.text)")
        return try upload.object()["jobID"] as? Int
    }

    @Test(.timeLimit(.minutes(6)), arguments: DatabaseBackend.allCases)
    func aSmallDescriptionIsGeneratedInTheRequest(backend: DatabaseBackend) async throws {
        // No workers: the upload's own spec-change job stays queued, so every plan here is the route's.
        try await ServerHarness.with(backend, configure: { configuration in
            Self.configure(&configuration)
            configuration.runsJobs = false
        }) { harness in
            _ = try await Self.petsProject(harness)
            let started = ContinuousClock.now
            let response = try await harness.send(.POST, "/api/v1/projects/pets/generate", token: .write)
            print("generate in the request (\(backend.rawValue)): \(ContinuousClock.now - started)")
            #expect(response.status == 201, "\(response.text)")
            let body = try response.object()
            let plan = try #require(body["plan"] as? [String: Any])
            let id = try #require(plan["id"] as? String)
            #expect(response.headers.first(name: "Location") == "/api/v1/plans/\(id)")
            #expect(plan["version"] as? Int == 1)
            #expect(body["specVersion"] as? Int == 1)
            #expect((body["cases"] as? Int ?? 0) > 100)
            let gate = try #require(body["gate"] as? [String: Any])
            #expect(gate["stage"] as? String == "development")
            #expect(gate["passed"] as? Bool == true, "\(gate)")
            #expect(gate["strategy"] as? String == "enhanced")
            #expect(gate["fellBack"] as? Bool == false)
            #expect((gate["scores"] as? [String: Any])?["overall"] is Double || (gate["scores"] as? [String: Any])?["overall"] is Int)
            #expect(body["changes"] is NSNull)
            let links = try #require(body["links"] as? [String: String])
            #expect(links["suite"] == "/api/v1/plans/\(id)/suite.zip")

            // Stored: the plan, its suite and the verdict.
            let stored = try await harness.send(.GET, "/api/v1/plans/\(id)", token: .read)
            #expect(stored.status == 200)
            let files = try await harness.send(.GET, links["files"] ?? "", token: .read).object()
            let paths = Set((files["items"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String })
            #expect(paths.isSuperset(of: ["plan.json", "generation.json", "conftest.py"]), "\(paths)")
            let gates = try await harness.send(.GET, "/api/v1/projects/pets/gates", token: .read).object()
            #expect((gates["items"] as? [Any])?.count == 1)

            // Another strategy and seed: the previous plan lends nothing, and says why.
            let standard = try await harness.send(
                .POST, "/api/v1/projects/pets/generate", token: .write, json: #"{"specVersion":1,"strategy":"standard","seed":7}"#)
            #expect(standard.status == 201, "\(standard.text)")
            let second = try standard.object()
            #expect((second["plan"] as? [String: Any])?["version"] as? Int == 2)
            #expect((second["gate"] as? [String: Any])?["strategy"] as? String == "standard")
            #expect(((second["gate"] as? [String: Any])?["attempts"] as? [Any])?.count == 1)
            let changes = try #require(second["changes"] as? [String: Any], "\(second)")
            #expect(changes["incremental"] as? Bool == false)
            #expect((changes["fullRegenerationReason"] as? String)?.contains("enhanced strategy") == true, "\(changes)")
            #expect((changes["cases"] as? [String: Int])?["kept"] == 0)

            // The same options again: everything is kept.
            let same = try await harness.send(
                .POST, "/api/v1/projects/pets/generate", token: .write, json: #"{"strategy":"standard","seed":7,"incremental":true}"#)
            #expect(same.status == 201, "\(same.text)")
            let third = try same.object()
            let cases = try #require((third["changes"] as? [String: Any])?["cases"] as? [String: Int], "\(third)")
            #expect(cases == ["kept": third["cases"] as? Int ?? -1, "regenerated": 0, "added": 0, "removed": 0])
        }
    }

    @Test(.timeLimit(.minutes(6)), arguments: DatabaseBackend.allCases)
    func aDescriptionPastTheLimitBecomesAJob(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: { configuration in
            Self.configure(&configuration)
            configuration.synchronousGenerationLimit = 5
        }) { harness in
            // The example has 8 operations. Its upload's job makes plan 1 first.
            let upload = try #require(try await Self.petsProject(harness))
            let uploaded = try await PipelineTests.waitForJob(upload, harness: harness)
            #expect(uploaded["state"] as? String == "succeeded", "\(uploaded)")

            let response = try await harness.send(.POST, "/api/v1/projects/pets/generate", token: .write, json: #"{"incremental":true}"#)
            #expect(response.status == 202, "\(response.text)")
            let job = try #require(try response.object()["jobID"] as? Int)
            #expect(response.headers.first(name: "Location") == "/api/v1/jobs/\(job)")
            let finished = try await PipelineTests.waitForJob(job, harness: harness)
            #expect(finished["state"] as? String == "succeeded", "\(finished)")
            #expect(finished["kind"] as? String == GenerateJob.kind)
            let result = try #require((finished["result"] as? String).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
            #expect(result["status"] as? String == "generated")
            #expect(result["planVersion"] as? Int == 2)
            #expect(result["gatePassed"] as? Bool == true, "\(result)")
            // Against plan 1 of the same version with the same options: every case kept.
            let changes = try #require(result["changes"] as? [String: Any], "\(result)")
            #expect(changes["incremental"] as? Bool == true)
            let cases = try #require(changes["cases"] as? [String: Int])
            #expect(cases == ["kept": result["cases"] as? Int ?? -1, "regenerated": 0, "added": 0, "removed": 0])
            let plan = try #require(result["plan"] as? String)
            let suite = try await harness.send(.GET, "/api/v1/plans/\(plan)/files", token: .read)
            #expect(suite.status == 200)
            // The two plans are the same bytes.
            let plans = try await harness.send(.GET, "/api/v1/projects/pets/plans", token: .read).object()
            let hashes = (plans["items"] as? [[String: Any]] ?? []).compactMap { $0["contentHash"] as? String }
            #expect(hashes.count == 2 && Set(hashes).count == 1, "\(plans)")
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func refusals(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: { $0.runsJobs = false }) { harness in
            _ = try await harness.send(.POST, "/api/v1/projects", token: .write, json: #"{"slug":"empty","name":"Empty"}"#)
            // Nothing to generate from yet.
            let none = try await harness.send(.POST, "/api/v1/projects/empty/generate", token: .write)
            #expect(none.status == 409, "\(none.text)")
            #expect(try none.errorCode() == "conflict")

            for (body, field) in [
                (#"{"specVersion":0}"#, "specVersion"), (#"{"specVersion":"1"}"#, "specVersion"), (#"{"specVersion":null}"#, "specVersion"),
                (#"{"specVersion":2147483648}"#, "specVersion"), (#"{"strategy":"fast"}"#, "strategy"), (#"{"seed":-1}"#, "seed"),
                (#"{"seed":1.5}"#, "seed"), (#"{"incremental":"yes"}"#, "incremental"), (#"{"kinds":"flow"}"#, "kinds"),
            ] {
                // Judged before the project: the same for one that does not exist.
                for project in ["empty", "nobody"] {
                    let response = try await harness.send(.POST, "/api/v1/projects/\(project)/generate", token: .write, json: body)
                    #expect(response.status == 400, "\(body): \(response.text)")
                    let details = (try response.object()["error"] as? [String: Any])?["details"] as? [String: Any]
                    #expect(details?["field"] as? String == field, "\(body): \(response.text)")
                }
            }
            let array = try await harness.send(.POST, "/api/v1/projects/empty/generate", token: .write, json: "[1]")
            #expect(array.status == 400)
            let broken = try await harness.send(.POST, "/api/v1/projects/empty/generate", token: .write, json: "{")
            #expect(broken.status == 400)
            let text = try await harness.send(
                .POST, "/api/v1/projects/empty/generate", token: .write, headers: [("Content-Type", "text/plain")], body: Array("hello".utf8))
            #expect(text.status == 415)

            let unknownProject = try await harness.send(.POST, "/api/v1/projects/nobody/generate", token: .write)
            #expect(unknownProject.status == 404)
            let spec = try String(contentsOfFile: "examples/petstore.yaml", encoding: .utf8)
            _ = try await harness.send(
                .POST, "/api/v1/projects/empty/specs", token: .write, headers: [("Content-Type", "application/yaml")], body: Array(spec.utf8))
            let unknownVersion = try await harness.send(.POST, "/api/v1/projects/empty/generate", token: .write, json: #"{"specVersion":2}"#)
            #expect(unknownVersion.status == 404, "\(unknownVersion.text)")

            #expect(try await harness.send(.POST, "/api/v1/projects/empty/generate").status == 401)
            #expect(try await harness.send(.POST, "/api/v1/projects/empty/generate", token: .read).status == 403)
            // Nothing was generated by any of them.
            let plans = try await harness.send(.GET, "/api/v1/projects/empty/plans", token: .read).object()
            #expect((plans["items"] as? [Any])?.isEmpty == true)
        }
    }
}
