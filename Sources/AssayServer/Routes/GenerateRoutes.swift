import AssayCore
import AssayGen
import AssayStore
import Foundation
import Hummingbird
import Logging
import OrderedCollections

/// `POST /api/v1/projects/{project}/generate`: a plan generated on demand from a spec
/// version, under the project's gate, by the same code as the `spec-change` job
/// (``PlanGeneration``). A description of at most `synchronousGenerationLimit` operations is
/// generated in the request (201 with the plan, the verdict and what changed); a larger one
/// becomes a `generate` job (202). No run is queued: `POST …/runs` runs the latest plan.
struct GenerateRoutes: Sendable {
    let dependencies: ServerDependencies

    func register(on api: RouterGroup<AssayRequestContext>) {
        let dependencies = self.dependencies
        api.post("projects/:project/generate") { request, context in
            let token = try await dependencies.authorize(request, .write)
            // The body is judged before the project is looked up: a 400 or 415 says the same
            // whatever the project.
            var request = request
            let options = try await GenerateRequest.read(&request, maxBody: dependencies.configuration.maxJSONBody)
            let project = try await dependencies.project(context)
            let version: SpecVersion
            if let number = options.specVersion {
                guard let found = try await dependencies.specs.get(projectID: project.id, number: number) else {
                    throw APIError.notFound("project '\(project.slug)' has no spec version \(number)")
                }
                version = found
            } else {
                guard let latest = try await dependencies.specs.latest(projectID: project.id) else {
                    throw APIError.conflict("project '\(project.slug)' has no spec version yet: upload its description first")
                }
                version = latest
            }
            return try await self.generate(options, project: project, version: version, actor: token.name, logger: context.logger)
        }
    }

    /// Generates in the request when the description is small enough, else queues the job.
    func generate(_ options: GenerateRequest, project: Project, version: SpecVersion, actor: String, logger: Logger) async throws -> Response {
        let generation = PlanGeneration(dependencies: dependencies)
        // The summary recorded with the version counts its operations; only a version
        // recorded without one is loaded to count them.
        var model: APIModel?
        var operations = Self.operationCount(version)
        if operations == nil {
            model = try await Self.unprocessable { try await generation.loadVersion(version) }
            operations = model?.operations.count
        }
        guard let operations, operations <= dependencies.configuration.synchronousGenerationLimit else {
            let job = try await dependencies.queue.enqueue(
                kind: GenerateJob.kind,
                payload: GenerateJob(
                    projectID: project.id, specVersionID: version.id, strategy: options.strategy.rawValue, seed: options.seed,
                    incremental: options.incremental, requestedBy: actor))
            return try JSONResponse.encode(
                AcceptedJob(jobID: job.job.id, status: "queued"), status: .accepted, headers: [.location: "/api/v1/jobs/\(job.job.id)"])
        }
        let outcome = try await Self.unprocessable {
            try await generation.generate(
                PlanGeneration.Request(
                    project: project, version: version, strategy: options.strategy, seed: options.seed, incremental: options.incremental,
                    reason: "spec version \(version.version) (generate)", actor: actor),
                model: model, logger: logger)
        }
        let plan = "/api/v1/plans/\(outcome.plan.id.uuidString)"
        let body: JSONValue = [
            "plan": [
                "id": .string(outcome.plan.id.uuidString), "projectID": .string(project.id.uuidString),
                "specVersionID": .string(version.id.uuidString), "version": .integer(outcome.plan.version),
                "contentHash": .string(outcome.plan.contentHash), "createdAt": .string(outcome.plan.createdAt.formatted(.iso8601)),
            ],
            "specVersion": .integer(version.version),
            "cases": .integer(outcome.caseCount),
            "gate": outcome.gate,
            "changes": outcome.changes,
            "links": ["plan": .string(plan), "suite": .string(plan + "/suite.zip"), "files": .string(plan + "/files")],
        ]
        return JSONResponse.make(body, status: .created, headers: [.location: plan])
    }

    /// The operation count in a version's summary, if it has one.
    static func operationCount(_ version: SpecVersion) -> Int? {
        guard let summary = version.summary, let value = try? JSONValue.parse(Array(summary.utf8)) else { return nil }
        return value["operations"]?.intValue
    }

    /// `work`, with a description that cannot be used (a permanent job error) answered 422.
    private static func unprocessable<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let error as JobError where !error.retryable {
            throw APIError(.unprocessableContent, code: "invalid_spec", message: error.message)
        }
    }
}
