import AssayStore
import AssayTestSupport
import Foundation
import SQLKit
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The service's crash-safety bar: with 1,000 `run-plan` jobs queued and the workers of a real
/// `assay serve` busy, SIGKILL it and start it again on the same database (a SQLite file, and
/// the PostgreSQL `scripts/test` starts). Every job must complete, none may be lost, and each
/// must end with exactly one finished run; runs the killed attempts left `running` become
/// `abandoned`.
///
/// Beside it, the harder case a kill cannot show: a server frozen (SIGSTOP) past its leases
/// while a second one takes its jobs over, then thawed. Its attempts run on as zombies and
/// must not finish the runs the other server now owns.
///
/// The project, its one-operation description and its plan (written by `assay generate`) are
/// put in the store directly; the jobs are queued through the API (`POST …/runs` with
/// distinct `Idempotency-Key`s) of a first server that runs no jobs; what happened is read
/// from the tables, not from the code under test. Each case prints one line of figures
/// (`serve crash (BACKEND): …`, `serve freeze (BACKEND): …`).
@Suite(.serialized) struct ServeCrashTests {
    static let jobCount = 1000
    static let workers = 8

    /// One GET operation, so each job is a few milliseconds of real work (a mock started, a
    /// plan run against it, a run and its outcome stored).
    static let spec = """
        openapi: 3.0.3
        info: {title: Ping, version: "1"}
        paths:
          /ping:
            get:
              operationId: ping
              responses:
                "200":
                  description: pong
                  content:
                    application/json:
                      schema:
                        type: object
                        required: [ok]
                        properties:
                          ok: {type: boolean}
        """

    @Test(.timeLimit(.minutes(5)), arguments: StoreCommandTests.Backend.allCases)
    func aKilledServerLosesNoJobAndFinishesNoneTwice(backend: StoreCommandTests.Backend) async throws {
        try await Self.withQueuedJobs(backend) { url, directory, jobIDs in
            try await StoreCommandTests.withStore(url) { store in
                try await Self.killAndRestart(backend: backend, store: store, url: url, directory: directory, jobIDs: jobIDs)
            }
        }
    }

    @Test(.timeLimit(.minutes(5)), arguments: StoreCommandTests.Backend.allCases)
    func aServerFrozenPastItsLeasesFinishesNoRunAnotherTookOver(backend: StoreCommandTests.Backend) async throws {
        try await Self.withQueuedJobs(backend) { url, directory, jobIDs in
            try await StoreCommandTests.withStore(url) { store in
                try await Self.freezeAndTakeOver(backend: backend, store: store, url: url, directory: directory, jobIDs: jobIDs)
            }
        }
    }

    // MARK: Scenarios

