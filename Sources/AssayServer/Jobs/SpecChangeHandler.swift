import AssayCore
import AssayStore
import Crypto
import Foundation
import Logging
import OrderedCollections

/// Runs ``SpecChangeJob``s: fetches the description (unless the job names a recorded
/// version), records it, and when it is a new version generates a suite with the project's
/// gate (the enhanced strategy, falling back to the standard one when its gate fails) —
/// incrementally against the project's previous plan when it has one (``PlanGeneration``) —
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
        // 1. The version (a fetched one is loaded to be recorded; a recorded one only when
        // it needs a plan).
        let version: SpecVersion
        let content: Data
        var model: APIModel?
        if let id = request.specVersionID {
            guard let recorded = try await dependencies.specs.get(id), let bytes = try await dependencies.specs.content(of: id) else {
                throw JobError.permanent("spec version \(id) no longer exists or has no content")
            }
            version = recorded
            content = bytes
        } else {
            let fetched = try await SpecSourceFetcher(dependencies: dependencies).fetch(project: project, job: request)
            content = Data(fetched.bytes)
            let loaded = try await Self.load(content)
            model = loaded
            version = try await dependencies.specs.record(
                projectID: project.id, content: content, source: fetched.source, summary: SpecRoutes.summary(loaded)
            ).version
        }
        if let existing = try await PlanLookup.plan(of: version.id, in: dependencies) {
            let run = try await enqueueRun(project: project, planID: existing)
            return Self.result(["status": "unchanged", "specVersion": .integer(version.version), "plan": .string(existing.uuidString), "runJob": .integer(Int(run))])
        }
        // 2. Generate, gate and store (incrementally against the previous plan, if any),
        // then queue the run.
        let generated: APIModel
        if let model { generated = model } else { generated = try await Self.load(content) }
        let outcome = try await PlanGeneration(dependencies: dependencies).generate(
            PlanGeneration.Request(project: project, version: version, reason: "spec version \(version.version) (\(request.trigger))", actor: "assay"),
            model: generated, logger: context.logger)
        let runJob = try await enqueueRun(project: project, planID: outcome.plan.id)
        var result = outcome.jobResult(specVersion: version.version)
        result["runJob"] = .integer(Int(runJob))
        return Self.result(result)
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
