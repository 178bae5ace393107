import AssayCore
import AssayGen
import AssayQuality
import AssayStore
import Crypto
import Foundation
import Logging
import OrderedCollections

/// Runs ``SpecChangeJob``s: fetches the description (unless the job names a recorded
/// version), records it, and when it is a new version generates a suite with the project's
/// gate (the enhanced strategy, falling back to the standard one when its gate fails),
/// stores the plan, its pytest files and the gate verdict, and queues a run of the plan.
///
/// Idempotent: a version already recorded with a plan only makes sure its run is queued (the
/// run job's idempotency key is the plan), so an attempt repeated after a crash changes nothing.
struct SpecChangeHandler: JobHandler {
    let kind = SpecChangeJob.kind
    let dependencies: ServerDependencies

    func run(_ job: ClaimedJob, context: JobContext) async throws -> String? {
        let request = try job.payload(SpecChangeJob.self, what: "a spec change")
        guard let project = try await dependencies.projects.get(request.projectID) else {
            throw JobError.permanent("project \(request.projectID) no longer exists")
        }
        // 1. The version.
        let version: SpecVersion
        let content: Data
        if let id = request.specVersionID {
            guard let recorded = try await dependencies.specs.get(id), let bytes = try await dependencies.specs.content(of: id) else {
                throw JobError.permanent("spec version \(id) no longer exists or has no content")
            }
            version = recorded
            content = bytes
        } else {
            let fetched = try await SpecSourceFetcher(dependencies: dependencies).fetch(project: project, job: request)
            content = Data(fetched.bytes)
            let model = try await Self.load(content)
            version = try await dependencies.specs.record(
                projectID: project.id, content: content, source: fetched.source, summary: SpecRoutes.summary(model)
            ).version
        }
        if let existing = try await PlanLookup.plan(of: version.id, in: dependencies) {
            let run = try await enqueueRun(project: project, planID: existing)
            return Self.result(["status": "unchanged", "specVersion": .integer(version.version), "plan": .string(existing.uuidString), "runJob": .integer(Int(run))])
        }
        // 2. Generate and gate.
        let model = try await Self.load(content)
        let started = ContinuousClock.now
        let options = PlannerOptions(strategy: .enhanced, seed: project.settings.seed)
        let python = dependencies.configuration.python.map(PythonInterpreter.init(path:)) ?? PythonInterpreter.find()
        let scorer = QualityScorer(configuration: .defaults, python: python, parallel: 2, environment: ["ASSAY_LATENCY_FACTOR": "1"])
        let gated = GatedGeneration(model: model, options: options, stage: project.settings.stage, scorer: scorer)
        let (plan, record) = try await gated.run { message in context.logger.debug("\(message)") }
        dependencies.metrics.recordGeneration(strategy: record.strategy, duration: ContinuousClock.now - started, fellBack: record.fallbackReason != nil)
        if let metrics = record.attempts.last?.metrics {
            dependencies.metrics.recordQuality(project: project.slug, metrics: metrics)
        }
        // 3. Store the plan, its files and the verdict, then queue the run.
        let planText = String(decoding: plan.jsonBytes(), as: UTF8.self)
        let saved = try await dependencies.plans.save(
            projectID: project.id, content: planText, specVersionID: version.id,
            reason: "spec version \(version.version) (\(request.trigger))", actor: "assay")
        let emitter = PytestEmitter(securitySchemes: Array(model.securitySchemes.values), generator: "Assay \(AssayVersion.current)")
        var files = JSONObject()
        for file in emitter.files(for: plan) { files[file.path] = .string(file.contents) }
        files["plan.json"] = .string(planText)
        files["generation.json"] = .string(JSONWriter(pretty: true).string(record.json) + "\n")
        _ = try await dependencies.suites.save(
            planID: saved.id, framework: "pytest", files: JSONWriter().string(.object(files)),
            reason: "generated for spec version \(version.version)", actor: "assay")
        let overall = record.attempts.last?.metrics?["overall"]
        _ = try await dependencies.runs.recordGate(
            projectID: project.id, stage: record.stage, passed: record.passed, score: overall,
            details: JSONWriter().string(record.json))
        let runJob = try await enqueueRun(project: project, planID: saved.id)
        context.logger.info(
            "suite generated",
            metadata: ["project": .string(project.slug), "specVersion": .stringConvertible(version.version), "strategy": .string(record.strategy), "gate": .string(record.passed ? "passed" : "failed")])
        return Self.result([
            "status": "generated", "specVersion": .integer(version.version), "plan": .string(saved.id.uuidString),
            "strategy": .string(record.strategy), "gatePassed": .bool(record.passed), "cases": .integer(plan.cases.count), "runJob": .integer(Int(runJob)),
        ])
    }

    private func enqueueRun(project: Project, planID: UUID) async throws -> Int64 {
        try await dependencies.queue.enqueue(
            kind: RunPlanJob.kind, payload: RunPlanJob(projectID: project.id, planID: planID, requestedBy: "pipeline"),
            idempotencyKey: "plan:\(planID.uuidString)"
        ).job.id
    }

    /// The description as a model; one that cannot be used will not become usable by retrying.
    static func load(_ content: Data) async throws -> APIModel {
        guard let text = String(data: content, encoding: .utf8) else { throw JobError.permanent("the description is not UTF-8 text") }
        do {
            return try await SpecLoader().load(.text(text, name: "spec")).model
        } catch {
            throw JobError.permanent("the description cannot be used: \(error)")
        }
    }

    static func result(_ object: JSONObject) -> String {
        JSONWriter().string(.object(object))
    }
}