    /// Workers busy, some jobs done: SIGKILL, then the same server again until every job is done.
    static func killAndRestart(backend: StoreCommandTests.Backend, store: Store, url: String, directory: URL, jobIDs: Set<Int64>) async throws {
        let sql = try store.database.sql()
        let arguments = ["--workers", "\(workers)", "--job-lease", "3", "--log-level", "warning"]
        let environment = ["ASSAY_DATABASE_URL": url]

        let first = try await ServeProcess.start(arguments, environment: environment, directory: directory, name: "first")
        defer { first.killIfRunning() }
        try await waitUntil("some jobs succeeded while others run", log: first) {
            let counts = try await stateCounts(sql)
            return counts["succeeded"] ?? 0 >= 100 && counts["running"] ?? 0 >= 1
        }
        let killedPID = first.pid
        try await first.kill()
        let killedAt = milliseconds(Date())
        let counts = try await stateCounts(sql)
        let inFlight = try await sql.raw("SELECT id, locked_until FROM jobs WHERE state = 'running'").all().map { row in
            (id: try row.decode(column: "id", as: Int64.self), lockedUntil: try row.decode(column: "locked_until", as: Int64.self))
        }
        let midRun = try await count("runs", where: "status = 'running'", in: store)
        let unexpired = inFlight.filter { $0.lockedUntil > killedAt }.count
        try #require(!inFlight.isEmpty, "the kill interrupted no job: \(counts)")
        #expect(counts["dead"] == nil, "\(counts)")
        let leasesEnd = inFlight.map(\.lockedUntil).max() ?? killedAt
        let inFlightList = inFlight.map { String($0.id) }.joined(separator: ",")

        let restartedAt = ContinuousClock.now
        let second = try await ServeProcess.start(arguments, environment: environment, directory: directory, name: "second")
        defer { second.killIfRunning() }
        var rescuedAt: Int64?
        try await waitUntilAllSucceeded(sql, log: second) {
            if rescuedAt == nil {
                // Rescued: none of them is leased any more to the killed server's workers (HOST-PID-XXXX/N).
                let held = try await count(
                    "jobs",
                    where: "id IN (\(inFlightList)) AND state = 'running' AND locked_by LIKE '%-\(killedPID)-%'",
                    in: store
                )
                if held == 0 { rescuedAt = milliseconds(Date()) }
            }
        }
        let drained = ContinuousClock.now - restartedAt
        #expect(try await second.stop() == 0, "the restarted server's graceful stop: \(second.log.suffix(2000))")

        let outcome = try await verifyExactlyOnce(sql, jobIDs: jobIDs)
        let reattempted = try await count("jobs", where: "id IN (\(inFlightList)) AND attempts > 1", in: store)
        #expect(reattempted == inFlight.count, "every job running at the kill was attempted again")
        let rescueLag = rescuedAt.map { Double($0 - leasesEnd) / 1000 }
        #expect(rescueLag.map { $0 < 5 } ?? false, "the killed jobs were rescued \(rescueLag ?? -1) s after their leases expired")
        print(
            """
            serve crash (\(backend.rawValue)): \(jobCount) jobs, \(workers) workers, 3 s leases; killed with \
            \(counts["succeeded"] ?? 0) succeeded and \(inFlight.count) running (\(midRun) mid-run, \(unexpired) leases unexpired); \
            restarted, it drained the rest in \(format(seconds(drained))) s, the killed jobs rescued \
            \(rescueLag.map(format) ?? "-") s after their leases expired; \(outcome)
            """
        )
    }

