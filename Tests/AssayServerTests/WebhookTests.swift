import AssayServer
import AssayStore
import AssayTestSupport
import Foundation
import NIOHTTP1
import SQLKit
import Testing

/// `POST /api/v1/webhooks/{source}` over real HTTP on both databases: signatures, replays,
/// concurrent copies, limits, ignored events and the project and source errors. Jobs stay
/// queued (`runsJobs = false`) so the tests count them.
struct WebhookTests {
    static let cases: [(DatabaseBackend, String)] = DatabaseBackend.allCases.flatMap { backend in WebhookSigner.sources.map { (backend, $0) } }

    /// The whole life of deliveries from one source: refused, accepted, replayed, sent
    /// twenty times at once, too large, without an id.
    @Test(arguments: cases)
    func deliveryLifecycle(backend: DatabaseBackend, source: String) async throws {
        try await ServerHarness.with(backend, configure: Self.configure) { harness in
            let project = try await Self.project(harness, secrets: [source: WebhookSigner.secret(for: source)])
            let signer = WebhookSigner(source: source)
            let path = "/api/v1/webhooks/\(source)?project=api"
            let body = signer.changeBody()

            // Signed with another secret: 401 and nothing recorded.
            let forged = WebhookSigner(
                source: source,
                secret: source == "generic" ? "whsec_" + Data("another key".utf8).base64EncodedString() : "guess"
            )
            let refused = try await harness.send(.POST, path, headers: forged.headers(for: body, id: "d-1"), body: body)
            #expect(refused.status == 401, "\(refused.text)")
            #expect(try refused.errorCode() == "invalid_signature")
            // The right signature over other bytes is refused too (GitLab signs no bytes: its
            // token only says who sent it).
            if source != "gitlab" {
                let tampered = try await harness.send(.POST, path, headers: signer.headers(for: body, id: "d-1"), body: body + Array(" ".utf8))
                #expect(tampered.status == 401, "\(tampered.text)")
            }
            #expect(try await count("webhook_deliveries", in: harness.store) == 0)
            #expect(try await count("jobs", in: harness.store) == 0)

            // Valid: 202, one delivery, one queued spec-change job naming what was pushed.
            let accepted = try await harness.send(.POST, path, headers: signer.headers(for: body, id: "d-1"), body: body)
            #expect(accepted.status == 202, "\(accepted.text)")
            let answer = try accepted.object()
            #expect(answer["status"] as? String == "accepted")
            #expect(answer["deliveryId"] as? String == "d-1")
            let jobID = try #require(answer["jobId"] as? Int)
            #expect(accepted.headers.first(name: "Location") == "/api/v1/jobs/\(jobID)")
            #expect(try await count("jobs", in: harness.store) == 1)
            #expect(try await count("webhook_deliveries", where: "job_id = \(jobID)", in: harness.store) == 1)
            let job = try await Self.job(jobID, in: harness.store)
            #expect(job.kind == SpecChangeJob.kind)
            #expect(job.payload.projectID == project.id)
            #expect(job.payload.trigger == source)
            #expect(job.payload.deliveryID == "d-1")
            switch source {
            case "github", "gitlab":
                #expect(job.payload.commit == String(repeating: "ab", count: 20))
                #expect(job.payload.ref == "refs/heads/main")
            case "generic":
                #expect(job.payload.specURL == "https://specs.example.com/api.yaml")
            default:
                #expect(job.payload.commit == nil && job.payload.specURL == nil)
            }

            // The same delivery again (a sender's retry): 200, the first job, nothing new.
            let replay = try await harness.send(.POST, path, headers: signer.headers(for: body, id: "d-1"), body: body)
            #expect(replay.status == 200, "\(replay.text)")
            #expect(try replay.object()["jobId"] as? Int == jobID)
            #expect(try replay.object()["status"] as? String == "duplicate")
            #expect(try await count("jobs", in: harness.store) == 1)

            // Twenty copies of a new delivery at once: one job, every answer naming it.
            let copies = try await withThrowingTaskGroup(of: TestResponse.self) { group in
                for _ in 0..<20 {
                    group.addTask { try await harness.send(.POST, path, headers: signer.headers(for: body, id: "d-2"), body: body) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(copies.filter { $0.status == 202 }.count == 1, "\(copies.map(\.status))")
            #expect(copies.filter { $0.status == 200 }.count == 19, "\(copies.map(\.status))")
            let copyJobs = Set(try copies.map { try $0.object()["jobId"] as? Int })
            #expect(copyJobs.count == 1 && copyJobs.first! != jobID)
            #expect(try await count("jobs", in: harness.store) == 2)
            #expect(try await count("webhook_deliveries", in: harness.store) == 2)

            // Larger than the source's limit (4 KiB here): 413, nothing recorded.
            let large = Array(repeating: UInt8(ascii: " "), count: 5000) + body
            let tooLarge = try await harness.send(.POST, path, headers: signer.headers(for: large, id: "d-3"), body: large)
            #expect(tooLarge.status == 413, "\(tooLarge.text)")
            #expect(try tooLarge.errorCode() == "body_too_large")
            // Just within it is fine (the limit is on bytes, not on what they say).
            let fits = Array(repeating: UInt8(ascii: " "), count: 4096 - body.count) + body
            #expect(try await harness.send(.POST, path, headers: signer.headers(for: fits, id: "d-4"), body: fits).status == 202)

            // No delivery id: 400, whatever the signature.
            let idHeaders: Set<String> = ["x-github-delivery", "idempotency-key", "x-apifox-delivery", "x-apidog-delivery"]
            let withoutID = signer.headers(for: body, id: "d-5").filter { !idHeaders.contains($0.0.lowercased()) && $0.0 != "webhook-id" }
            let noID = try await harness.send(.POST, path, headers: withoutID, body: body)
            #expect(noID.status == 400, "\(noID.text)")
            #expect(try await count("jobs", in: harness.store) == 3)

            let metrics = try await harness.send(.GET, "/metrics").text
            #expect(metrics.contains(#"assay_webhook_deliveries_total{source="\#(source)",outcome="accepted"} 3"#), "\(metrics)")
            #expect(metrics.contains(#"assay_webhook_deliveries_total{source="\#(source)",outcome="duplicate"} 20"#))
            #expect(metrics.contains(#"assay_webhook_deliveries_total{source="\#(source)",outcome="rejected"} \#(source == "gitlab" ? 3 : 4)"#))
        }
    }

    /// Standard Webhooks: the timestamp window both ways, rotation, raw secrets.
    @Test(arguments: DatabaseBackend.allCases)
    func standardWebhooksTimestampsAndSecrets(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: Self.configure) { harness in
            _ = try await Self.project(harness, secrets: ["generic": WebhookSigner.secret(for: "generic")])
            let signer = WebhookSigner(source: "generic")
            let path = "/api/v1/webhooks/generic?project=api"
            let body = signer.changeBody()

            // Just outside the five minutes (the future one with a margin for the time the
            // request takes, and for the signer's whole seconds).
            let stale = try await harness.send(.POST, path, headers: signer.headers(for: body, id: "old", timestamp: Date() - 301), body: body)
            #expect(stale.status == 401)
            #expect(try stale.errorCode() == "invalid_timestamp")
            #expect(stale.text.contains("old"), "\(stale.text)")
            let future = try await harness.send(.POST, path, headers: signer.headers(for: body, id: "new", timestamp: Date() + 305), body: body)
            #expect(future.status == 401)
            #expect(future.text.contains("future"), "\(future.text)")
            let garbled = signer.headers(for: body, id: "g").map { $0.0 == "webhook-timestamp" ? ($0.0, "yesterday") : $0 }
            #expect(try await harness.send(.POST, path, headers: garbled, body: body).status == 401)
            let untimed = signer.headers(for: body, id: "u").filter { $0.0 != "webhook-timestamp" }
            #expect(try await harness.send(.POST, path, headers: untimed, body: body).status == 401)
            #expect(try await count("jobs", in: harness.store) == 0)

            // Within the window either way.
            #expect(
                try await harness.send(.POST, path, headers: signer.headers(for: body, id: "a", timestamp: Date() - 280), body: body).status == 202
            )
            #expect(
                try await harness.send(.POST, path, headers: signer.headers(for: body, id: "b", timestamp: Date() + 280), body: body).status == 202
            )

            // While a sender rotates secrets it sends several signatures; one valid is enough.
            let seconds = String(Int(Date().timeIntervalSince1970))
            let old = WebhookSigner(source: "generic", secret: "whsec_" + Data("the previous key".utf8).base64EncodedString())
            let rotating: [(String, String)] = [
                ("webhook-id", "c"), ("webhook-timestamp", seconds),
                (
                    "webhook-signature",
                    "v1,\(old.standardSignature(body, id: "c", timestamp: seconds)) v1a,ignored v1,\(signer.standardSignature(body, id: "c", timestamp: seconds))"
                ),
            ]
            #expect(try await harness.send(.POST, path, headers: rotating, body: body).status == 202)
            // The signature covers the id: the same signature under another id is refused.
            let moved = rotating.map { $0.0 == "webhook-id" ? ($0.0, "c2") : $0 }
            #expect(try await harness.send(.POST, path, headers: moved, body: body).status == 401)
            let onlyOld = rotating.map { $0.0 == "webhook-signature" ? ($0.0, "v1,\(old.standardSignature(body, id: "c", timestamp: seconds))") : $0 }
                .map { $0.0 == "webhook-id" ? ($0.0, "c3") : $0 }
            #expect(try await harness.send(.POST, path, headers: onlyOld, body: body).status == 401)
            #expect(try await count("jobs", in: harness.store) == 3)

            // A secret without whsec_ is used as raw bytes.
            _ = try await ProjectRepository(store: harness.store).create(
                slug: "raw",
                name: "Raw",
                settings: ProjectSettings(webhookSecrets: ["generic": "plain text secret"])
            )
            let raw = WebhookSigner(source: "generic", secret: "plain text secret")
            let rawAnswer = try await harness.send(
                .POST,
                "/api/v1/webhooks/generic?project=raw",
                headers: raw.headers(for: body, id: "r"),
                body: body
            )
            #expect(rawAnswer.status == 202, "\(rawAnswer.text)")
        }
    }

