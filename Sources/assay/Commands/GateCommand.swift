import ArgumentParser
import AssayCore
import AssayGen
import AssayQuality
import Foundation
import OrderedCollections

/// `assay gate`: measures a suite's quality and applies a stage's quality gate.
struct GateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Score a test suite (a plan or a pytest directory) and apply a stage's quality gate.",
        discussion: """
            The report explains every figure: static analysis of the pytest code (syntax, \
            assertions, test length, docstrings, smells, security and performance patterns; \
            Python's ast, so python3 must be on PATH or in ASSAY_PYTHON), the suite run \
            against Assay's conformant mock of the description (false failures) and against \
            every mutant of the catalog (mutation score = killed ÷ valid), API coverage after \
            Martin-Lopez et al. (2019), and one overall score, a weighted mean.

            Stages: entry, development, staging, production, critical, each a list of \
            conditions "metric operator threshold" (--print-defaults shows them; --gates FILE \
            overrides stages and weights). A condition on a metric that could not be measured \
            fails.

            A plan is scored on its pytest rendering and run natively; a pytest directory \
            with a plan.json (an `assay generate` output) likewise; a hand-written directory \
            runs under pytest with ASSAY_BASE_URL (and BASE_URL) set to each mock. Reports are \
            cached by content hash (--no-cache to score again).

            Exit codes: 0 the gate passed; 1 it failed; 2 unusable input.

            Examples:
              assay gate tests/api --stage production --junit gate.xml
              assay gate plan.json --spec openapi.yaml --stage staging --json gate.json
              assay gate handwritten/ --spec openapi.yaml --stage development
            """
    )

    @Argument(help: "The suite: a plan.json, or a directory of pytest code (with or without a plan.json).")
    var suite: String = ""

    @Option(help: "The stage whose gate applies: entry, development, staging, production or critical.")
    var stage: String = "production"

    @Option(help: "The API description the suite tests (default: the plan's source).")
    var spec: String?

    @Option(help: "A gate file (YAML) overriding the default stages and weights.")
    var gates: String?

    @Option(help: "Write the report and gate result as JSON to this file.")
    var json: String?

    @Option(help: "Write the gate result as JUnit XML to this file.")
    var junit: String?

    @Option(help: "Mocks run at once during mutation analysis.")
    var parallel: Int = 2

    @Flag(help: "Score again even when an identical suite was scored before.")
    var noCache = false

    @Flag(help: "Print the default gate file and exit.")
    var printDefaults = false

    @Flag(help: "List the metrics a condition may name and exit.")
    var listMetrics = false

    @Flag(help: "Only the gate's verdict, not the report.")
    var quiet = false

    @OptionGroup var loading: SpecLoadingOptions

    func validate() throws {
        guard printDefaults || listMetrics || !suite.isEmpty else { throw ValidationError("give the suite to score: a plan.json or a directory") }
        guard parallel > 0 else { throw ValidationError("--parallel must be at least 1") }
    }

    func run() async throws {
        if printDefaults {
            print(GateConfiguration.defaultYAML, terminator: "")
            return
        }
        if listMetrics {
            for metric in QualityMetrics.all { print("\(metric.name)\n    \(metric.explanation)\(metric.isRatio ? " (ratio, 0 to 1)" : "")") }
            return
        }
        let configuration = try Self.configuration(gates)
        let conditions: [GateCondition]
        do {
            conditions = try configuration.conditions(of: stage)
        } catch {
            Self.fail(error.description)
        }
        let (subject, plan) = try Self.subject(suite)
        let specSource = spec ?? plan?.api.source
        var model: APIModel?
        if let specSource {
            model = try await loading.model(of: specSource)
        } else {
            FileHandle.standardError.write(Data("warning: no --spec and no plan naming its description: soundness, mutation and coverage not measured\n".utf8))
        }
        let scorer = QualityScorer(
            configuration: configuration, cache: noCache ? nil : QualityCache.standard(), parallel: parallel,
            environment: ["ASSAY_LATENCY_FACTOR": ProcessInfo.processInfo.environment["ASSAY_LATENCY_FACTOR"] ?? "1"])
        let quiet = self.quiet
        let outcome: (report: QualityReport, cached: Bool)
        do {
            outcome = try await scorer.score(subject, model: model) { message in
                if !quiet { FileHandle.standardError.write(Data("  \(message)\n".utf8)) }
            }
        } catch {
            Self.fail("scoring failed: \(error)")
        }
        let result = GateResult(stage: stage, conditions: conditions, report: outcome.report)
        if !quiet {
            print(outcome.report.text)
            if outcome.cached { print("(report from the cache: this suite and description were scored before)\n") }
        }
        print(result.text, terminator: "")
        try Self.write(json.map { ($0, JSONWriter(pretty: true).string(.object(["report": outcome.report.json, "gate": result.json])) + "\n") })
        try Self.write(junit.map { ($0, result.junitXML) })
        if !result.passed { throw ExitStatus.findings }
    }

    /// The gate configuration: the defaults, or `path` over them.
    static func configuration(_ path: String?) throws -> GateConfiguration {
        guard let path else { return .defaults }
        do {
            return try GateConfiguration(contentsOf: path)
        } catch {
            fail(error.description)
        }
    }

    /// What `argument` names: a plan file, or a directory (with its plan.json if any).
    static func subject(_ argument: String) throws -> (QualityScorer.Subject, TestPlan?) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else { fail("no such file or directory: \(argument)") }
        if isDirectory.boolValue {
            let url = URL(fileURLWithPath: argument)
            let planPath = url.appendingPathComponent("plan.json").path
            let plan = FileManager.default.fileExists(atPath: planPath) ? try PlanFile.read(planPath, purpose: "the suite's plan") : nil
            return (.directory(url, plan: plan), plan)
        }
        let plan = try PlanFile.read(argument, purpose: "the suite")
        return (.plan(plan, path: argument), plan)
    }

    static func write(_ output: (path: String, text: String)?) throws {
        guard let output else { return }
        do {
            try Data(output.text.utf8).write(to: URL(fileURLWithPath: output.path))
        } catch {
            fail("cannot write \(output.path): \(error.localizedDescription)")
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        Foundation.exit(ExitStatus.unusable.rawValue)
    }
}
