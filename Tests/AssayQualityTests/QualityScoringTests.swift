import AssayCore
import AssayGen
import AssayMock
import AssayQuality
import AssayTestSupport
import Foundation
import OrderedCollections
import Testing

/// Scoring real suites end to end: the bundled example's enhanced suite against the mock and
/// every mutant, a deliberately poor hand-written suite under pytest, the cache, coverage
/// counts and generation under a gate with its fallback.
@Suite(.serialized) struct QualityScoringTests {
    static var petstorePath: String { SharedMaterial.projectRoot.appendingPathComponent("examples/petstore.yaml").path }
    static var poorSuite: URL { SharedMaterial.projectRoot.appendingPathComponent("Tests/AssayQualityTests/Fixtures/poor-suite") }

    static func model() async throws -> APIModel { try await SpecLoader().load(.file(petstorePath)).model }

    static func python() throws -> PythonInterpreter {
        PythonInterpreter(path: try #require(PythonProcess.interpreter, "run the tests through scripts/test"))
    }

    /// A scorer without a cache, Python from the test venv; budgets doubled for a busy machine
    /// (the slow mutant's 2 s still breaks the 1 s budget).
    static func scorer(_ configuration: GateConfiguration = .defaults, cache: QualityCache? = nil) throws -> QualityScorer {
        QualityScorer(configuration: configuration, python: try python(), cache: cache, environment: ["ASSAY_LATENCY_FACTOR": "2"])
    }

    /// The enhanced suite of the example, written as `assay generate` writes it.
    static func enhancedPackage(_ model: APIModel) throws -> (URL, TestPlan) {
        let plan = TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced)).plan()
        let directory = try PythonProcess.temporaryDirectory("quality-enhanced")
        var files = PytestEmitter(securitySchemes: Array(model.securitySchemes.values)).files(for: plan)
        files.append(EmittedFile(path: "plan.json", contents: String(decoding: plan.jsonBytes(), as: UTF8.self)))
        try EmittedFile.write(files, to: directory.path)
        return (directory, plan)
    }

    @Test func theExampleEnhancedSuitePassesTheProductionGate() async throws {
        let model = try await Self.model()
        let (directory, plan) = try Self.enhancedPackage(model)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (report, cached) = try await Self.scorer().score(.directory(directory, plan: plan), model: model)
        #expect(!cached)
        #expect(report.notMeasured.isEmpty, "\(report.notMeasured)")
        #expect(report.metrics["false_failures"] == 0, "false failures: \(report.falseFailures)")
        #expect(report.metrics["mutants_valid"] == Double(MutantCatalog.all.count))
        #expect(report.metrics["mutation_score"] == 1, "survivors: \(report.mutants.filter { $0.valid && !$0.killed }.map(\.name))")
        #expect(report.metrics["operation_coverage"] == 1)
        #expect(report.metrics["syntax_errors"] == 0)
        #expect(report.metrics["security_violations"] == 0)
        #expect(report.metrics["tests"] == Double(plan.cases.count))
        let gate = GateResult(stage: "production", conditions: try GateConfiguration.defaults.conditions(of: "production"), report: report)
        #expect(gate.passed, "\(gate.text)\n\(report.text)")
        let count = MutantCatalog.all.count
        #expect(report.text.contains("mutation_score = killed ÷ valid = \(count) ÷ \(count)"))
    }

    @Test func aPoorHandWrittenSuiteFailsTheProductionGateForTheRightReasons() async throws {
        let model = try await Self.model()
        let (report, _) = try await Self.scorer().score(.directory(Self.poorSuite, plan: nil), model: model)
        let gate = GateResult(stage: "production", conditions: try GateConfiguration.defaults.conditions(of: "production"), report: report)
        #expect(!gate.passed)
        let failed = Set(gate.failures.map(\.condition.metric))
        // What is wrong with it: a file Python cannot parse, TLS checks turned off, most files
        // of low quality, requests without timeouts, a low overall score, too few mutants
        // killed; and coverage cannot be read without a plan.
        for metric in [
            "syntax_errors", "security_violations", "low_quality_files", "performance_antipatterns", "overall", "mutation_score",
            "operation_coverage",
        ] {
            #expect(failed.contains(metric), "expected \(metric) to fail: \(gate.text)")
        }
        #expect(gate.failures.first { $0.condition.metric == "operation_coverage" }?.reason.contains("not measured") == true)
        #expect((report.metrics["syntax_errors"] ?? 0) >= 1)
        #expect((report.metrics["hard_coded_secrets"] ?? 0) >= 1)
        #expect((report.metrics["tests_without_assertions"] ?? 0) >= 1)
        let findings = report.files.flatMap(\.findings).joined(separator: "\n")
        for rule in ["sleepy-test", "assertion-roulette", "duplicate-test", "tls-verify-disabled", "hard-coded-secret", "too-long", "redundant-print"] {
            #expect(findings.contains(rule), "no \(rule) finding in:\n\(findings)")
        }
        // No finding prints the secret it found.
        #expect(!findings.contains("3f9a1c77e0b24d5c9a8e6f1d2c3b4a59"))
        // The JUnit form fails exactly the failing conditions.
        #expect(gate.junitXML.components(separatedBy: "<failure ").count - 1 == gate.failures.count)
    }

    @Test func anUnchangedSuiteIsScoredOnce() async throws {
        let model = try await Self.model()
        let cacheDirectory = try PythonProcess.temporaryDirectory("quality-cache")
        defer { try? FileManager.default.removeItem(at: cacheDirectory) }
        var plan = TestPlanner(model: model, options: PlannerOptions(strategy: .standard)).plan()
        let scorer = try Self.scorer(cache: QualityCache(directory: cacheDirectory))
        let first = try await scorer.score(.plan(plan, path: "standard"), model: model)
        let second = try await scorer.score(.plan(plan, path: "standard"), model: model)
        #expect(!first.cached)
        #expect(second.cached)
        #expect(second.report == first.report)
        // One case fewer is another suite.
        plan.suites[0].cases.removeLast()
        let third = try await scorer.score(.plan(plan, path: "standard"), model: model)
        #expect(!third.cached)
        #expect(third.report.contentHash != first.report.contentHash)
    }

    @Test func coverageCountsWhatThePlanExercises() async throws {
        let model = try await Self.model()
        var plan = TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced)).plan()
        let full = APICoverage(plan: plan, model: model)
        #expect(full.operations.covered == model.operations.count)
        #expect(full.paths.total == Set(model.operations.map(\.path)).count)
        // Drop every case touching GET /health: one operation and one path fewer.
        let health = try #require(model.operations.first { $0.path == "/health" })
        for index in plan.suites.indices { plan.suites[index].cases.removeAll { $0.steps.contains { $0.operation == health.id } } }
        let fewer = APICoverage(plan: plan, model: model)
        #expect(fewer.operations.covered == full.operations.covered - 1)
        #expect(fewer.paths.covered == full.paths.covered - 1)
        #expect(fewer.statusCodes.covered < full.statusCodes.covered)
        let standard = APICoverage(plan: TestPlanner(model: model, options: PlannerOptions(strategy: .standard)).plan(), model: model)
        #expect(standard.statusCodes.ratio < full.statusCodes.ratio)
        #expect(standard.mean < full.mean)
    }

    @Test func gatedGenerationFallsBackToStandardAndSaysWhy() async throws {
        let model = try await Self.model()
        // A gate no suite can pass: the enhanced suite fails it, and so does the standard one.
        let impossible = try GateConfiguration(yaml: "stages:\n  production:\n    - mutation_score > 1\n")
        let (plan, record) = try await GatedGeneration(
            model: model, options: PlannerOptions(), stage: "production", scorer: Self.scorer(impossible)
        ).run()
        #expect(plan.strategy == .standard)
        #expect(record.strategy == "standard")
        #expect(record.fallbackReason?.contains("the enhanced suite failed the production gate: mutation_score is 1.00") == true, "\(record)")
        #expect(record.attempts.map(\.strategy) == ["enhanced", "standard"])
        #expect(record.attempts.allSatisfy { $0.metrics?["mutation_score"] != nil && $0.generationSeconds > 0 })
        #expect(!record.passed)
        // Enhanced kills more mutants than standard on the example.
        let enhancedScore = try #require(record.attempts[0].metrics?["mutation_score"])
        let standardScore = try #require(record.attempts[1].metrics?["mutation_score"])
        #expect(enhancedScore > standardScore)

        // A budget the enhanced generator cannot meet.
        let (_, late) = try await GatedGeneration(
            model: model, options: PlannerOptions(), stage: "entry", scorer: Self.scorer(), budgetSeconds: 0.000_001
        ).run()
        #expect(late.fallbackReason?.contains("ran past its time budget") == true, "\(late)")
        #expect(late.strategy == "standard")

        // A gate the enhanced suite passes: kept, no fallback.
        let (kept, passed) = try await GatedGeneration(model: model, options: PlannerOptions(), stage: "production", scorer: Self.scorer())
            .run()
        #expect(kept.strategy == .enhanced)
        #expect(passed.fallbackReason == nil)
        #expect(passed.passed)
        #expect(passed.json["attempts"]?[0]?["scores"]?["overall"]?.doubleValue != nil)
    }

    @Test func aSuiteThatTimesOutAgainstAMutantKillsIt() async throws {
        let model = try await Self.model()
        let directory = try PythonProcess.temporaryDirectory("quality-timeout")
        defer { try? FileManager.default.removeItem(at: directory) }
        // Three reads without a timeout: quick against the conformant mock, at least 6 s
        // against slow-response (2 s each), past the executor's 5 s limit.
        let test = """
            import os

            import requests


            def test_health_three_times():
                \"\"\"The health endpoint answers, three times in a row.\"\"\"
                for _ in range(3):
                    response = requests.get(os.environ["ASSAY_BASE_URL"] + "/health")
                    assert response.status_code == 200, response.text

            """
        try Data(test.utf8).write(to: directory.appendingPathComponent("test_health.py"))
        let analysis = try await MutationAnalysis.measure(
            model: model, executor: PytestExecutor(directory: directory, python: try Self.python(), testCount: 1, timeoutSeconds: 5),
            catalog: [.slowResponse, .wrongContentType])
        #expect(analysis.falseFailures.isEmpty, "\(analysis.falseFailures)")
        #expect(analysis.mutants.first { $0.mutant == "slow-response" }?.killed == true, "\(analysis.mutants)")
        // The test never looks at the media type: that mutant survives.
        #expect(analysis.mutants.first { $0.mutant == "wrong-content-type" }?.killed == false)
    }
}
