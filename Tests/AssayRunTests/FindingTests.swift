import AssayCore
import AssayGen
import AssayRun
import AssayTestSupport
import Foundation
import Hummingbird
import NIOCore
import OrderedCollections
import Testing

/// Failed cases become deduplicated findings under stable check names, with
/// reproductions that really reproduce.
@Suite struct FindingTests {
    /// A plan whose two positive cases read /items and /items?page=2 and expect an Item.
    static func plan() -> TestPlan {
        let pointer = JSONPointer(tokens: ["components", "schemas", "Item"])
        let expect = AssayGen.Expectation(status: StatusExpectation(codes: [200]), contentType: "application/json", schema: pointer)
        let cases = [
            PlanRunnerTests.single("listItems.positive.required", RequestTemplate(method: .get, path: "/items"), expect),
            PlanRunnerTests.single("listItems.positive.all-fields", RequestTemplate(method: .get, path: "/items", query: [.init(name: "page", value: .literal(2))]), expect),
            PlanRunnerTests.single(
                "listItems.validation.page-type", RequestTemplate(method: .get, path: "/items", query: [.init(name: "page", value: .literal("x"))]),
                AssayGen.Expectation(status: StatusExpectation(classes: [4]))),
        ]
        var plan = PlanRunnerTests.plan(cases.map { testCase in
            var testCase = testCase
            testCase.kind = testCase.id.contains("validation") ? .validation : .positive
            return testCase
        })
        plan.schemas = SchemaBundle(document: [
            "components": ["schemas": ["Item": ["type": "object", "required": ["id"], "properties": ["id": ["type": "integer"], "price": ["type": "number", "multipleOf": 0.01]]]]]
        ])
        return plan
    }

    /// Serves /api/items: broken (`id` a string, and any page accepted) until `fixed`.
    static func router(_ state: Toggle) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/api/items") { request, _ -> Response in
            let fixed = await state.value
            if fixed, let page = request.uri.queryParameters.get("page"), Int(page) == nil { return Response(status: .badRequest) }
            let body = fixed ? #"{"id": 7, "price": 530.17}"# : #"{"id": "7", "price": 530.17}"#
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        }
        return router
    }

    @Test func failuresAreClassifiedDeduplicatedAndReproducible() async throws {
        let python = try #require(PythonProcess.interpreter, "run the tests through scripts/test")
        let plan = Self.plan()
        let state = Toggle()
        try await withTestServer(Self.router(state)) { port in
            let report = try await PlanRunnerTests.run(plan, port: port)
            let findings = Finding.findings(in: report, plan: plan)
            // Two cases, one cause: one schema finding listing both; the accepted bad page is another.
            #expect(findings.map(\.check).sorted() == [.invalidRequestAccepted, .schemaMismatch])
            let schema = try #require(findings.first { $0.check == .schemaMismatch })
            #expect(schema.caseIDs == ["listItems.positive.required", "listItems.positive.all-fields"])
            #expect(schema.operation == "GET /items")
            #expect(schema.curl.hasPrefix("curl -sS -i -X GET 'http://127.0.0.1:\(port)/api/items'"))
            // Switched off, the check reports nothing for it.
            let filtered = Finding.findings(in: report, plan: plan, checks: Set(FindingCheck.allCases).subtracting([.schemaMismatch]))
            #expect(filtered.map(\.check) == [.invalidRequestAccepted])

            // The reproductions fail against the broken server and pass once it is fixed
            // (530.17 is a multiple of 0.01: the exact multipleOf keeps that a pass).
            let directory = try PythonProcess.temporaryDirectory("repro")
            defer { try? FileManager.default.removeItem(at: directory) }
            for (index, finding) in findings.enumerated() {
                try Data(finding.pytest(schemas: plan.schemas).utf8).write(to: directory.appendingPathComponent("test_repro_\(index).py"))
            }
            let broken = try await DedicatedThread.run { try PythonProcess.run(python, ["-m", "pytest", "-q", "-p", "no:cacheprovider"], in: directory) }
            #expect(broken.status == 1)
            #expect(broken.output.contains("2 failed"), "\(broken.output.suffix(2_000))")
            #expect(broken.output.contains("does not match its schema at /id"), "\(broken.output.suffix(2_000))")
            await state.set(true)
            let fixed = try await DedicatedThread.run { try PythonProcess.run(python, ["-m", "pytest", "-q", "-p", "no:cacheprovider"], in: directory) }
            #expect(fixed.status == 0, "\(fixed.output.suffix(2_000))")
            let clean = try await PlanRunnerTests.run(plan, port: port)
            #expect(Finding.findings(in: clean, plan: plan).isEmpty)
        }
    }
}

/// A flag handlers read.
actor Toggle {
    private(set) var value = false
    func set(_ value: Bool) { self.value = value }
}
