import AssayCore
import AssayGen
import AssayRun
import AssayTestSupport
import Foundation
import Hummingbird
import NIOCore
import OrderedCollections
import Testing

/// The runner's own behaviour against small real servers on 127.0.0.1: flaky cases,
/// credentials, captures, redirects, size limits, the address guard and the reports.
@Suite struct PlanRunnerTests {
    /// A one-step case.
    static func single(_ id: String, _ request: RequestTemplate, _ expect: AssayGen.Expectation, captures: [Capture] = []) -> TestCase {
        TestCase(id: id, kind: .positive, title: id, description: id, steps: [
            TestStep(operation: "\(request.method.name) \(request.path)", operationID: nil, request: request, captures: captures, expect: expect)
        ])
    }

    static func plan(_ cases: [TestCase], credentials: [CredentialScheme]? = nil) -> TestPlan {
        TestPlan(
            api: APIReference(title: "T", version: "1", source: "t.yaml", baseURL: nil, operationCount: cases.count),
            strategy: .standard, seed: 1, suites: [TestSuite(name: "t", description: nil, cases: cases)], credentials: credentials)
    }

    static func run(_ plan: TestPlan, port: Int, retries: Int = 0, environment: [String: String] = [:], maxBytes: Int = 1 << 20) async throws -> RunReport {
        let configuration = RunConfiguration(
            baseURL: "http://127.0.0.1:\(port)/api", timeoutSeconds: 5, retries: retries, environment: environment, allowPrivate: true,
            maxResponseBytes: maxBytes)
        return try await PlanRunner(plan: plan, configuration: configuration).run()
    }

    /// A case that fails and then passes is flaky, never passed; without retries, failed.
    @Test func aCaseThatPassesOnRetryIsFlaky() async throws {
        let router = Router()
        let calls = Counter()
        router.get("/api/flaky") { _, _ -> Response in
            let status: HTTPResponse.Status = await calls.next() % 2 == 1 ? .internalServerError : .ok
            return Response(status: status)
        }
        let plan = Self.plan([Self.single("flaky", RequestTemplate(method: .get, path: "/flaky"), AssayGen.Expectation(status: StatusExpectation(codes: [200])))])
        try await withTestServer(router) { port in
            let retried = try await Self.run(plan, port: port, retries: 1)
            #expect(retried.results.first?.outcome == .flaky)
            #expect(retried.results.first?.attempts == 2)
            #expect(retried.results.first?.failure?.message.hasPrefix("expected 200, got 500") == true)
            #expect(retried.exitCode == 1)
            let once = try await Self.run(plan, port: port, retries: 0)
            #expect(once.results.first?.outcome == .failed)
        }
    }

    /// Cases delivered after the run started (as the rounds of `assay run --rounds` are,
    /// while earlier ones run) are run too, on the same workers, and reported after the
    /// plan's own in the order they came; an empty batch changes nothing.
    @Test func casesDeliveredDuringTheRunAreRunInTheOrderTheyCame() async throws {
        let router = Router()
        let calls = Counter()
        router.get("/api/ping") { _, _ -> Response in
            _ = await calls.next()
            return Response(status: .ok)
        }
        let ok = AssayGen.Expectation(status: StatusExpectation(codes: [200]))
        let make = { (id: String) in Self.single(id, RequestTemplate(method: .get, path: "/ping"), ok) }
        let plan = Self.plan([make("a"), make("b")])
        let (later, continuation) = AsyncStream.makeStream(of: [TestCase].self)
        let feeder = Task {
            // The first batch comes once the run is under way, the last after an empty one.
            try? await Task.sleep(for: .milliseconds(50))
            continuation.yield([make("c"), make("d"), make("e")])
            continuation.yield([])
            try? await Task.sleep(for: .milliseconds(20))
            continuation.yield([make("f")])
            continuation.finish()
        }
        try await withTestServer(router) { port in
            let configuration = RunConfiguration(
                baseURL: "http://127.0.0.1:\(port)/api", timeoutSeconds: 5, workers: 2, retries: 0, environment: [:], allowPrivate: true)
            let report = try await PlanRunner(plan: plan, configuration: configuration).run(followedBy: later)
            #expect(report.results.map(\.caseID) == ["a", "b", "c", "d", "e", "f"])
            #expect(report.results.allSatisfy { $0.outcome == .passed })
            #expect(report.requests == 6)
            #expect(await calls.next() == 7, "the server answered each of the 6 cases once before this call")
        }
        await feeder.value
    }

