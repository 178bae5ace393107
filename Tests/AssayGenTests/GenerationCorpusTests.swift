import AssayCore
import AssayData
import AssayTestSupport
import Foundation
import OrderedCollections
import Testing

@testable import AssayGen

/// Plans and pytest packages for real descriptions: every loadable spec of a sample gets a
/// plan, almost every operation a positive case, and every emitted package compiles and
/// collects exactly its planned cases.
@Suite struct GenerationCorpusTests {
    @Test func aCorpusSampleGetsPlansThatCompileAndCollect() async throws {
        let python = try #require(PythonProcess.interpreter, "run the tests through scripts/test")
        let all = SharedMaterial.corpusFiles()
        try #require(all.count >= 900, "the corpus is expected at \(SharedMaterial.apisGuru.path)")
        // Every 8th description: 115 specs spread over the whole corpus, quick enough for CI.
        let stride = Int(ProcessInfo.processInfo.environment["ASSAY_GEN_CORPUS_STRIDE"] ?? "") ?? 8
        let sample = Swift.stride(from: 0, to: all.count, by: max(1, stride)).map { all[$0] }
        var limits = LoadLimits.default
        limits.timeoutSeconds = 30
        let loader = SpecLoader(options: LoadOptions(limits: limits))
        var specs = 0
        var operations = 0
        var positive = 0
        var cases = 0
        var skipped: [String] = []
        var mismatches: [String] = []
        let started = ContinuousClock.now
        for file in sample {
            guard let model = try? await loader.load(.file(file.path)).model else { continue }
            let name = file.path.replacingOccurrences(of: SharedMaterial.apisGuru.path + "/", with: "")
            specs += 1
            let label = "corpus-\(specs)"
            // Planning and the Python processes run off the cooperative pool (see DedicatedThread).
            let (plan, (collected, problem)) = try await DedicatedThread.run {
                let plan = TestPlanner(model: model, options: PlannerOptions(strategy: .enhanced, seed: 5)).plan()
                let files = PytestEmitter(securitySchemes: Array(model.securitySchemes.values)).files(for: plan)
                return (plan, try PytestEmitterTests.compileAndCollect(files, python: python, label: label))
            }
            operations += model.operations.count
            let withPositive = Set(plan.cases.filter { $0.kind == .positive }.flatMap { $0.steps.map(\.operation) })
            positive += withPositive.count
            cases += plan.cases.count
            skipped += plan.skipped.map { "\(name) \($0.operation): \($0.reason)" }
            if let problem { mismatches.append("\(name): \(problem)") } else if collected != plan.cases.count {
                mismatches.append("\(name): planned \(plan.cases.count), collected \(collected)")
            }
        }
        let share = operations == 0 ? 0 : Double(positive) / Double(operations)
        print(
            "generation corpus: \(specs) specs, \(operations) operations, \(positive) with a positive case "
                + "(\(String(format: "%.2f", share * 100))%), \(cases) cases, \(skipped.count) operations skipped, "
                + "\(mismatches.count) collection mismatches, \(ContinuousClock.now - started)"
        )
        for line in skipped.prefix(30) { print("  skipped: \(line)") }
        for line in mismatches.prefix(30) { print("  MISMATCH: \(line)") }
        #expect(specs * max(1, stride) >= 850, "most of the sample loads")
        #expect(share >= 0.99, "at least 99% of operations get a positive case")
        #expect(mismatches.isEmpty, "pytest collects exactly the planned cases")
    }
}
