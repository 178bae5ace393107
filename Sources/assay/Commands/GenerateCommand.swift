import ArgumentParser
import AssayCore
import AssayData
import AssayGen
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

            Exit codes: 0 written; 2 unusable input (unreadable description, bad option, \
            unwritable output).

            Examples:
              assay generate examples/petstore.yaml --out tests/api
              assay generate api.yaml --out plan --format plan --strategy enhanced
              assay generate api.yaml --out tests/api --strategy enhanced --kinds validation,error --seed 7
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

    @Flag(help: "No progress bar and no summary.")
    var quiet = false

    @OptionGroup var loading: SpecLoadingOptions

    func validate() throws {
        _ = try parsedKinds()
        guard latencyBudget > 0 else { throw ValidationError("--latency-budget must be positive") }
    }

    /// The kinds `--kinds` names; `nil` for all.
    func parsedKinds() throws -> Set<CaseKind>? {
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
        let model: APIModel
        do {
            model = try await SpecLoader(options: loading.loadOptions).load(SpecSource(argument: spec)).model
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitStatus.unusable
        }
        let options = PlannerOptions(
            strategy: strategy.kind,
            kinds: try parsedKinds(),
            seed: seed,
            latencyBudgetMilliseconds: latencyBudget
        )
        let progress = ProgressBar(total: model.operations.count, label: "operations", enabled: !quiet)
        let plan = TestPlanner(model: model, options: options).plan { done, _ in progress.update(done) }
        progress.finish()

        let files: [EmittedFile]
        switch format {
        case .plan:
            files = [EmittedFile(path: "plan.json", contents: String(decoding: plan.jsonBytes(), as: UTF8.self))]
        case .pytest:
            files = PytestEmitter(securitySchemes: Array(model.securitySchemes.values), generator: "Assay \(AssayVersion.current)").files(for: plan)
        }
        do {
            try EmittedFile.write(files, to: out)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitStatus.unusable
        }
        if !quiet { printSummary(plan, files: files) }
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