    /// A validation error refused with a 4xx the description does not document (400 where
    /// it documents 422) is an undocumented-status finding; the documented one passes.
    @Test func aRefusalWithAnUndocumented4xxIsAFinding() async throws {
        let router = Router()
        router.post("/api/strict") { _, _ -> Response in Response(status: .unprocessableContent) }
        router.post("/api/loose") { _, _ -> Response in Response(status: .badRequest) }
        let expect = AssayGen.Expectation(status: StatusExpectation(classes: [4]), documented: StatusExpectation(codes: [401, 422]))
        var cases = [
            Self.single("strict", RequestTemplate(method: .post, path: "/strict"), expect),
            Self.single("loose", RequestTemplate(method: .post, path: "/loose"), expect),
        ]
        for index in cases.indices { cases[index].kind = .validation }
        let plan = Self.plan(cases)
        try await withTestServer(router) { port in
            let report = try await Self.run(plan, port: port)
            #expect(report.results.map(\.outcome) == [.passed, .failed])
            let findings = Finding.findings(in: report, plan: plan)
            #expect(findings.map(\.check) == [.undocumentedStatus])
            #expect(findings.first?.message.hasPrefix("400 is not documented for this answer (the description documents 401, 422)") == true)
        }
    }

    /// Credentials from the environment, captured values carried to the next step, read-back
    /// values compared as Python compares them.
    @Test func credentialsCapturesAndReadBack() async throws {
        let router = Router()
        router.post("/api/things") { request, _ -> Response in
            guard request.headers[.authorization] == "Bearer secret-token" else { return Response(status: .unauthorized) }
            return Response(
                status: .created, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"id": 41, "count": 2.0, "done": true}"#)))
        }
        router.get("/api/things/:id") { _, context -> Response in
            let id = context.parameters.get("id") ?? ""
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"id": \#(id), "count": 2, "done": 1}"#)))
        }
        let create = TestStep(
            operation: "POST /things", operationID: nil,
            request: RequestTemplate(method: .post, path: "/things", body: .init(contentType: "application/json", encoding: .json, value: .literal(["count": 2]))),
            captures: [Capture(name: "thingId", source: .body(JSONPointer(tokens: ["id"])))],
            expect: AssayGen.Expectation(status: StatusExpectation(codes: [201]), contentType: "application/json"))
        var read = TestStep(
            operation: "GET /things/{id}", operationID: nil,
            request: RequestTemplate(method: .get, path: "/things/{id}", pathParameters: [.init(name: "id", value: .captured("thingId"))]),
            expect: AssayGen.Expectation(
                status: StatusExpectation(codes: [200]), contentType: "application/json",
                bodyValues: [BodyValue(pointer: JSONPointer(tokens: ["id"]), value: .captured("thingId")), BodyValue(pointer: JSONPointer(tokens: ["count"]), value: .literal(2.0))]))
        let flow = TestCase(id: "flow", kind: .flow, title: "flow", description: "flow", steps: [create, read])
        read.expect.bodyValues = [BodyValue(pointer: JSONPointer(tokens: ["done"]), value: .literal(true))]
        let boolean = TestCase(id: "boolean", kind: .flow, title: "boolean", description: "boolean", steps: [create, read])
        let plan = Self.plan([flow, boolean], credentials: [CredentialScheme(name: "bearer", kind: .bearer, variables: ["ASSAY_AUTH_BEARER_TOKEN"])])
        try await withTestServer(router) { port in
            let report = try await Self.run(plan, port: port, environment: ["ASSAY_AUTH_BEARER_TOKEN": "secret-token"])
            #expect(report.results[0].outcome == .passed, "\(report.results[0].failure?.message ?? "")")
            // 1 is not true: the emitted check tells booleans from numbers, so does the runner.
            #expect(report.results[1].outcome == .failed)
            #expect(report.results[1].failure?.check == "expect_body_value")
            // The failing request is reported with the credential masked.
            let json = JSONWriter().string(report.json)
            #expect(!json.contains("secret-token"))
            let unauthenticated = try await Self.run(plan, port: port)
            #expect(unauthenticated.results[0].failure?.message.hasPrefix("expected 201, got 401") == true)
        }
    }

