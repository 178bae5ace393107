import AssayServer
import AssayStore
import AssayTestSupport
import Foundation
import NIOHTTP1
import Testing

/// The REST API over real HTTP on both databases: scopes, validation, the error format,
/// pagination, uploads and the queue.
struct ResourceAPITests {
    @Test(arguments: DatabaseBackend.allCases)
    func scopesAreEnforced(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: { $0.runsJobs = false }) { harness in
            let anonymous = try await harness.send(.GET, "/api/v1/projects")
            #expect(anonymous.status == 401)
            #expect(anonymous.headers.first(name: "WWW-Authenticate")?.hasPrefix("Bearer") == true)
            #expect(try anonymous.errorCode() == "unauthorized")
            let bogus = try await harness.send(.GET, "/api/v1/projects", headers: [("Authorization", "Bearer assay_not-a-token")])
            #expect(bogus.status == 401)
            let basic = try await harness.send(.GET, "/api/v1/projects", headers: [("Authorization", "Basic dXNlcjpwdw==")])
            #expect(basic.status == 401)
            #expect(try await harness.send(.GET, "/api/v1/projects", token: .read).status == 200)
            // read cannot write; write cannot administer.
            let create = try await harness.send(.POST, "/api/v1/projects", token: .read, json: #"{"slug":"a","name":"A"}"#)
            #expect(create.status == 403)
            #expect(try create.errorCode() == "forbidden")
            #expect(try await harness.send(.POST, "/api/v1/projects", token: .write, json: #"{"slug":"a","name":"A"}"#).status == 201)
            #expect(try await harness.send(.GET, "/api/v1/jobs", token: .write).status == 403)
            #expect(try await harness.send(.DELETE, "/api/v1/projects/a", token: .write).status == 403)
            #expect(try await harness.send(.GET, "/api/v1/jobs", token: .admin).status == 200)
            #expect(try await harness.send(.DELETE, "/api/v1/projects/a", token: .admin).status == 204)
            #expect(try await harness.send(.GET, "/api/v1/projects/a", token: .read).status == 404)
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func projectsAreCreatedValidatedPagedAndRedacted(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: { $0.runsJobs = false }) { harness in
            let created = try await harness.send(
                .POST, "/api/v1/projects", token: .write,
                json: #"{"slug":"payments","name":"Payments","settings":{"stage":"production","webhookSecrets":{"github":"s3cret"}}}"#)
            #expect(created.status == 201, "\(created.text)")
            #expect(created.headers.first(name: "Location") == "/api/v1/projects/payments")
            let object = try created.object()
            let settings = try #require(object["settings"] as? [String: Any])
            #expect((settings["webhookSecrets"] as? [String: String]) == ["github": "***"])
            #expect(!created.text.contains("s3cret"))
            // The secret is stored, only hidden.
            let stored = try #require(try await ProjectRepository(store: harness.store).get(slug: "payments"))
            #expect(stored.settings.webhookSecrets["github"] == "s3cret")

            // A read sent back keeps the secret; a new stage is validated.
            let patched = try await harness.send(
                .PATCH, "/api/v1/projects/payments", token: .write,
                json: #"{"settings":{"stage":"critical","webhookSecrets":{"github":"***"}}}"#)
            #expect(patched.status == 200, "\(patched.text)")
            #expect(try await ProjectRepository(store: harness.store).get(slug: "payments")?.settings.webhookSecrets["github"] == "s3cret")
            let badStage = try await harness.send(.PATCH, "/api/v1/projects/payments", token: .write, json: #"{"settings":{"stage":"prod"}}"#)
            #expect(badStage.status == 400)
            let details = try #require((try badStage.object()["error"] as? [String: Any])?["details"] as? [String: Any])
            #expect(details["field"] as? String == "settings.stage")

            let taken = try await harness.send(.POST, "/api/v1/projects", token: .write, json: #"{"slug":"payments","name":"taken"}"#)
            #expect(taken.status == 409, "\(taken.text)")
            #expect(try taken.errorCode() == "conflict")
            // A null repository URL on PATCH removes it; absent keeps it.
            let withRepository = try await harness.send(
                .PATCH, "/api/v1/projects/payments", token: .write, json: #"{"repositoryURL":"https://git.example.com/pay"}"#)
            #expect(try withRepository.object()["repositoryURL"] as? String == "https://git.example.com/pay")
            let renamed = try await harness.send(.PATCH, "/api/v1/projects/payments", token: .write, json: #"{"name":"Payments"}"#)
            #expect(try renamed.object()["repositoryURL"] as? String == "https://git.example.com/pay")
            let cleared = try await harness.send(.PATCH, "/api/v1/projects/payments", token: .write, json: #"{"repositoryURL":null}"#)
            #expect(cleared.status == 200)
            #expect(try cleared.object()["repositoryURL"] == nil)
            for body in [#"{"settings":null}"#, #"{"name":null}"#] {
                let refused = try await harness.send(.PATCH, "/api/v1/projects/payments", token: .write, json: body)
                #expect(refused.status == 400, "\(body) → \(refused.text)")
            }

            for (body, expected) in [
                (#"{"slug":"Bad Slug","name":"x"}"#, 400),
                (#"{"name":"no slug"}"#, 400),
                (#"{"slug":"x","name":"x","settings":{"targetURL":"ftp://x"}}"#, 400),
                (#"{"slug":"x","name":"x","settings":{"webhookSecrets":{"bitbucket":"k"}}}"#, 400),
                (#"[1,2]"#, 400),
                (#"{"slug":"x","#, 400),
            ] {
                let response = try await harness.send(.POST, "/api/v1/projects", token: .write, json: body)
                #expect(response.status == expected, "\(body) → \(response.status) \(response.text)")
                #expect(try response.errorCode() == "invalid_request")
            }
            let untyped = try await harness.send(.POST, "/api/v1/projects", token: .write, body: Array(#"{"slug":"y","name":"y"}"#.utf8))
            #expect(untyped.status == 415)

            // Pages of 2 over 5 projects: every project once, in slug order.
            for index in 0..<4 {
                _ = try await harness.send(.POST, "/api/v1/projects", token: .write, json: #"{"slug":"p\#(index)","name":"P"}"#)
            }
            var slugs: [String] = []
            var cursor: String?
            var pages = 0
            repeat {
                let query = cursor.map { "&cursor=\($0)" } ?? ""
                let page = try await harness.send(.GET, "/api/v1/projects?limit=2\(query)", token: .read)
                #expect(page.status == 200)
                let body = try page.object()
                slugs += (body["items"] as? [[String: Any]] ?? []).compactMap { $0["slug"] as? String }
                cursor = body["nextCursor"] as? String
                pages += 1
            } while cursor != nil && pages < 10
            #expect(slugs == ["p0", "p1", "p2", "p3", "payments"])
            #expect(pages == 3)
            #expect(try await harness.send(.GET, "/api/v1/projects?limit=0", token: .read).status == 400)
            #expect(try await harness.send(.GET, "/api/v1/projects?limit=abc", token: .read).status == 400)
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func uploadsAreCheckedRecordedOnceAndQueued(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: { $0.runsJobs = false }) { harness in
            _ = try await harness.send(.POST, "/api/v1/projects", token: .write, json: #"{"slug":"pets","name":"Pets"}"#)
            let spec = try String(contentsOfFile: "examples/petstore.yaml", encoding: .utf8)
            let first = try await harness.send(
                .POST, "/api/v1/projects/pets/specs", token: .write, headers: [("Content-Type", "application/yaml")], body: Array(spec.utf8))
            #expect(first.status == 201, "\(first.text)")
            let firstBody = try first.object()
            #expect(firstBody["created"] as? Bool == true)
            let jobID = try #require(firstBody["jobID"] as? Int)
            // The same bytes again: the same version, no second job.
            let again = try await harness.send(
                .POST, "/api/v1/projects/pets/specs", token: .write, headers: [("Content-Type", "application/yaml")], body: Array(spec.utf8))
            #expect(again.status == 200)
            #expect(try again.object()["created"] as? Bool == false)
            #expect(try await count("jobs", in: harness.store) == 1)
            #expect(try await count("spec_versions", in: harness.store) == 1)

            let job = try await harness.send(.GET, "/api/v1/jobs/\(jobID)", token: .read)
            #expect(job.status == 200)
            #expect(try job.object()["kind"] as? String == SpecChangeJob.kind)
            let content = try await harness.send(.GET, "/api/v1/projects/pets/specs/1/content", token: .read)
            #expect(content.text == spec)
            #expect(try await harness.send(.GET, "/api/v1/projects/pets/specs/2", token: .read).status == 404)

            // A description that cannot be used is refused with where it is wrong, and nothing is recorded.
            let broken = try await harness.send(
                .POST, "/api/v1/projects/pets/specs", token: .write, headers: [("Content-Type", "application/yaml")],
                body: Array("openapi: 3.0.0\npaths: [unclosed\n".utf8))
            #expect(broken.status == 422)
            #expect(try broken.errorCode() == "invalid_spec")
            let notUTF8 = try await harness.send(
                .POST, "/api/v1/projects/pets/specs", token: .write, headers: [("Content-Type", "application/yaml")], body: [0xFF, 0xFE, 0x00, 0x41])
            #expect(notUTF8.status == 400)
            let wrongType = try await harness.send(
                .POST, "/api/v1/projects/pets/specs", token: .write, headers: [("Content-Type", "image/png")], body: Array(spec.utf8))
            #expect(wrongType.status == 415)
            #expect(try await count("spec_versions", in: harness.store) == 1)

            // {"url": …} queues a fetch; a non-http URL is refused.
            let byURL = try await harness.send(.POST, "/api/v1/projects/pets/specs", token: .write, json: #"{"url":"https://example.com/openapi.yaml"}"#)
            #expect(byURL.status == 202)
            let badURL = try await harness.send(.POST, "/api/v1/projects/pets/specs", token: .write, json: #"{"url":"file:///etc/passwd"}"#)
            #expect(badURL.status == 400)
            #expect(try await count("jobs", in: harness.store) == 2)

            // A run needs a plan; the queue's admin routes validate their input.
            #expect(try await harness.send(.POST, "/api/v1/projects/pets/runs", token: .write).status == 409)
            #expect(try await harness.send(.GET, "/api/v1/jobs?state=bogus", token: .admin).status == 400)
            #expect(try await harness.send(.POST, "/api/v1/jobs/\(jobID)/retry", token: .admin).status == 409)
            #expect(try await harness.send(.GET, "/api/v1/jobs/999999", token: .read).status == 404)
        }
    }

    @Test func wrongMethodsAndMalformedQueriesAreRefused() async throws {
        try await ServerHarness.with(.sqlite) { harness in
            // A routed path with another method: 405 naming the methods the router would use.
            let purge = try await harness.send(.GET, "/api/v1/jobs/purge", token: .admin)
            #expect(purge.status == 405, "\(purge.text)")
            #expect(purge.headers.first(name: "Allow") == "POST")
            #expect(try purge.errorCode() == "method_not_allowed")
            let project = try await harness.send(.PUT, "/api/v1/projects/anything", token: .admin)
            #expect(project.status == 405)
            #expect(project.headers.first(name: "Allow") == "DELETE, GET, PATCH")
            let health = try await harness.send(.DELETE, "/health")
            #expect(health.headers.first(name: "Allow") == "GET")
            // No such path at all stays 404.
            let nowhere = try await harness.send(.GET, "/api/v1/nowhere", token: .admin)
            #expect(nowhere.status == 404)
            #expect(nowhere.headers.first(name: "Allow") == nil)

            _ = try await harness.send(.POST, "/api/v1/projects", token: .write, json: #"{"slug":"q","name":"Q"}"#)
            for (path, parameter) in [
                ("/api/v1/projects/q/plans?deleted=null", "deleted"),
                ("/api/v1/projects?cursor=" + String(repeating: "a", count: 201), "cursor"),
                ("/api/v1/projects/q/runs?cursor=abc", nil),
                ("/api/v1/jobs?kind=" + String(repeating: "k", count: 101), "kind"),
            ] as [(String, String?)] {
                let response = try await harness.send(.GET, path, token: .admin)
                #expect(response.status == 400, "\(path) → \(response.status) \(response.text)")
                if let parameter {
                    let details = (try response.object()["error"] as? [String: Any])?["details"] as? [String: Any]
                    #expect(details?["parameter"] as? String == parameter, "\(response.text)")
                }
            }
            #expect(try await harness.send(.GET, "/api/v1/projects/q/plans?deleted=true", token: .read).status == 200)
        }
    }
}
