import AssayCore
import AssayGen
import AssayQuality
import AssayRun
import AssayServer
import AssayStore
import AssayTestSupport
import Foundation
import Hummingbird
import NIOHTTP1
import OrderedCollections
import Testing

/// Keeps `GET /openapi.json` true: the router and the document name the same operations, the
/// document loads strictly in Assay's own loader, and Assay's enhanced suite for it, run
/// against a live server, meets no server error and no answer the document does not describe.
struct OpenAPIDocumentTests {
    /// The checks that mean "the server answered something the document does not say".
    static let documentTruthChecks: Set<FindingCheck> = [
        .serverError, .undocumentedStatus, .undocumentedContentType, .wrongContentType, .schemaMismatch,
        .missingHeader, .malformedHeader, .invalidRequestAccepted, .methodNotRejected, .authBypass,
        .createdResourceMissing, .wrongLocation, .missingCapture, .transportError,
    ]

    @Test func everyRouteIsDescribedAndEveryDescribedOperationRouted() async throws {
        try await ServerHarness.with(.sqlite) { harness in
            let routed = Set(harness.server.makeRouter().routes.map { "\($0.method.rawValue) \($0.path)" })
            let document = try await Self.document(harness)
            let paths = try #require(document.objectValue?["paths"]?.objectValue)
            let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options", "trace"]
            var described: Set<String> = []
            for (path, item) in paths {
                for (method, _) in item.objectValue ?? [:] where methods.contains(method) {
                    described.insert("\(method.uppercased()) \(path)")
                }
            }
            #expect(routed.subtracting(described).sorted() == [], "routed but not described")
            #expect(described.subtracting(routed).sorted() == [], "described but not routed")
            #expect(routed.count >= 26)
        }
    }

    @Test func theDocumentLoadsStrictlyAsOpenAPI31() async throws {
        try await ServerHarness.with(.sqlite) { harness in
            let response = try await harness.send(.GET, "/openapi.json")
            #expect(response.status == 200)
            #expect(response.headers.first(name: "Content-Type")?.hasPrefix("application/json") == true)
            let loaded = try await SpecLoader(options: LoadOptions(strict: true, validateStructure: true))
                .load(.text(response.text, name: "openapi.json"))
            #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
            #expect(loaded.model.info.version == AssayVersion.current)
            #expect(loaded.model.operations.count >= 26)
            // Every operation names its id and a tag, and every one but the open ones needs a token.
            for operation in loaded.model.operations {
                #expect(operation.operationID?.isEmpty == false, "\(operation.id) has no operationId")
            }
        }
    }

    /// The self-test bar: Assay generates its enhanced suite from the server's own document and
    /// runs it against the server (jobs off, so nothing the suite queues reaches outside).
    @Test(arguments: DatabaseBackend.allCases)
    func assaysOwnEnhancedSuiteFindsNoServerErrorAndNoUndocumentedAnswer(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: { $0.runsJobs = false }) { harness in
            let response = try await harness.send(.GET, "/openapi.json")
            let loaded = try await SpecLoader().load(.text(response.text, name: "openapi.json"))
            let plan = TestPlanner(model: loaded.model, options: PlannerOptions(strategy: .enhanced, seed: 1)).plan()
            var environment: [String: String] = [:]
            for key in MutationAnalysis.credentialEnvironment(model: loaded.model, root: harness.baseURL).keys {
                environment[key] = harness.tokens[.admin]
            }
            #expect(environment.count == 1, "one bearer scheme: \(environment.keys.sorted())")
            // Latency budgets are scaled as in RunCorpusTests: this checks what the server
            // answers, and CI runs it beside every other suite on two cores (a /ready that
            // took 520 ms against a 500 ms budget was the machine, not the server).
            let report = try await PlanRunner(
                plan: plan,
                configuration: RunConfiguration(
                    baseURL: harness.baseURL, workers: 4, environment: environment, allowPrivate: true, latencyFactor: 10)
            ).run()
            let findings = AssayRun.Finding.findings(in: report, plan: plan)
            let cases = report.results.count
            let flows = report.results.filter { $0.caseID.contains(".flow.") }
            print(
                "self-test (\(backend.rawValue)): \(cases) cases, \(report.passed) passed, \(report.failed) failed; "
                    + "\(flows.count) flows, \(flows.count { $0.outcome == .passed }) passed; "
                    + "\(findings.count) findings: \(Dictionary(grouping: findings, by: \.check.rawValue).mapValues(\.count).sorted { $0.key < $1.key })")
            #expect(cases >= 250)
            #expect(findings.filter { $0.check == .serverError }.isEmpty, "server errors: \(findings.filter { $0.check == .serverError }.map(\.message))")
            for finding in findings where Self.documentTruthChecks.contains(finding.check) {
                Issue.record("\(finding.check.rawValue) on \(finding.operation): \(finding.message)")
            }
            // What remains is the suite's own limit, not the server's: a valid request naming an
            // id the suite made up (the project, run or job does not exist) is answered 404, and a
            // webhook is checked for its project and signature before its media type.
            for finding in findings where !Self.documentTruthChecks.contains(finding.check) {
                switch finding.check {
                case .validRequestRejected:
                    #expect(finding.response?.status == 404, "\(finding.operation): \(finding.message)")
                    #expect(finding.operation.contains("{"), "\(finding.operation) has no identifier to miss: \(finding.message)")
                case .mediaTypeNotRejected:
                    #expect(finding.operation == "POST /api/v1/webhooks/{source}", "\(finding.message)")
                default:
                    Issue.record("\(finding.check.rawValue) on \(finding.operation): \(finding.message)")
                }
            }
            // The flows that create their project (create, then read, change, list under, upload
            // to and delete it) all pass; a flow that starts under a made-up project stops at its
            // first step with that project's 404.
            let creating = flows.filter { $0.caseID.hasPrefix("createProject.") }
            #expect(creating.count >= 8)
            #expect(creating.allSatisfy { $0.outcome == .passed }, "\(creating.filter { $0.outcome != .passed }.map(\.caseID))")
            for flow in flows where flow.outcome != .passed {
                #expect(flow.failedStep == 0 && flow.response?.status == 404, "\(flow.caseID): \(flow.failure?.message ?? "")")
            }
        }
    }

    static func document(_ harness: ServerHarness) async throws -> JSONValue {
        let response = try await harness.send(.GET, "/openapi.json")
        #expect(response.status == 200)
        return try JSONValue.parse(response.body)
    }
}