    /// Two servers; one frozen (SIGSTOP) with a run under way until the other has rescued its
    /// jobs, then thawed: both work on until every job is done. The frozen server's runs must
    /// end `abandoned`, whatever its attempts do after the thaw.
    static func freezeAndTakeOver(backend: StoreCommandTests.Backend, store: Store, url: String, directory: URL, jobIDs: Set<Int64>) async throws {
        let sql = try store.database.sql()
        let lease = 1.0
        let arguments = ["--job-lease", "\(lease)", "--log-level", "warning"]
        let environment = ["ASSAY_DATABASE_URL": url]

        // One worker on each. A freeze that lands while the server holds a database lock the
        // rescue needs (SQLite's write lock, a job row in a transaction) holds the other server
        // up too; with one worker, seen mid-run just before the freeze, the frozen server is
        // most likely outside any transaction. And the other server leaves jobs for the next
        // try when a freeze was not clean.
        let frozen = try await ServeProcess.start(["--workers", "1"] + arguments, environment: environment, directory: directory, name: "frozen")
        defer { frozen.killIfRunning() }
        let other = try await ServeProcess.start(["--workers", "1"] + arguments, environment: environment, directory: directory, name: "other")
        defer { other.killIfRunning() }
        let mine = "locked_by LIKE '%-\(frozen.pid)-%'"
        try await waitUntil("some jobs succeeded", log: frozen) { try await stateCounts(sql)["succeeded"] ?? 0 >= 100 }

        var tries = 0
        var takenJobs: [Int64] = []
        var zombieRuns: [UUID] = []
        while takenJobs.isEmpty {
            tries += 1
            let queued = try await stateCounts(sql)["queued"] ?? 0
            guard tries <= 30, queued >= 10 else {
                throw ServeProcessError("\(tries - 1) freezes, none caught a run under way and let the other server take its jobs (\(queued) queued)")
            }
            try await waitUntil("a run of the server to freeze under way", log: frozen) {
                try await count(
                    "jobs",
                    where: "state = 'running' AND \(mine) AND id IN (SELECT job_id FROM runs WHERE status = 'running')",
                    in: store
                ) > 0
            }
            frozen.pause()
            // A statement the server sent just before it stopped (a COMMIT finishing its run,
            // while its claim still held) is still carried out by the database: let it land,
            // so the snapshot below shows only what the frozen server can no longer finish.
            try await Task.sleep(for: .milliseconds(300))
            let jobs = try await sql.raw("SELECT id FROM jobs WHERE state = 'running' AND \(unsafeRaw: mine)").all().map {
                try $0.decode(column: "id", as: Int64.self)
            }
            let list = jobs.isEmpty ? "0" : jobs.map(String.init).joined(separator: ",")
            let runs = try await sql.raw("SELECT id FROM runs WHERE status = 'running' AND job_id IN (\(unsafeRaw: list))").all().map {
                try $0.decode(column: "id", as: UUID.self)
            }
            // Frozen mid-transaction, the server keeps its job's row locked (PostgreSQL) or the
            // write lock (SQLite): no rescue until the thaw. PostgreSQL shows it at once.
            var clean = !runs.isEmpty
            if clean, backend == .postgres {
                clean =
                    try await count("pg_stat_activity", where: "datname = current_database() AND state LIKE 'idle in transaction%'", in: store) == 0
            }
            var rescued = false
            if clean {
                let deadline = ContinuousClock.now + .seconds(lease + 3)
                while ContinuousClock.now < deadline {
                    if try await count("jobs", where: "id IN (\(list)) AND state = 'running' AND \(mine)", in: store) == 0 {
                        rescued = true
                        break
                    }
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
            frozen.resume()
            if rescued {
                takenJobs = jobs
                zombieRuns = runs
            } else {
                try await Task.sleep(for: .milliseconds(300))
            }
        }

        let thawedAt = ContinuousClock.now
        try await waitUntilAllSucceeded(sql, log: other) {}
        let drained = ContinuousClock.now - thawedAt
        #expect(try await frozen.stop() == 0, "the thawed server's graceful stop: \(frozen.log.suffix(2000))")
        #expect(try await other.stop() == 0, "the other server's graceful stop: \(other.log.suffix(2000))")

        let outcome = try await verifyExactlyOnce(sql, jobIDs: jobIDs)
        let zombieList = zombieRuns.map { "'\($0.uuidString)'" }.joined(separator: ",")
        var zombieStatuses: [String: Int] = [:]
        for row in try await sql.raw("SELECT status FROM runs WHERE id IN (\(unsafeRaw: zombieList))").all() {
            zombieStatuses[try row.decode(column: "status", as: String.self), default: 0] += 1
        }
        #expect(zombieStatuses == ["abandoned": zombieRuns.count], "runs under way at the freeze, owned by the other server since: \(zombieStatuses)")
        let takenList = takenJobs.map(String.init).joined(separator: ",")
        #expect(try await count("jobs", where: "id IN (\(takenList)) AND attempts > 1", in: store) == takenJobs.count)
        print(
            """
            serve freeze (\(backend.rawValue)): \(jobCount) jobs, two servers of 1 worker, \(format(lease)) s leases; \
            frozen (try \(tries)) with \(takenJobs.count) jobs running, \(zombieRuns.count) mid-run, all taken over by the other \
            server; thawed, both drained the rest in \(format(seconds(drained))) s; the frozen runs ended \(zombieStatuses); \(outcome)
            """
        )
    }

    // MARK: Checks

    /// What the tables say about the runs of the queued jobs, once every job succeeded.
    struct Outcome: CustomStringConvertible {
        var statuses: [String: Int] = [:]
        var reattempted = 0
        var answeredByEarlierRun = 0

        var description: String {
            "runs by status \(statuses.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")); "
                + "\(reattempted) jobs attempted more than once, \(answeredByEarlierRun) answered by an earlier attempt's run"
        }
    }

