import AssayServer
import AssayStore
import AssayTestSupport
import Foundation
import NIOHTTP1
import Testing

/// `/health`, `/ready`, `/status`, `/metrics`, the error format and bearer authentication,
/// over real HTTP on both databases.
struct OperationsTests {
    @Test(arguments: DatabaseBackend.allCases)
    func healthReadyStatusAndMetricsAnswer(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend) { harness in
            let health = try await harness.send(.GET, "/health")
            #expect(health.status == 200)
            #expect(try health.object()["status"] as? String == "ok")
            #expect(health.headers.first(name: "X-Request-Id")?.isEmpty == false)

            // Workers tick as soon as they start; wait for the first tick rather than race it.
            var ready = try await harness.send(.GET, "/ready")
            for _ in 0..<50 where ready.status != 200 {
                try await Task.sleep(for: .milliseconds(100))
                ready = try await harness.send(.GET, "/ready")
            }
            #expect(ready.status == 200, "\(ready.text)")
            let checks = try ready.object()["checks"] as? [String: String]
            #expect(checks == ["database": "ok", "migrations": "ok", "workers": "ok"])

            let status = try await harness.send(.GET, "/status")
            #expect(status.status == 200)
            let object = try status.object()
            #expect(object["database"] as? String == backend.rawValue)
            let queue = try #require(object["queue"] as? [String: Any])
            #expect(queue["depth"] as? Int == 0)
            #expect(queue["dead"] as? Int == 0)
            #expect(object["circuitBreakers"] as? [Any] != nil)
            #expect((object["version"] as? String)?.isEmpty == false)

            let metrics = try await harness.send(.GET, "/metrics")
            #expect(metrics.status == 200)
            #expect(metrics.headers.first(name: "Content-Type")?.hasPrefix("text/plain") == true)
            // The requests above were counted under their route templates.
            #expect(metrics.text.contains(#"assay_http_requests_total{method="GET",route="/health",status="200"} 1"#), "\(metrics.text)")
            #expect(metrics.text.contains("assay_http_request_duration_seconds_bucket"))
            #expect(metrics.text.contains(#"assay_queue_jobs{state="queued"} 0"#))
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func readyIsUnavailableWithoutMigrations(backend: DatabaseBackend) async throws {
        try await TestDatabaseWithoutMigrations.check(backend)
    }

    @Test func clientRequestIDIsKeptAndHostileOnesReplaced() async throws {
        try await ServerHarness.with(.sqlite) { harness in
            let kept = try await harness.send(.GET, "/health", headers: [("X-Request-Id", "trace-42")])
            #expect(kept.headers.first(name: "X-Request-Id") == "trace-42")
            let long = String(repeating: "x", count: 300)
            let replaced = try await harness.send(.GET, "/health", headers: [("X-Request-Id", long)])
            #expect(replaced.headers.first(name: "X-Request-Id") != long)
            #expect(replaced.headers.first(name: "X-Request-Id")?.count == 36)
        }
    }

    @Test func unknownRoutesAnswerTheErrorFormat() async throws {
        try await ServerHarness.with(.sqlite) { harness in
            let response = try await harness.send(.GET, "/api/v1/nothing-here", token: .admin)
            #expect(response.status == 404)
            let error = try #require(try response.object()["error"] as? [String: Any])
            #expect(error["code"] as? String == "not_found")
            #expect((error["message"] as? String)?.isEmpty == false)
            #expect(error["details"] is [String: Any])
        }
    }
}

/// `/ready` on a database whose migrations were never applied.
enum TestDatabaseWithoutMigrations {
    static func check(_ backend: DatabaseBackend) async throws {
        try await AssayTestSupport.TestDatabase.with(backend, migrate: false) { store in
            var configuration = ServerConfiguration()
            configuration.port = 0
            configuration.runsJobs = false
            let server = AssayServer(store: store, configuration: configuration, logger: AssayTestSupport.TestDatabase.logger)
            let (ports, continuation) = AsyncStream<Int>.makeStream()
            let running = Task { try await server.run { continuation.yield($0) } }
            defer { running.cancel() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let harness = ServerHarness(server: server, store: store, port: port, tokens: [:])
            let ready = try await harness.send(.GET, "/ready")
            #expect(ready.status == 503)
            let checks = try #require(try ready.object()["checks"] as? [String: String])
            #expect(checks["migrations"]?.hasPrefix("not applied") == true)
            #expect(checks["workers"] == "disabled on this instance")
            running.cancel()
            _ = try? await running.value
        }
    }
}
