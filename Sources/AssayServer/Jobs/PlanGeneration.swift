import AssayCore
import AssayGen
import AssayQuality
import AssayStore
import Foundation
import Logging
import OrderedCollections

/// Generates a plan from one of a project's spec versions under the project's gate and stores
/// it with its pytest files and the verdict: the one code path of the `spec-change` job, the
/// `generate` job and `POST /api/v1/projects/{project}/generate`.
///
/// Incremental (the default) when the project has a live plan of this or an earlier version
/// of its description: ``GatedGeneration`` plans each strategy against that plan first, so
/// operations whose definition did not change keep their cases byte for byte, and gates the
/// result with the stage's fallback. What changed (cases kept, regenerated, added, removed;
/// the spec diff and its breaking changes) goes into the generation record stored with the
/// suite (`generation.json`, and `spec-diff.json` beside it) and into ``Outcome/changes``.
struct PlanGeneration: Sendable {
    /// What to generate.
    struct Request: Sendable {
        var project: Project
        var version: SpecVersion
        /// The strategy tried first (`.enhanced` falls back to `.standard`).
        var strategy: GenerationStrategyKind = .enhanced
        /// The project's seed when `nil`.
        var seed: UInt64?
        /// Plan against the previous plan, when there is one.
        var incremental = true
        /// Why, for the audit trail: "spec version 2 (upload)".
        var reason: String
        var actor: String
    }

    /// What was generated and stored.
    struct Outcome: Sendable {
        var plan: Plan
        var caseCount: Int
        var record: GenerationRecord
        /// The plan regenerated against, if any.
        var previous: Plan?

        /// The gate's verdict: stage, whether it passed, the strategy kept, whether and why
        /// it fell back, the kept suite's scores, and every attempt.
        var gate: JSONValue {
            var object: JSONObject = [
                "stage": .string(record.stage), "passed": .bool(record.passed), "strategy": .string(record.strategy),
                "fellBack": .bool(record.fallbackReason != nil),
            ]
            object["fallbackReason"] = record.fallbackReason.map(JSONValue.string) ?? .null
            let attempts = record.attemptsJSON
            object["scores"] = attempts.arrayValue?.last?["scores"] ?? .null
            object["attempts"] = attempts
            return .object(object)
        }

        /// What changed against the previous plan (``PlanChanges/json`` and which plan that
        /// was); `null` when there was none.
        var changes: JSONValue {
            guard let changes = record.changes, let previous else { return .null }
            guard case .object(var object) = changes.json else { return .null }
            object["since"] = [
                "plan": .string(previous.id.uuidString), "planVersion": .integer(previous.version),
                "specVersionID": previous.specVersionID.map { .string($0.uuidString) } ?? .null,
            ]
            return .object(object)
        }

        /// The summary a job stores as its result.
        func jobResult(specVersion: Int) -> JSONObject {
            [
                "status": "generated", "specVersion": .integer(specVersion), "plan": .string(plan.id.uuidString),
                "planVersion": .integer(plan.version), "strategy": .string(record.strategy), "gatePassed": .bool(record.passed),
                "cases": .integer(caseCount), "gate": gate, "changes": changes,
            ]
        }
    }

    let dependencies: ServerDependencies