    /// Every job succeeded, each with exactly one finished run (`passed` or `failed`), which its
    /// result names; no run is left `running`, none belongs to no queued job.
    static func verifyExactlyOnce(_ sql: any SQLDatabase, jobIDs: Set<Int64>) async throws -> Outcome {
        var outcome = Outcome()
        #expect(try await stateCounts(sql) == ["succeeded": jobCount])
        var finished: [Int64: [String]] = [:]
        var orphans = 0
        for row in try await sql.raw("SELECT id, job_id, status FROM runs").all() {
            let status = try row.decode(column: "status", as: String.self)
            outcome.statuses[status, default: 0] += 1
            guard let job = try row.decode(column: "job_id", as: Int64?.self), jobIDs.contains(job) else {
                orphans += 1
                continue
            }
            if status == "passed" || status == "failed" {
                finished[job, default: []].append(try row.decode(column: "id", as: UUID.self).uuidString)
            }
        }
        #expect(orphans == 0, "runs of no queued job")
        #expect(outcome.statuses["running"] == nil, "runs left running: \(outcome.statuses)")
        #expect(outcome.statuses["error"] == nil, "runs that could not start: \(outcome.statuses)")
        let withoutRun = jobIDs.filter { finished[$0] == nil }
        let twice = finished.filter { $0.value.count > 1 }
        #expect(withoutRun.isEmpty, "jobs that succeeded without a finished run: \(withoutRun.sorted().prefix(20))")
        #expect(twice.isEmpty, "jobs with more than one finished run: \(twice.keys.sorted().prefix(20))")
        #expect(finished.values.map(\.count).reduce(0, +) == jobCount)
        var mismatched: [Int64] = []
        for row in try await sql.raw("SELECT id, attempts, result FROM jobs").all() {
            let id = try row.decode(column: "id", as: Int64.self)
            if try row.decode(column: "attempts", as: Int.self) > 1 { outcome.reattempted += 1 }
            let result = try row.decode(column: "result", as: String?.self) ?? "{}"
            let object = try JSONSerialization.jsonObject(with: Data(result.utf8)) as? [String: Any]
            if object?["note"] != nil { outcome.answeredByEarlierRun += 1 }
            if let run = object?["run"] as? String, finished[id] == [run] { continue }
            mismatched.append(id)
        }
        #expect(mismatched.isEmpty, "jobs whose result names another run than their finished one: \(mismatched.prefix(20))")
        return outcome
    }

    // MARK: Setup

