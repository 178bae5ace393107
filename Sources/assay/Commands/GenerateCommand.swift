import ArgumentParser
import AssayCore
import AssayData
import AssayGen
import AssayQuality
import Foundation
import OrderedCollections

/// `assay generate`: a test plan for every operation, as pytest files or as the plan JSON.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate an API test suite from an API description: pytest files or a native plan.",
        discussion: """
            The same description, strategy, kinds and seed give the same files, byte for byte.

            The pytest package reads its configuration from the environment: ASSAY_BASE_URL, \
            ASSAY_TIMEOUT, and per security scheme ASSAY_AUTH_<SCHEME>… (listed in conftest.py). \
            No credential is ever written into the files.

            With --since, only the operations whose definition changed since that plan are \
            planned anew (the others keep their cases byte for byte), and the spec diff is \
            printed and written to spec-diff.json: added, removed and changed operations, \
            with breaking changes flagged (removed operation or response, new required \
            parameter or member, narrowed enum, changed type, removed media type). The pytest \
            package carries its plan.json, so a package directory is a valid --since.

            Exit codes: 0 written; 1 breaking changes found under --fail-on-breaking (the \
            files are still written); 2 unusable input (unreadable description or previous \
            plan, bad option, unwritable output).

            Examples:
              assay generate examples/petstore.yaml --out tests/api
              assay generate api.yaml --out plan --format plan --strategy enhanced
              assay generate api.yaml --out tests/api --strategy enhanced --kinds validation,error --seed 7
              assay generate api.yaml --out tests/api --strategy enhanced --since tests/api --fail-on-breaking
            """
    )

    @Argument(help: "The API description: a file path or an http(s) URL.")
    var spec: String

    @Option(help: "The directory to write into (created when missing).")
    var out: String

    /// The planner strategies.
    enum Strategy: String, ExpressibleByArgument, CaseIterable {
        case standard, enhanced
        var kind: GenerationStrategyKind { self == .standard ? .standard : .enhanced }
    }

    /// What to write.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case pytest, plan
    }

    @Option(help: "standard (examples and templates, positive cases) or enhanced (every case kind).")
    var strategy: Strategy = .standard

    @Option(help: "Only these case kinds, comma-separated: positive, validation, error, flow, performance.")
    var kinds: String?

    @Option(help: "The seed of every generated value.")
    var seed: UInt64 = 1

    @Option(help: "pytest (a package of test files) or plan (plan.json for `assay run`).")
    var format: Format = .pytest

    @Option(help: "The latency budget of performance cases, in milliseconds.")
    var latencyBudget: Int = 500

    @Option(help: "A previous plan.json (or a directory holding one): plan only what changed since, and report the spec diff.")
    var since: String?

    @Flag(help: "Exit 1 when the spec diff against --since has a breaking change.")
    var failOnBreaking = false

    @Flag(help: "No progress bar and no summary.")
    var quiet = false

    @Option(help: "Generate under this stage's quality gate: enhanced first (--strategy is not used), falling back to standard when its suite fails the gate, its scoring fails or its generation runs past --gate-budget (entry, development, staging, production, critical).")
    var gate: String?

    @Option(help: "A gate file (YAML) overriding the default stages and weights (with --gate).")
    var gates: String?

    @Option(help: "Seconds the enhanced generator may take under --gate before falling back.")
    var gateBudget: Double = 30

    @OptionGroup var loading: SpecLoadingOptions

    func validate() throws {
        if gate != nil && since != nil { throw ValidationError("--gate and --since cannot be combined") }
        guard gateBudget > 0 else { throw ValidationError("--gate-budget must be positive") }
        _ = try parsedKinds()
        guard latencyBudget > 0 else { throw ValidationError("--latency-budget must be positive") }
        if failOnBreaking && since == nil { throw ValidationError("--fail-on-breaking needs --since PREVIOUS_PLAN") }
    }

    /// The kinds `--kinds` names; `nil` for all.
    func parsedKinds() throws -> Set<CaseKind>? {
        try Self.parseKinds(kinds)
    }

    /// The kinds a `--kinds` value names; `nil` (all) when there is none.
    static func parseKinds(_ kinds: String?) throws -> Set<CaseKind>? {
        guard let kinds else { return nil }
        var result: Set<CaseKind> = []
        for name in kinds.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !name.isEmpty {
            guard let kind = CaseKind(rawValue: name) else {
                throw ValidationError("unknown case kind '\(name)' in --kinds; the kinds are \(CaseKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            result.insert(kind)
        }
        guard !result.isEmpty else { throw ValidationError("--kinds names no kind") }
        return result
    }

    func run() async throws {
        let previous = try since.map { try PlanFile.read($0, purpose: "--since") }
        let model = try await loading.model(of: spec)
        let options = PlannerOptions(
            strategy: strategy.kind,
            kinds: try parsedKinds(),
            seed: seed,
            latencyBudgetMilliseconds: latencyBudget
        )
        let planner = TestPlanner(model: model, options: options)
        let progress = ProgressBar(total: model.operations.count, label: "operations", enabled: !quiet && gate == nil)
        let plan: TestPlan
        var incremental: IncrementalPlan?
        var record: GenerationRecord?
        if let gate {
            let quiet = self.quiet
            let gated = GatedGeneration(
                model: model, options: options, stage: gate,
                scorer: QualityScorer(
                    configuration: try GateCommand.configuration(gates), cache: QualityCache.standard(),
                    environment: ["ASSAY_LATENCY_FACTOR": ProcessInfo.processInfo.environment["ASSAY_LATENCY_FACTOR"] ?? "1"]),
                budgetSeconds: gateBudget)
            do {
                (plan, record) = try await gated.run { message in
                    if !quiet { FileHandle.standardError.write(Data("  \(message)\n".utf8)) }
                }
            } catch {
                GateCommand.fail(error.description)
            }
        } else if let previous {
            let result = planner.plan(since: previous) { done, total in progress.update(done, total: total) }
            plan = result.plan
            incremental = result
        } else {
            plan = planner.plan { done, _ in progress.update(done) }
        }
        progress.finish()

        // The plan's JSON and the pytest modules are rendered side by side.
        let emitter = PytestEmitter(securitySchemes: Array(model.securitySchemes.values), generator: "Assay \(AssayVersion.current)")
        async let planFile = EmittedFile(path: "plan.json", contents: String(decoding: plan.jsonBytes(), as: UTF8.self))
        let modules = format == .pytest ? emitter.files(for: plan) : []
        var files = modules + [await planFile]
        if let record {
            files.append(EmittedFile(path: "generation.json", contents: JSONWriter(pretty: true).string(record.json) + "\n"))
        }
        if let incremental {
            files.append(EmittedFile(path: "spec-diff.json", contents: JSONWriter(pretty: true).string(incremental.diff.json) + "\n"))
        }
        do {
            try EmittedFile.write(files, to: out)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitStatus.unusable
        }
        let removed = format == .pytest ? EmittedFile.removeStale(in: out, keeping: files, marker: PytestEmitter.generatedMarker) : []
        if !quiet {
            if let incremental { printIncremental(incremental, removed: removed) }
            printSummary(plan, files: files)
        }
        if let record {
            printGeneration(record)
            if !record.passed { throw ExitStatus.findings }
        }
        if failOnBreaking, let incremental, !incremental.diff.breakingChanges.isEmpty {
            throw ExitStatus.findings
        }
    }

    /// The gated generation's story: each attempt's scores and gate, the fallback and why.
    private func printGeneration(_ record: GenerationRecord) {
        var text = ""
        for attempt in record.attempts {
            let overall = attempt.metrics?["overall"].map { String(format: "%.2f", $0) } ?? "-"
            let mutation = attempt.metrics?["mutation_score"].map { String(format: "%.2f", $0) } ?? "-"
            let verdict = attempt.gatePassed == true ? "passed" : "failed"
            text += "\(attempt.strategy): generated in \(String(format: "%.2f", attempt.generationSeconds)) s, scored in \(String(format: "%.2f", attempt.scoringSeconds)) s; overall \(overall), mutation score \(mutation); \(record.stage) gate \(verdict)\n"
            for failure in attempt.failures { text += "  \(failure)\n" }
            if let error = attempt.error { text += "  error: \(error)\n" }
        }
        if let reason = record.fallbackReason { text += "fell back to the standard strategy: \(reason)\n" }
        text += record.passed
            ? "kept the \(record.strategy) suite; it passes the \(record.stage) gate\n"
            : "kept the \(record.strategy) suite, which does NOT pass the \(record.stage) gate\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    private func printIncremental(_ result: IncrementalPlan, removed: [String]) {
        var text = result.diff.report() + "\n"
        if let reason = result.fullRegenerationReason {
            text += "planned every operation anew: \(reason)\n"
        } else {
            text += "planned \(result.regenerated.count) operation\(result.regenerated.count == 1 ? "" : "s") anew, kept the cases of \(result.reused.count)\n"
        }
        if !removed.isEmpty { text += "removed stale modules: \(removed.joined(separator: ", "))\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }

    private func printSummary(_ plan: TestPlan, files: [EmittedFile]) {
        let counts = plan.countsByKind
        let kinds = CaseKind.allCases.compactMap { kind in counts[kind].map { "\($0) \(kind.rawValue)" } }
        var text = "\(plan.cases.count) cases (\(kinds.isEmpty ? "none" : kinds.joined(separator: ", "))) in \(files.count) files under \(out)\n"
        text += "operations: \(plan.coveredOperations.count) of \(plan.api.operationCount) covered"
        text += plan.skipped.isEmpty ? "\n" : ", \(plan.skipped.count) skipped:\n"
        for skipped in plan.skipped.prefix(20) { text += "  \(skipped.operation): \(skipped.reason)\n" }
        if plan.skipped.count > 20 { text += "  … and \(plan.skipped.count - 20) more\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
