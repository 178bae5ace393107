import AssayStore
import Foundation
import OrderedCollections
import Logging
import AssayCore
import Hummingbird

/// `/api/v1/jobs`: the queue, for operators (admin scope): list, read, re-run dead jobs, purge.
struct JobRoutes: Sendable {
    let dependencies: ServerDependencies

    func register(on api: RouterGroup<AssayRequestContext>) {
        let dependencies = self.dependencies
        api.get("jobs") { request, _ in
            try await dependencies.authorize(request, .admin)
            var state: JobState?
            if let text = request.query("state") {
                guard let parsed = JobState(rawValue: text) else {
                    throw APIError.invalid(
                        "state must be one of \(JobState.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'",
                        details: .object(["parameter": "state"]))
                }
                state = parsed
            }
            if let kind = request.query("kind"), kind.isEmpty || kind.utf8.count > 100 {
                throw APIError.invalid("kind must be 1 to 100 bytes (a job kind such as run-plan)", details: .object(["parameter": "kind"]))
            }
            let page = try await dependencies.queue.list(
                state: state, kind: request.query("kind"), after: try request.cursor(), limit: try request.pageLimit())
            return try JSONResponse.encode(PageBody(items: page.items, nextCursor: page.nextCursor))
        }
        api.get("jobs/:job") { request, context in
            try await dependencies.authorize(request, .read)
            return try JSONResponse.encode(try await self.job(context))
        }
        api.post("jobs/:job/retry") { request, context in
            let token = try await dependencies.authorize(request, .admin)
            let job = try await self.job(context)
            guard job.state == .dead else {
                throw APIError.conflict("job \(job.id) is \(job.state.rawValue); only dead jobs are retried")
            }
            let retried = try await dependencies.queue.retry(job.id)
            context.logger.notice("dead job re-queued", metadata: ["job": .stringConvertible(job.id), "by": .string(token.name)])
            return try JSONResponse.encode(retried)
        }
        api.post("jobs/purge") { request, _ in
            try await dependencies.authorize(request, .admin)
            let days = request.query("olderThanDays").map { Int($0) } ?? 7
            guard let days, (0...3650).contains(days) else {
                throw APIError.invalid("olderThanDays must be an integer from 0 to 3650", details: .object(["parameter": "olderThanDays"]))
            }
            let purged = try await dependencies.queue.purge(olderThan: Date().addingTimeInterval(-Double(days) * 86_400))
            return JSONResponse.make(["purged": .integer(purged)])
        }
    }

    func job(_ context: AssayRequestContext) async throws -> Job {
        let text = context.parameters.get("job") ?? ""
        guard let id = Int64(text), let job = try await dependencies.queue.job(id) else { throw APIError.notFound("no job '\(text)'") }
        return job
    }
}