    /// Redirects are not followed, oversize bodies fail, and the JUnit report has one
    /// testcase per case with a failure element for each failure.
    @Test func redirectsSizeLimitsAndJUnit() async throws {
        let router = Router()
        router.get("/api/moved") { _, _ -> Response in Response(status: .found, headers: [.location: "http://example.com/"]) }
        router.get("/api/big") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: "[" + String(repeating: "1,", count: 5_000) + "1]")))
        }
        let plan = Self.plan([
            Self.single("moved", RequestTemplate(method: .get, path: "/moved"), AssayGen.Expectation(status: StatusExpectation(codes: [302]))),
            Self.single("big", RequestTemplate(method: .get, path: "/big"), AssayGen.Expectation(status: StatusExpectation(classes: [2]))),
        ])
        try await withTestServer(router) { port in
            let report = try await Self.run(plan, port: port, maxBytes: 1_000)
            #expect(report.results[0].outcome == .passed)
            #expect(report.results[1].outcome == .failed)
            #expect(report.results[1].failure?.message.contains("larger than the size limit") == true)
            let junit = report.junitXML
            #expect(junit.components(separatedBy: "<testcase ").count - 1 == 2)
            #expect(junit.components(separatedBy: "<failure ").count - 1 == 1)
            #expect(report.summary.hasPrefix("2 cases: 1 passed, 1 failed"))
        }
    }

    /// A loopback target is refused unless allowed; a bad base URL is refused.
    @Test(.timeLimit(.minutes(1))) func privateTargetsNeedPermission() async throws {
        let plan = Self.plan([Self.single("x", RequestTemplate(method: .get, path: "/x"), AssayGen.Expectation(status: StatusExpectation(classes: [2])))])
        let refused = await #expect(throws: RunError.self) {
            try await PlanRunner(plan: plan, configuration: RunConfiguration(baseURL: "http://127.0.0.1:9/api")).run()
        }
        #expect(refused?.code == .blockedAddress)
        #expect(refused?.message.contains("--allow-private") == true)
        let bad = await #expect(throws: RunError.self) {
            try await PlanRunner(plan: plan, configuration: RunConfiguration(baseURL: "ftp://example.com")).run()
        }
        #expect(bad?.code == .badBaseURL)
        // Allowed but nothing listens: unreachable, not a list of failed cases, and at once
        // (a retried connection would hold each of the 40 cases for its 30 s timeout).
        let many = Self.plan(
            (0..<40).map { Self.single("x\($0)", RequestTemplate(method: .get, path: "/x"), AssayGen.Expectation(status: StatusExpectation(classes: [2]))) })
        let unreachable = await #expect(throws: RunError.self) {
            try await PlanRunner(plan: many, configuration: RunConfiguration(baseURL: "http://127.0.0.1:9/api", workers: 4, allowPrivate: true)).run()
        }
        #expect(unreachable?.code == .unreachable)
        #expect(unreachable?.message.contains("Connection refused") == true)
    }
}

/// A shared counter for handlers.
actor Counter {
    private var value = 0
    func next() -> Int {
        value += 1
        return value
    }
}