    /// A fresh database of `backend` with a project, its description, a plan and 1,000 queued
    /// `run-plan` jobs; `body` gets its address, a scratch directory and the job ids.
    static func withQueuedJobs(
        _ backend: StoreCommandTests.Backend,
        _ body: (_ url: String, _ directory: URL, _ jobIDs: Set<Int64>) async throws -> Void
    ) async throws {
        if backend == .postgres {
            // One place among the PostgreSQL tests: two servers and an observer hold connections.
            await postgresGate.enter()
        }
        defer {
            if backend == .postgres { Task { await postgresGate.leave() } }
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("assay-serve-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await StoreCommandTests.withDatabase(backend) { url in
            let environment = ["ASSAY_DATABASE_URL": url]
            let migrated = try AssayBinary.run(["migrate"], environment: environment)
            try #require(migrated.status == 0, "\(migrated.stderr)")
            let specFile = directory.appendingPathComponent("ping.yaml")
            try Data(spec.utf8).write(to: specFile)
            let planDirectory = directory.appendingPathComponent("plan")
            let generated = try AssayBinary.run(["generate", specFile.path, "--out", planDirectory.path, "--format", "plan", "--quiet"])
            try #require(generated.status == 0, "\(generated.stderr)")
            let planText = try String(contentsOf: planDirectory.appendingPathComponent("plan.json"), encoding: .utf8)
            let created = try AssayBinary.run(["tokens", "create", "--name", "crash-test", "--scope", "write"], environment: environment)
            try #require(created.status == 0, "\(created.stderr)")
            let token = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            try await StoreCommandTests.withStore(url) { store in
                let project = try await ProjectRepository(store: store).create(slug: "crash", name: "Crash")
                let version = try await SpecVersionRepository(store: store).record(projectID: project.id, content: Data(spec.utf8), source: "upload")
                _ = try await PlanRepository(store: store).save(
                    projectID: project.id,
                    content: planText,
                    specVersionID: version.version.id,
                    reason: "crash test",
                    actor: "test"
                )
            }

            let jobIDs: Set<Int64>
            do {
                let api = try await ServeProcess.start(["--no-jobs"], environment: environment, directory: directory, name: "api")
                defer { api.killIfRunning() }
                jobIDs = try await queueRuns(count: jobCount, baseURL: api.baseURL, token: token)
                #expect(try await api.stop() == 0, "the API server's graceful stop: \(api.log.suffix(2000))")
            }
            try #require(jobIDs.count == jobCount, "distinct Idempotency-Keys must queue distinct jobs")
            try await body(url, directory, jobIDs)
        }
    }

    /// POSTs `count` runs, 16 at a time, each with its own `Idempotency-Key`; returns the job ids.
    static func queueRuns(count: Int, baseURL: String, token: String) async throws -> Set<Int64> {
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let endpoint = try #require(URL(string: "\(baseURL)/api/v1/projects/crash/runs"))
        return try await withThrowingTaskGroup(of: Int64.self) { group in
            var ids: Set<Int64> = []
            for index in 0..<count {
                if index >= 16, let id = try await group.next() {
                    ids.insert(id)
                }
                group.addTask {
                    var request = URLRequest(url: endpoint, timeoutInterval: 30)
                    request.httpMethod = "POST"
                    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
                    request.setValue("crash-\(index)", forHTTPHeaderField: "Idempotency-Key")
                    let (data, response) = try await session.data(for: request)
                    let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                    let body = try JSONSerialization.jsonObject(with: data) as? [String: Any]
                    guard status == 202, body?["status"] as? String == "queued", let id = (body?["jobID"] as? NSNumber)?.int64Value else {
                        throw ServeProcessError("POST runs #\(index): \(status) \(String(decoding: data, as: UTF8.self))")
                    }
                    return id
                }
            }
            for try await id in group {
                ids.insert(id)
            }
            return ids
        }
    }

    // MARK: Helpers

    /// Jobs per state, states with none left out.
    static func stateCounts(_ sql: any SQLDatabase) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try await sql.raw("SELECT state, COUNT(*) AS n FROM jobs GROUP BY state").all() {
            counts[try row.decode(column: "state", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    /// Polls until every job succeeded (at most 120 s), running `each` on every poll; a dead
    /// job fails at once with its error.
    static func waitUntilAllSucceeded(_ sql: any SQLDatabase, log server: ServeProcess, each: () async throws -> Void) async throws {
        try await waitUntil("every job succeeded", log: server) {
            try await each()
            let counts = try await stateCounts(sql)
            if counts["dead"] ?? 0 > 0 {
                let errors = try await sql.raw("SELECT id, last_error FROM jobs WHERE state = 'dead' LIMIT 5").all().map { row in
                    "\(try row.decode(column: "id", as: Int64.self)): \(try row.decode(column: "last_error", as: String?.self) ?? "")"
                }
                throw ServeProcessError("jobs died: \(counts), \(errors)")
            }
            return counts["succeeded"] ?? 0 == jobCount
        }
    }

    /// Polls `condition` every 50 ms; fails with the server's log when `timeout` passes first.
    static func waitUntil(
        _ what: String,
        timeout: Duration = .seconds(120),
        log server: ServeProcess,
        _ condition: () async throws -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ServeProcessError("timed out after \(timeout) waiting until \(what); server log:\n\(server.log.suffix(4000))")
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64(date.timeIntervalSince1970 * 1000)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func format(_ seconds: Double) -> String {
        String(format: "%.1f", seconds)
    }
}