    /// What is refused before any signature is looked at, with a message saying why.
    @Test(arguments: DatabaseBackend.allCases)
    func sourceAndProjectErrors(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: Self.configure) { harness in
            _ = try await Self.project(harness, secrets: ["github": "s3cret-github"])
            let signer = WebhookSigner(source: "github")
            let body = signer.changeBody()
            let headers = signer.headers(for: body, id: "x")

            let unknownSource = try await harness.send(.POST, "/api/v1/webhooks/bitbucket?project=api", headers: headers, body: body)
            #expect(unknownSource.status == 404)
            #expect(unknownSource.text.contains("bitbucket") && unknownSource.text.contains("github"), "\(unknownSource.text)")
            let noProject = try await harness.send(.POST, "/api/v1/webhooks/github", headers: headers, body: body)
            #expect(noProject.status == 400)
            #expect(noProject.text.contains("project"), "\(noProject.text)")
            let unknownProject = try await harness.send(.POST, "/api/v1/webhooks/github?project=nope", headers: headers, body: body)
            #expect(unknownProject.status == 404)
            #expect(unknownProject.text.contains("nope"))
            let impossibleSlug = try await harness.send(.POST, "/api/v1/webhooks/github?project=%00%FF..", headers: headers, body: body)
            #expect(impossibleSlug.status == 404)
            // A project without a secret for this source: not configured, whatever is sent.
            let unconfigured = try await harness.send(.POST, "/api/v1/webhooks/gitlab?project=api", headers: headers, body: body)
            #expect(unconfigured.status == 401)
            #expect(try unconfigured.errorCode() == "webhook_not_configured")
            #expect(unconfigured.text.contains("not configured"), "\(unconfigured.text)")
            // Unsigned.
            let unsigned = try await harness.send(
                .POST,
                "/api/v1/webhooks/github?project=api",
                headers: headers.filter { !$0.0.hasPrefix("X-Hub") },
                body: body
            )
            #expect(unsigned.status == 401)
            #expect(unsigned.text.contains("X-Hub-Signature-256"))
            // No bearer token is needed, and one does not replace a signature.
            let bearer = try await harness.send(
                .POST,
                "/api/v1/webhooks/github?project=api",
                token: .admin,
                headers: headers.filter { !$0.0.hasPrefix("X-Hub") },
                body: body
            )
            #expect(bearer.status == 401)
            #expect(try await count("jobs", in: harness.store) == 0)

            // Unknown sources are not counted, so the metric's labels stay bounded.
            let metrics = try await harness.send(.GET, "/metrics").text
            #expect(!metrics.contains(#"source="bitbucket""#))
            #expect(metrics.contains(#"assay_webhook_deliveries_total{source="github",outcome="rejected"} 5"#), "\(metrics)")
        }
    }

    /// Events that change nothing answer 200 `ignored` and start no job.
    @Test(arguments: DatabaseBackend.allCases)
    func eventsThatChangeNothingAreIgnored(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: Self.configure) { harness in
            let source = ProjectSettings.SpecSource(kind: "github", repository: "acme/api", path: "openapi.yaml", ref: "main")
            _ = try await ProjectRepository(store: harness.store).create(
                slug: "api",
                name: "API",
                settings: ProjectSettings(specSource: source, webhookSecrets: ["github": "s3cret-github", "gitlab": "s3cret-gitlab"])
            )
            let github = WebhookSigner(source: "github")
            let gitlab = WebhookSigner(source: "gitlab")

            func ignored(_ signer: WebhookSigner, _ body: [UInt8], id: String, event: String? = nil, reason: String) async throws {
                let answer = try await harness.send(
                    .POST,
                    "/api/v1/webhooks/\(signer.source)?project=api",
                    headers: signer.headers(for: body, id: id, event: event),
                    body: body
                )
                #expect(answer.status == 200, "\(answer.text)")
                let object = try answer.object()
                #expect(object["status"] as? String == "ignored")
                #expect((object["reason"] as? String)?.contains(reason) == true, "\(answer.text)")
                #expect(object["jobId"] == nil)
            }
            try await ignored(github, Array(#"{"zen":"Keep it simple.","hook_id":1}"#.utf8), id: "p", event: "ping", reason: "ping")
            try await ignored(github, github.changeBody(ref: "refs/heads/feature"), id: "f", reason: "follows main")
            try await ignored(
                github,
                github.changeBody(ref: "refs/heads/main", commit: String(repeating: "0", count: 40)),
                id: "del",
                reason: "deleted"
            )
            try await ignored(github, Array(#"{"action":"opened"}"#.utf8), id: "i", event: "issues", reason: "only push")
            try await ignored(gitlab, gitlab.changeBody(ref: "refs/heads/feature"), id: "gf", reason: "follows main")
            try await ignored(gitlab, Array(#"{"object_kind":"merge_request"}"#.utf8), id: "mr", event: "Merge Request Hook", reason: "only pushes")
            #expect(try await count("jobs", in: harness.store) == 0)
            #expect(try await count("webhook_deliveries", in: harness.store) == 0)

            // The followed branch (and a tag of that name) start jobs.
            let main = github.changeBody(ref: "refs/heads/main")
            #expect(
                try await harness.send(.POST, "/api/v1/webhooks/github?project=api", headers: github.headers(for: main, id: "m"), body: main).status
                    == 202
            )
            let gitlabMain = gitlab.changeBody(ref: "refs/heads/main")
            #expect(
                try await harness.send(
                    .POST,
                    "/api/v1/webhooks/gitlab?project=api",
                    headers: gitlab.headers(for: gitlabMain, id: "gm"),
                    body: gitlabMain
                ).status == 202
            )
            #expect(try await count("jobs", in: harness.store) == 2)
        }
    }

    /// What is signed correctly but is not what the source sends: 400, never a job or a 5xx.
    @Test(arguments: DatabaseBackend.allCases)
    func signedButMalformedBodies(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: Self.configure) { harness in
            _ = try await Self.project(
                harness,
                secrets: Dictionary(uniqueKeysWithValues: WebhookSigner.sources.map { ($0, WebhookSigner.secret(for: $0)) })
            )
            let malformed: [(String, [UInt8])] = [
                ("truncated JSON", Array(#"{"ref":"refs/heads/main","aft"#.utf8)),
                ("not UTF-8", [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]),
                ("an array", Array("[1,2,3]".utf8)),
                ("empty", []),
                ("deeper than the parser allows", Array((String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)).utf8)),
            ]
            var id = 0
            for source in WebhookSigner.sources {
                let signer = WebhookSigner(source: source)
                for (what, body) in malformed {
                    id += 1
                    let answer = try await harness.send(
                        .POST,
                        "/api/v1/webhooks/\(source)?project=api",
                        headers: signer.headers(for: body, id: "m\(id)"),
                        body: body
                    )
                    #expect(answer.status == 400, "\(source), \(what): \(answer.status) \(answer.text)")
                }
            }
            // Fields of the wrong shape in a well-formed push.
            let github = WebhookSigner(source: "github")
            for body in [#"{"ref":1,"after":"abcdef1"}"#, #"{"ref":"refs/heads/main","after":"not a sha"}"#] {
                id += 1
                let bytes = Array(body.utf8)
                #expect(
                    try await harness.send(
                        .POST,
                        "/api/v1/webhooks/github?project=api",
                        headers: github.headers(for: bytes, id: "m\(id)"),
                        body: bytes
                    ).status == 400
                )
            }
            let generic = WebhookSigner(source: "generic")
            let internalURL = Array(#"{"type":"x","data":{"specUrl":"file:///etc/passwd"}}"#.utf8)
            #expect(
                try await harness.send(
                    .POST,
                    "/api/v1/webhooks/generic?project=api",
                    headers: generic.headers(for: internalURL, id: "file"),
                    body: internalURL
                ).status == 400
            )
            #expect(try await count("jobs", in: harness.store) == 0)

            // GitHub's form encoding carries the JSON in payload=.
            let json = github.changeBody()
            let form = Array(("payload=" + String(decoding: json, as: UTF8.self).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!).utf8)
            var headers = github.headers(for: form, id: "form")
            headers = headers.map { $0.0 == "Content-Type" ? ($0.0, "application/x-www-form-urlencoded") : $0 }
            let answer = try await harness.send(.POST, "/api/v1/webhooks/github?project=api", headers: headers, body: form)
            #expect(answer.status == 202, "\(answer.text)")
        }
    }

    /// A sender redelivering after the job was purged still starts nothing: the delivery's
    /// record is what deduplicates, not the job.
    @Test(arguments: DatabaseBackend.allCases)
    func aRedeliveryAfterItsJobWasPurgedStartsNothing(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: Self.configure) { harness in
            _ = try await Self.project(harness, secrets: ["github": "s3cret-github"])
            let signer = WebhookSigner(source: "github")
            let body = signer.changeBody()
            let path = "/api/v1/webhooks/github?project=api"
            #expect(try await harness.send(.POST, path, headers: signer.headers(for: body, id: "p-1"), body: body).status == 202)
            let queue = harness.server.dependencies.queue
            let claimed = try await queue.claim(workerID: "test", lease: .seconds(30))
            #expect(claimed.count == 1)
            for job in claimed { #expect(try await queue.complete(job)) }
            #expect(try await queue.purge(olderThan: Date() + 60) == 1)
            #expect(try await count("jobs", in: harness.store) == 0)

            let again = try await harness.send(.POST, path, headers: signer.headers(for: body, id: "p-1"), body: body)
            #expect(again.status == 200, "\(again.text)")
            #expect(try again.object()["status"] as? String == "duplicate")
            #expect(try again.object()["jobId"] is NSNull)
            #expect(try await count("jobs", in: harness.store) == 0)
            #expect(try await count("webhook_deliveries", in: harness.store) == 1)
        }
    }

    /// Many different deliveries at once (grouped into shared transactions on SQLite): each
    /// gets its own job.
    @Test(arguments: DatabaseBackend.allCases)
    func concurrentDeliveriesEachGetTheirJob(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: Self.configure) { harness in
            _ = try await Self.project(harness, secrets: ["generic": WebhookSigner.secret(for: "generic")])
            let signer = WebhookSigner(source: "generic")
            let body = signer.changeBody()
            let answers = try await withThrowingTaskGroup(of: TestResponse.self) { group in
                for index in 0..<60 {
                    // Every third is a copy of an earlier one.
                    let id = "many-\(index % 3 == 2 ? index - 1 : index)"
                    group.addTask {
                        try await harness.send(.POST, "/api/v1/webhooks/generic?project=api", headers: signer.headers(for: body, id: id), body: body)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.filter { $0.status == 202 }.count == 40, "\(answers.map(\.status))")
            #expect(answers.filter { $0.status == 200 }.count == 20)
            let jobs = Set(try answers.map { try $0.object()["jobId"] as? Int })
            #expect(jobs.count == 40 && !jobs.contains(nil))
            #expect(try await count("jobs", in: harness.store) == 40)
            #expect(try await count("webhook_deliveries", in: harness.store) == 40)
        }
    }

    /// The grouped write: one transaction for all, or, when one of them fails it, each on
    /// its own, with the same outcomes as one at a time.
    @Test(arguments: DatabaseBackend.allCases)
    func groupedRecordsHaveTheOutcomesOfSingleOnes(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let queue = JobQueue(store: store)
            let deliveries = WebhookDeliveryRepository(queue: queue)
            func new(_ id: String) -> WebhookDeliveryRepository.NewDelivery {
                WebhookDeliveryRepository.NewDelivery(source: "generic", deliveryID: id, jobKind: SpecChangeJob.kind, jobPayloadJSON: "{}")
            }
            // One transaction: two new, a copy of the first, an earlier delivery again.
            let earlier = try await deliveries.record(source: "generic", deliveryID: "e", jobKind: SpecChangeJob.kind, jobPayloadJSON: "{}")
            let first = await deliveries.record([new("a"), new("b"), new("a"), new("e")]).map { try? $0.get() }
            #expect(first.map { $0?.inserted } == [true, true, false, false])
            #expect(first[2]?.delivery.id == first[0]?.delivery.id)
            #expect(first[3]?.delivery.id == earlier.delivery.id)
            #expect(try await count("jobs", in: store) == 3)

            // A redelivery whose job was purged fails the shared transaction: the others are
            // still recorded, each once.
            let claimed = try await queue.claim(workerID: "test", lease: .seconds(30), limit: 10)
            for job in claimed where job.id == earlier.delivery.jobID { #expect(try await queue.complete(job)) }
            #expect(try await queue.purge(olderThan: Date() + 60) == 1)
            let second = await deliveries.record([new("c"), new("e"), new("d"), new("c")]).map { try? $0.get() }
            #expect(second.map { $0?.inserted } == [true, false, true, false])
            #expect(second[1]?.delivery.id == earlier.delivery.id && second[1]?.delivery.jobID == nil)
            #expect(try await count("jobs", in: store) == 4)
            #expect(try await count("webhook_deliveries", in: store) == 5)
        }
    }

    /// A project deleted while it is kept for webhooks: its next delivery is a 404, not a
    /// fault.
    @Test(arguments: DatabaseBackend.allCases)
    func aDeliveryForAProjectJustDeletedIsNotFound(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: Self.configure) { harness in
            let project = try await Self.project(harness, secrets: ["gitlab": "token"])
            let signer = WebhookSigner(source: "gitlab", secret: "token")
            let body = signer.changeBody()
            let path = "/api/v1/webhooks/gitlab?project=api"
            #expect(try await harness.send(.POST, path, headers: signer.headers(for: body, id: "k-1"), body: body).status == 202)
            #expect(try await ProjectRepository(store: harness.store).delete(project.id))
            let gone = try await harness.send(.POST, path, headers: signer.headers(for: body, id: "k-2"), body: body)
            #expect(gone.status == 404, "\(gone.text)")
            #expect(try await count("webhook_deliveries", in: harness.store) == 0)
        }
    }

    /// Projects are kept briefly between deliveries: a rotated secret applies within seconds,
    /// and a project created after a delivery named it is found by the next one.
    @Test func settingsChangesApplyWithinSeconds() async throws {
        try await ServerHarness.with(.sqlite, configure: Self.configure) { harness in
            let path = "/api/v1/webhooks/gitlab?project=api"
            let signer = WebhookSigner(source: "gitlab", secret: "old-token")
            let body = signer.changeBody()
            #expect(try await harness.send(.POST, path, headers: signer.headers(for: body, id: "c-0"), body: body).status == 404)
            let project = try await Self.project(harness, secrets: ["gitlab": "old-token"])
            #expect(try await harness.send(.POST, path, headers: signer.headers(for: body, id: "c-1"), body: body).status == 202)

            _ = try await ProjectRepository(store: harness.store).update(
                project.id,
                settings: ProjectSettings(webhookSecrets: ["gitlab": "new-token"])
            )
            let rotated = WebhookSigner(source: "gitlab", secret: "new-token")
            var status = 0
            let deadline = ContinuousClock.now + .seconds(5)
            repeat {
                try await Task.sleep(for: .milliseconds(250))
                status = try await harness.send(.POST, path, headers: rotated.headers(for: body, id: "c-2"), body: body).status
            } while status == 401 && ContinuousClock.now < deadline
            #expect(status == 202)
            #expect(try await harness.send(.POST, path, headers: signer.headers(for: body, id: "c-3"), body: body).status == 401)
        }
    }

    // MARK: Helpers

    static func configure(_ configuration: inout ServerConfiguration) {
        configuration.runsJobs = false
        configuration.maxWebhookBody = 4096
    }

    /// The project `api` with `secrets`.
    @discardableResult
    static func project(_ harness: ServerHarness, secrets: [String: String]) async throws -> Project {
        try await ProjectRepository(store: harness.store).create(slug: "api", name: "API", settings: ProjectSettings(webhookSecrets: secrets))
    }

    /// A job's kind and payload, read from the table.
    static func job(_ id: Int, in store: Store) async throws -> (kind: String, payload: SpecChangeJob) {
        let row = try #require(try await store.database.sql().raw("SELECT kind, payload FROM jobs WHERE id = \(bind: id)").first())
        let payload = try row.decode(column: "payload", as: String.self)
        return (try row.decode(column: "kind", as: String.self), try JSONDecoder().decode(SpecChangeJob.self, from: Data(payload.utf8)))
    }
}
