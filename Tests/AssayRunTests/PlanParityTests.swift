import AssayCore
import AssayMock
import AssayRun
import AssayTestSupport
import Foundation
import OrderedCollections
import Testing

@testable import AssayGen

/// The native runner and the emitted pytest give the same pass or fail for every case:
/// against the conformant mock (where both pass everything) and against every mutant
/// (where both fail the same cases).
@Suite(.serialized) struct PlanParityTests {
    /// The credentials both sides read, and a latency factor: a test machine busy with other
    /// suites may take a second for a request, which is not what this compares; the slow
    /// mutant's 2 s still exceeds the scaled 1.25 s budget on both sides.
    static let credentials = [
        "ASSAY_AUTH_API_KEY": "key-1", "ASSAY_AUTH_BEARER_AUTH_TOKEN": "token-1", "ASSAY_LATENCY_FACTOR": "2.5",
    ]

    /// Runs `body` with a fresh mock of `model` listening on 127.0.0.1; returns its result.
    static func withMock<T: Sendable>(
        _ model: APIModel, mutant: Mutant?, _ body: @escaping @Sendable (String) async throws -> T
    ) async throws -> T {
        let server = MockServer(model: model, options: MockOptions(seed: 1, mutant: mutant), port: 0)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let serving = Task { try await server.run { port in continuation.yield(port) } }
        defer { serving.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw CancellationError() }
        return try await body("http://127.0.0.1:\(port)\(server.basePath)")
    }

    /// Case id → passed, from the native runner.
    static func native(_ plan: TestPlan, baseURL: String) async throws -> [String: Bool] {
        let configuration = RunConfiguration(baseURL: baseURL, timeoutSeconds: 10, retries: 0, environment: credentials, allowPrivate: true)
        let report = try await PlanRunner(plan: plan, configuration: configuration).run()
        return Dictionary(uniqueKeysWithValues: report.results.map { ($0.caseID, $0.outcome == .passed) })
    }

    /// Case id → passed, from pytest on the emitted package (read from its JUnit XML).
    static func pytest(_ plan: TestPlan, files: [EmittedFile], directory: URL, baseURL: String, python: String) throws -> [String: Bool] {
        var environment = credentials
        environment["ASSAY_BASE_URL"] = baseURL
        let report = directory.appendingPathComponent("junit.xml")
        try? FileManager.default.removeItem(at: report)
        let (status, output) = try PythonProcess.run(
            python, ["-m", "pytest", "-q", "-p", "no:cacheprovider", "--junitxml", report.path], in: directory, environment: environment)
        guard status == 0 || status == 1 else { throw PytestError(output: String(output.suffix(3_000))) }
        let xml = try String(contentsOf: report, encoding: .utf8)
        var outcomes: [String: Bool] = [:]
        for block in xml.components(separatedBy: "<testcase ").dropFirst() {
            guard let start = block.range(of: " name=\""), let end = block[start.upperBound...].firstIndex(of: "\"") else { continue }
            let name = String(block[start.upperBound..<end])
            let body = block.components(separatedBy: "</testcase>").first ?? block
            outcomes[name] = !(body.contains("<failure") || body.contains("<error") || body.contains("<skipped"))
        }
        // Function names are the case ids in snake case, made unique per module.
        var byCase: [String: Bool] = [:]
        for suite in plan.suites {
            var names: Set<String> = []
            for testCase in suite.cases {
                let name = PytestEmitter.functionName(testCase, names: &names)
                if let passed = outcomes[name] { byCase[testCase.id] = passed }
            }
        }
        return byCase
    }

    struct PytestError: Error, CustomStringConvertible {
        var output: String
        var description: String { "pytest did not run: \(output)" }
    }

    @Test func nativeAndPytestAgreeOnEveryCaseAgainstTheMockAndEveryMutant() async throws {
        let python = try #require(PythonProcess.interpreter, "run the tests through scripts/test")
        let path = SharedMaterial.projectRoot.appendingPathComponent("examples/petstore.yaml").path
        let model = try await SpecLoader().load(.file(path)).model
        let plan = TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced)).plan()
        let files = PytestEmitter(securitySchemes: Array(model.securitySchemes.values)).files(for: plan)
        let directory = try PythonProcess.temporaryDirectory("parity")
        defer { try? FileManager.default.removeItem(at: directory) }
        try EmittedFile.write(files, to: directory.path)

        var failuresSeen = 0
        var compared = 0
        for mutant in [nil] + MutantCatalog.all.map(Optional.some) {
            let label = mutant?.name ?? "conformant"
            // Each side gets a fresh mock: the plan's flows create and delete resources.
            let native = try await Self.withMock(model, mutant: mutant) { try await Self.native(plan, baseURL: $0) }
            let pytest = try await Self.withMock(model, mutant: mutant) { base in
                try await DedicatedThread.run { try Self.pytest(plan, files: files, directory: directory, baseURL: base, python: python) }
            }
            #expect(native.count == plan.cases.count, "\(label): the native run reported \(native.count) of \(plan.cases.count) cases")
            #expect(pytest.count == plan.cases.count, "\(label): pytest reported \(pytest.count) of \(plan.cases.count) cases")
            let disagreements = plan.cases.map(\.id).filter { native[$0] != pytest[$0] }
            #expect(disagreements.isEmpty, "\(label): native and pytest disagree on \(disagreements.map { "\($0) (native \(native[$0].map(String.init) ?? "-"), pytest \(pytest[$0].map(String.init) ?? "-"))" })")
            if mutant == nil {
                #expect(native.values.allSatisfy { $0 }, "the conformant mock fails \(native.filter { !$0.value }.keys.sorted())")
            }
            failuresSeen += native.values.filter { !$0 }.count
            compared += plan.cases.count
        }
        // The agreement is not vacuous: the mutants make cases fail.
        #expect(failuresSeen > 0)
        print("parity: \(compared) case runs compared over \(MutantCatalog.all.count + 1) servers; \(failuresSeen) failures, all agreed")
    }
}
