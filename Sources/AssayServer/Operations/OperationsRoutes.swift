import OrderedCollections
import AssayCore
import AssayStore
import Foundation
import Hummingbird
import NIOCore

/// `/health`, `/ready`, `/status` and `/metrics`: unauthenticated, for orchestrators and
/// scrapers; none of them shows a secret.
struct OperationsRoutes: Sendable {
    let dependencies: ServerDependencies
    let workers: JobWorkerPool
    let startedAt: Date

    func register(on router: Router<AssayRequestContext>) {
        // Liveness: the process answers. No dependency is checked, so a slow database never
        // gets a healthy process restarted.
        router.get("health") { _, _ in
            JSONResponse.make(["status": "ok"])
        }
        router.get("ready") { _, _ in try await self.ready() }
        router.get("status") { _, _ in try await self.status() }
        router.get("metrics") { _, _ in try await self.metrics() }
    }

    /// 200 when the database answers, every migration is applied and (if this instance runs
    /// jobs) the workers are alive; 503 naming what is not.
    func ready() async throws -> Response {
        var checks: JSONObject = [:]
        var ready = true
        do {
            _ = try await dependencies.queue.stats()
            checks["database"] = "ok"
        } catch {
            checks["database"] = .string("unreachable: \(error)")
            ready = false
        }
        if await dependencies.store.migrationsApplied() {
            checks["migrations"] = "ok"
        } else {
            checks["migrations"] = "not applied: run `assay migrate`"
            ready = false
        }
        if dependencies.configuration.runsJobs {
            if workers.isAlive {
                checks["workers"] = "ok"
            } else {
                checks["workers"] = "not running"
                ready = false
            }
        } else {
            checks["workers"] = "disabled on this instance"
        }
        return JSONResponse.make(["status": ready ? "ready" : "not_ready", "checks": .object(checks)], status: ready ? .ok : .serviceUnavailable)
    }

    func status() async throws -> Response {
        let stats = try await dependencies.queue.stats()
        var counts: JSONObject = [:]
        for state in JobState.allCases { counts[state.rawValue] = .integer(stats[state]) }
        let circuits = await dependencies.breaker.snapshot().map { circuit -> JSONValue in
            var object: JSONObject = ["key": .string(circuit.key), "state": .string(circuit.state.rawValue), "consecutiveFailures": .integer(circuit.consecutiveFailures)]
            if let retryAt = circuit.retryAt { object["retryAt"] = .string(Self.iso(retryAt)) }
            return .object(object)
        }
        let body: JSONObject = [
            "version": .string(AssayVersion.current),
            "startedAt": .string(Self.iso(startedAt)),
            "uptimeSeconds": .double((Date().timeIntervalSince(startedAt) * 1000).rounded() / 1000),
            "database": .string(dependencies.store.backend.rawValue),
            "queue": .object([
                "depth": .integer(stats[.queued]),
                "running": .integer(stats[.running]),
                "dead": .integer(stats[.dead]),
                "counts": .object(counts),
                "oldestReadyAgeSeconds": .double(stats.oldestReadyAgeSeconds),
            ]),
            "workers": .object([
                "enabled": .bool(dependencies.configuration.runsJobs),
                "alive": .bool(workers.isAlive),
                "concurrency": .integer(workers.configuration.concurrency),
                "running": .array(workers.runningJobIDs.map { .integer(Int($0)) }),
            ]),
            "circuitBreakers": .array(circuits),
        ]
        return JSONResponse.make(.object(body))
    }

    /// The Prometheus text format; the queue gauges are sampled at scrape time.
    func metrics() async throws -> Response {
        if let stats = try? await dependencies.queue.stats() {
            var counts: [String: Int] = [:]
            for state in JobState.allCases { counts[state.rawValue] = stats[state] }
            dependencies.metrics.recordQueue(counts: counts, oldestReadyAgeSeconds: stats.oldestReadyAgeSeconds)
        }
        let bytes = dependencies.metrics.render()
        return Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        )
    }

    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
