import AssayStore
import Foundation
import OrderedCollections
import Logging
import AssayCore
import HTTPTypes
import Hummingbird

/// `/api/v1/projects/{project}/runs` and `/api/v1/runs/{run}`: start a run of the project's
/// latest plan (a job) and read runs and their findings.
struct RunRoutes: Sendable {
    let dependencies: ServerDependencies

    func register(on api: RouterGroup<AssayRequestContext>) {
        let dependencies = self.dependencies
        api.get("projects/:project/runs") { request, context in
            try await dependencies.authorize(request, .read)
            let project = try await dependencies.project(context)
            let page = try await dependencies.runs.list(projectID: project.id, after: try request.cursor(), limit: try request.pageLimit())
            return try JSONResponse.encode(PageBody(items: page.items, nextCursor: page.nextCursor))
        }
        api.post("projects/:project/runs") { request, context in
            let token = try await dependencies.authorize(request, .write)
            let project = try await dependencies.project(context)
            guard let plan = try await dependencies.plans.latest(projectID: project.id) else {
                throw APIError.conflict("project '\(project.slug)' has no plan yet: upload its description first")
            }
            let key = request.headers[.requestIdempotencyKey]
            if let key, key.isEmpty || key.utf8.count > 200 {
                throw APIError.invalid("the Idempotency-Key header must be 1 to 200 bytes")
            }
            let job = try await dependencies.queue.enqueue(
                kind: RunPlanJob.kind,
                payload: RunPlanJob(projectID: project.id, planID: plan.id, requestedBy: token.name),
                idempotencyKey: key.map { "api:\(project.id.uuidString):\($0)" })
            return try JSONResponse.encode(
                AcceptedJob(jobID: job.job.id, status: job.inserted ? "queued" : "duplicate"),
                status: .accepted, headers: [.location: "/api/v1/jobs/\(job.job.id)"])
        }
        api.get("runs/:run") { request, context in
            try await dependencies.authorize(request, .read)
            let id = try dependencies.uuid(context, "run", what: "run")
            guard let run = try await dependencies.runs.get(id) else { throw APIError.notFound("no run '\(id)'") }
            return try JSONResponse.encode(run)
        }
        api.get("runs/:run/findings") { request, context in
            try await dependencies.authorize(request, .read)
            let id = try dependencies.uuid(context, "run", what: "run")
            guard try await dependencies.runs.get(id) != nil else { throw APIError.notFound("no run '\(id)'") }
            return try JSONResponse.encode(PageBody(items: try await dependencies.runs.findings(of: id), nextCursor: nil))
        }
    }
}

extension HTTPField.Name {
    /// `Idempotency-Key` (IETF draft): a retried POST with the same key queues no second job.
    static let requestIdempotencyKey = HTTPField.Name("Idempotency-Key")!
}
