import AssayCore
import AssayGen
import AssayStore
import Foundation
import OrderedCollections

/// Runs ``GenerateJob``s: the generation `POST …/generate` does in the request for small
/// descriptions (``PlanGeneration``), for the large ones. Its result is the summary the
/// `spec-change` job stores (plan, gate verdict, changes); no run is queued.
///
/// At least once: an attempt that stored its plan and then lost its lease is repeated, and
/// the repeat stores another plan version of the same content.
struct GenerateHandler: JobHandler {
    let kind = GenerateJob.kind
    let dependencies: ServerDependencies

    func run(_ job: ClaimedJob, context: JobContext) async throws -> String? {
        let request = try job.payload(GenerateJob.self, what: "a generation request")
        guard let project = try await dependencies.projects.get(request.projectID) else {
            throw JobError.permanent("project \(request.projectID) no longer exists")
        }
        guard let version = try await dependencies.specs.get(request.specVersionID) else {
            throw JobError.permanent("spec version \(request.specVersionID) no longer exists")
        }
        guard let strategy = GenerationStrategyKind(rawValue: request.strategy) else {
            throw JobError.permanent("unknown strategy '\(request.strategy)'")
        }
        let outcome = try await PlanGeneration(dependencies: dependencies).generate(
            PlanGeneration.Request(
                project: project, version: version, strategy: strategy, seed: request.seed, incremental: request.incremental,
                reason: "spec version \(version.version) (generate, job \(job.id))", actor: request.requestedBy),
            logger: context.logger)
        return JSONWriter().string(.object(outcome.jobResult(specVersion: version.version)))
    }
}