    /// Generates, gates and stores; see the type's description.
    ///
    /// - Parameter model: the version's description, when the caller has loaded it already.
    /// - Throws: `JobError.permanent` when the version's content is gone or cannot be used
    ///   (retrying will not help); store errors as they come.
    func generate(_ request: Request, model loaded: APIModel? = nil, logger: Logger) async throws -> Outcome {
        let project = request.project
        let model: APIModel
        if let loaded { model = loaded } else { model = try await loadVersion(request.version) }
        let previous = request.incremental ? try await previousPlan(of: request.version, logger: logger) : nil

        let started = ContinuousClock.now
        let options = PlannerOptions(strategy: request.strategy, seed: request.seed ?? project.settings.seed)
        let python = dependencies.configuration.python.map(PythonInterpreter.init(path:)) ?? PythonInterpreter.find()
        let scorer = QualityScorer(configuration: .defaults, python: python, parallel: 2, environment: ["ASSAY_LATENCY_FACTOR": "1"])
        let gated = GatedGeneration(
            model: model, options: options, stage: project.settings.stage, scorer: scorer,
            previous: previous?.plan, firstStrategy: request.strategy)
        let (plan, record) = try await gated.run { message in logger.debug("\(message)") }
        dependencies.metrics.recordGeneration(strategy: record.strategy, duration: ContinuousClock.now - started, fellBack: record.fallbackReason != nil)
        if let metrics = record.attempts.last?.metrics {
            dependencies.metrics.recordQuality(project: project.slug, metrics: metrics)
        }

        let planText = String(decoding: plan.jsonBytes(), as: UTF8.self)
        let since = previous.map { ", \(record.changes?.isIncremental == true ? "incremental" : "in full") since plan \($0.stored.version)" } ?? ""
        let saved = try await dependencies.plans.save(
            projectID: project.id, content: planText, specVersionID: request.version.id, reason: request.reason + since, actor: request.actor)
        let emitter = PytestEmitter(securitySchemes: Array(model.securitySchemes.values), generator: "Assay \(AssayVersion.current)")
        var files = JSONObject()
        for file in emitter.files(for: plan) { files[file.path] = .string(file.contents) }
        files["plan.json"] = .string(planText)
        let recordJSON = record.json
        files["generation.json"] = .string(JSONWriter(pretty: true).string(recordJSON) + "\n")
        if let changes = record.changes { files["spec-diff.json"] = .string(JSONWriter(pretty: true).string(changes.diff.json) + "\n") }
        _ = try await dependencies.suites.save(
            planID: saved.id, framework: "pytest", files: JSONWriter().string(.object(files)),
            reason: "generated for spec version \(request.version.version)", actor: request.actor)
        _ = try await dependencies.runs.recordGate(
            projectID: project.id, stage: record.stage, passed: record.passed, score: record.attempts.last?.metrics?["overall"],
            details: JSONWriter().string(recordJSON))
        var metadata: Logger.Metadata = [
            "project": .string(project.slug), "specVersion": .stringConvertible(request.version.version), "plan": .stringConvertible(saved.version),
            "strategy": .string(record.strategy), "gate": .string(record.passed ? "passed" : "failed"),
        ]
        if let changes = record.changes {
            metadata["since"] = .stringConvertible(previous?.stored.version ?? 0)
            metadata["kept"] = .stringConvertible(changes.keptCases.count)
            metadata["regenerated"] = .stringConvertible(changes.regeneratedCases.count)
            metadata["added"] = .stringConvertible(changes.addedCases.count)
            metadata["removed"] = .stringConvertible(changes.removedCases.count)
        }
        logger.info("suite generated", metadata: metadata)
        return Outcome(plan: saved, caseCount: plan.cases.count, record: record, previous: previous?.stored)
    }

    /// The version's description as a model.
    func loadVersion(_ version: SpecVersion) async throws -> APIModel {
        guard let content = try await dependencies.specs.content(of: version.id) else {
            throw JobError.permanent("spec version \(version.version) was recorded without its content")
        }
        return try await SpecChangeHandler.load(content)
    }

    /// The plan to regenerate against: the project's newest live plan of this version of the
    /// description or an earlier one. A plan that no longer reads (written by another Assay)
    /// is no base: the generation is then a full one.
    private func previousPlan(of version: SpecVersion, logger: Logger) async throws -> (stored: Plan, plan: TestPlan)? {
        guard let stored = try await dependencies.plans.latest(projectID: version.projectID, upToSpecVersion: version.version) else { return nil }
        do {
            return (stored, try TestPlan(jsonBytes: Array(stored.content.utf8)))
        } catch {
            logger.warning("the previous plan cannot be read; generating in full", metadata: ["plan": .string(stored.id.uuidString), "error": "\(error)"])
            return nil
        }
    }
}
