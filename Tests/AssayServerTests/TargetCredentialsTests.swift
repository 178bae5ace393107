import AssayCore
import AssayMock
import AssayServer
import AssayStore
import AssayTestSupport
import Foundation
import NIOHTTP1
import Testing

/// A project's run against its own target (here a mock on 127.0.0.1 that accepts one key)
/// sends the credentials kept in its settings, which reads never show.
struct TargetCredentialsTests {
    @Test(.timeLimit(.minutes(5)), arguments: DatabaseBackend.allCases)
    func runsAgainstATargetSendTheProjectsCredentials(backend: DatabaseBackend) async throws {
        let spec = try String(contentsOfFile: "examples/petstore.yaml", encoding: .utf8)
        let model = try await SpecLoader().load(.text(spec, name: "petstore.yaml")).model
        let target = MockServer(model: model, options: MockOptions(seed: 1, credentials: ["k3y-only-this"]), port: 0)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let running = Task { try await target.run { port in continuation.yield(port) } }
        defer { running.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let targetURL = "http://127.0.0.1:\(port)\(target.basePath)"

        try await ServerHarness.with(backend, configure: { configuration in
            configuration.python = ProcessInfo.processInfo.environment["ASSAY_TEST_PYTHON"]
        }) { harness in
            let credentials = #"{"ASSAY_AUTH_API_KEY":"k3y-only-this","ASSAY_AUTH_BEARER_AUTH_TOKEN":"k3y-only-this"}"#
            for (slug, settings) in [
                ("keyed", #"{"stage":"development","targetURL":"\#(targetURL)","allowPrivateTarget":true,"targetCredentials":\#(credentials)}"#),
                ("keyless", #"{"stage":"development","targetURL":"\#(targetURL)","allowPrivateTarget":true}"#),
            ] {
                let created = try await harness.send(
                    .POST, "/api/v1/projects", token: .write, json: #"{"slug":"\#(slug)","name":"\#(slug)","settings":\#(settings)}"#)
                #expect(created.status == 201, "\(created.text)")
            }
            // Reads show the names, never the values; `***` sent back keeps them.
            let shown = try await harness.send(.GET, "/api/v1/projects/keyed", token: .read)
            #expect(shown.text.contains("k3y-only-this") == false)
            let settings = try #require(try shown.object()["settings"] as? [String: Any])
            #expect(settings["targetCredentials"] as? [String: String] == ["ASSAY_AUTH_API_KEY": "***", "ASSAY_AUTH_BEARER_AUTH_TOKEN": "***"])
            let resent = try await harness.send(
                .PATCH, "/api/v1/projects/keyed", token: .write,
                json: #"{"settings":{"stage":"development","targetURL":"\#(targetURL)","allowPrivateTarget":true,"targetCredentials":{"ASSAY_AUTH_API_KEY":"***","ASSAY_AUTH_BEARER_AUTH_TOKEN":"***"}}}"#)
            #expect(resent.status == 200, "\(resent.text)")
            let stored = try await ProjectRepository(store: harness.store).get(slug: "keyed")
            #expect(stored?.settings.targetCredentials["ASSAY_AUTH_API_KEY"] == "k3y-only-this")
            // A name that is not a credential variable, and an oversize value, are refused
            // (and change nothing).
            for bad in [#"{"api_key":"x"}"#, #"{"ASSAY_AUTH_KEY":"\#(String(repeating: "x", count: 4097))"}"#] {
                let refused = try await harness.send(
                    .PATCH, "/api/v1/projects/keyless", token: .write, json: #"{"settings":{"targetCredentials":\#(bad)}}"#)
                #expect(refused.status == 400, "\(bad.prefix(40)) → \(refused.text)")
            }
            #expect(try await ProjectRepository(store: harness.store).get(slug: "keyless")?.settings.targetURL == targetURL)

            var outcomes: [String: (status: String, findings: [[String: Any]])] = [:]
            for slug in ["keyed", "keyless"] {
                let upload = try await harness.send(
                    .POST, "/api/v1/projects/\(slug)/specs", token: .write, headers: [("Content-Type", "application/yaml")], body: Array(spec.utf8))
                let specJob = try #require(try upload.object()["jobID"] as? Int)
                let generated = try await PipelineTests.waitForJob(specJob, harness: harness)
                let result = try #require((generated["result"] as? String).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
                let runJob = try #require(result["runJob"] as? Int, "\(generated)")
                let ran = try await PipelineTests.waitForJob(runJob, harness: harness)
                #expect(ran["state"] as? String == "succeeded", "\(ran)")
                let runs = try await harness.send(.GET, "/api/v1/projects/\(slug)/runs", token: .read).object()
                let run = try #require((runs["items"] as? [[String: Any]])?.first)
                #expect(run["target"] as? String == targetURL)
                let runID = try #require(run["id"] as? String)
                let findings = try await harness.send(.GET, "/api/v1/runs/\(runID)/findings", token: .read).object()
                outcomes[slug] = (run["status"] as? String ?? "", findings["items"] as? [[String: Any]] ?? [])
            }
            // With the key every case passes; without it the secured operations are refused.
            #expect(outcomes["keyed"]?.status == "passed", "\(outcomes["keyed"]?.findings ?? [])")
            #expect(outcomes["keyed"]?.findings.isEmpty == true)
            #expect(outcomes["keyless"]?.status == "failed")
            let refusals = outcomes["keyless"]?.findings.filter { ($0["message"] as? String)?.contains("401") == true } ?? []
            #expect(!refusals.isEmpty, "\(outcomes["keyless"]?.findings ?? [])")
        }
    }
}
