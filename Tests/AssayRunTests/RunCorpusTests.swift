import AssayCore
import AssayGen
import AssayRun
import AssayTestSupport
import Foundation
import Hummingbird
import Testing

/// No false positives, end to end: for a sample of at least 200 real descriptions, the
/// enhanced plan runs with ``PlanRunner`` over HTTP against ``MockServer`` (the reference
/// conformant implementation) and reports no finding. A finding here is a false positive
/// of the planner, the runner or the mock. `bench/run-corpus.sh` does the same for every
/// description with the CLI.
@Suite struct RunCorpusTests {
    /// Every 4th YAML description, sorted by path (229 of 917). `ASSAY_RUN_CORPUS_EVERY` and
    /// `ASSAY_RUN_CORPUS_OFFSET` choose another stride and start.
    static func sample() -> (files: [URL], every: Int) {
        let environment = ProcessInfo.processInfo.environment
        let every = max(1, environment["ASSAY_RUN_CORPUS_EVERY"].flatMap(Int.init) ?? 4)
        let offset = environment["ASSAY_RUN_CORPUS_OFFSET"].flatMap(Int.init) ?? 0
        let files = SharedMaterial.corpusFiles().filter { $0.pathExtension == "yaml" }
        return (files.enumerated().filter { $0.offset % every == offset % every }.map(\.element), every)
    }

    struct SpecResult: Sendable {
        var name: String
        var cases: Int
        var requests: Int
        var findings: [Finding]
    }

    /// Plans `model`, serves it on a fresh mock, runs the plan against it. OAuth2 tokens
    /// come from `tokenURL` (a local token endpoint), never from the description's.
    static func run(_ model: APIModel, name: String, tokenURL: String) async throws -> SpecResult {
        let plan = TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced)).plan()
        // Credentials for every scheme the plan names; a busy test machine scales the
        // latency budgets (this checks conformance, not speed); no retry hides a failure.
        var environment: [String: String] = [:]
        for scheme in plan.credentials ?? [] {
            for variable in scheme.variables { environment[variable] = "assay-corpus-credential" }
            if case .oauth2ClientCredentials(_, let variable, _) = scheme.kind { environment[variable] = tokenURL }
        }
        let report = try await PlanParityTests.withMock(model, mutant: nil) { [environment] baseURL in
            let configuration = RunConfiguration(
                baseURL: baseURL, timeoutSeconds: 30, workers: 4, retries: 0, environment: environment, allowPrivate: true, latencyFactor: 10)
            return try await PlanRunner(plan: plan, configuration: configuration).run()
        }
        return SpecResult(
            name: name, cases: plan.cases.count, requests: plan.cases.reduce(0) { $0 + $1.steps.count },
            findings: Finding.findings(in: report, plan: plan))
    }

    @Test func theEnhancedSuiteReportsNoFindingAgainstTheMockOfEachSampledDescription() async throws {
        let (files, every) = Self.sample()
        try #require(!files.isEmpty, "the corpus is missing: \(SharedMaterial.apisGuru.path)")
        let clock = ContinuousClock()
        let start = clock.now
        // A token endpoint for the OAuth2 client-credentials schemes: no request leaves 127.0.0.1.
        let router = Router()
        router.post("token") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: #"{"access_token": "assay-corpus-token", "token_type": "Bearer", "expires_in": 3600}"#)))
        }
        let (results, unloadable) = try await withTestServer(router) { tokenPort in
            var results: [SpecResult] = []
            var unloadable: [String] = []
            for file in files {
                let name = file.path.replacingOccurrences(of: SharedMaterial.apisGuru.path + "/", with: "")
                guard let model = try? await SpecLoader().load(SpecSource(argument: file.path)).model else {
                    unloadable.append(name)
                    continue
                }
                let result = try await Self.run(model, name: name, tokenURL: "http://127.0.0.1:\(tokenPort)/token")
                results.append(result)
                if !result.findings.isEmpty { print("run corpus: \(name): \(result.findings.count) findings") }
            }
            return (results, unloadable)
        }
        let cases = results.reduce(0) { $0 + $1.cases }
        let requests = results.reduce(0) { $0 + $1.requests }
        let all = results.flatMap { result in result.findings.map { (result.name, $0) } }
        // Where the mock answers 500 `unsatisfiable_response`, the description's own schema
        // admits no value (Azure's datafactory: an allOf'ed `id: string` that the object's
        // `additionalProperties: {type: object}` also governs), so no server could conform:
        // a flaw of the description, which `assay inspect` and DataCorpusTests report too.
        func unsatisfiable(_ finding: Finding) -> Bool {
            finding.check == .serverError && String(decoding: finding.response?.body ?? [], as: UTF8.self).contains("\"unsatisfiable_response\"")
        }
        let flaws = all.filter { unsatisfiable($0.1) }
        let findings = all.filter { !unsatisfiable($0.1) }
        print(
            "run corpus: \(results.count) descriptions over HTTP, \(cases) cases, \(requests) requests, \(findings.count) findings, "
                + "\(flaws.count) on responses no value satisfies (\(Set(flaws.map(\.0)).sorted().joined(separator: ", "))), "
                + "\(unloadable.count) not loadable, \(clock.now - start)")
        for (name, finding) in findings.prefix(40) {
            print("  \(name) \(finding.check.rawValue) \(finding.operation) [\(finding.caseIDs[0])]: \(finding.message.prefix(500))")
        }
        // The default sample must be the 200 descriptions the bar names, all run.
        if every == 4 { #expect(results.count >= 200, "only \(results.count) descriptions ran") }
        #expect(findings.isEmpty, "\(findings.count) false positives")
    }
}
