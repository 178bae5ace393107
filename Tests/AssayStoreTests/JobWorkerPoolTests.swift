import AssayStore
import AssayTestSupport
import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing

/// Records what handlers did, across tasks.
final class Recorder: Sendable {
    private struct State {
        var runs: [Int64: Int] = [:]
        var running = 0
        var maxRunning = 0
        var started = 0
        var finished = 0
    }

    private let state = NIOLockedValueBox(State())

    func begin(_ id: Int64) {
        state.withLockedValue {
            $0.runs[id, default: 0] += 1
            $0.running += 1
            $0.started += 1
            $0.maxRunning = max($0.maxRunning, $0.running)
        }
    }

    func end() {
        state.withLockedValue {
            $0.running -= 1
            $0.finished += 1
        }
    }

    var runs: [Int64: Int] { state.withLockedValue { $0.runs } }
    var maxRunning: Int { state.withLockedValue { $0.maxRunning } }
    var started: Int { state.withLockedValue { $0.started } }
    var finished: Int { state.withLockedValue { $0.finished } }
}

/// A handler that records each run and works for `work`, then does `finish`.
struct RecordingHandler: JobHandler {
    var kind = "test"
    var recorder: Recorder
    var work: Duration = .milliseconds(5)
    var ignoresCancellation = false
    var failFirstAttempts = 0
    var permanent = false

    func run(_ job: ClaimedJob, context: JobContext) async throws -> String? {
        recorder.begin(job.id)
        defer { recorder.end() }
        if ignoresCancellation {
            // A detached task does not inherit the cancellation.
            let work = self.work
            await Task.detached { try? await Task.sleep(for: work) }.value
        } else {
            try await Task.sleep(for: work)
        }
        if permanent {
            throw JobError.permanent("payload \(job.payload) is invalid")
        }
        if job.attempt <= failFirstAttempts {
            throw JobError.transient("attempt \(job.attempt) failed")
        }
        return #"{"job":\#(job.id),"attempt":\#(job.attempt)}"#
    }
}

/// Waits until `condition` holds, or fails the test after `timeout`.
func waitUntil(
    _ what: String,
    timeout: Duration = .seconds(60),
    sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(20))
    }
    Issue.record("timed out waiting until \(what)", sourceLocation: sourceLocation)
    throw CancellationError()
}

struct JobWorkerPoolTests {
    static func configuration(concurrency: Int = 4, grace: Duration = .seconds(10), poll: Duration = .milliseconds(50)) -> JobWorkerPool.Configuration
    {
        var configuration = JobWorkerPool.Configuration()
        configuration.concurrency = concurrency
        configuration.pollInterval = poll
        configuration.shutdownGracePeriod = grace
        configuration.lease = .seconds(30)
        configuration.rescueInterval = .milliseconds(200)
        configuration.maxErrorBackoff = .milliseconds(200)
        configuration.workerID = "test"
        return configuration
    }

    @Test(arguments: DatabaseBackend.allCases)
    func processesEveryJobExactlyOnceWithBoundedConcurrency(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let queue = JobQueue(store: store)
            let recorder = Recorder()
            var ids: [Int64] = []
            for index in 0..<200 {
                ids.append(try await queue.enqueue(kind: "test", payloadJSON: #"{"n":\#(index)}"#).job.id)
            }
            let pool = JobWorkerPool(
                queue: queue,
                handlers: [RecordingHandler(recorder: recorder, work: .milliseconds(20))],
                configuration: Self.configuration(),
                logger: TestDatabase.logger
            )
            let running = Task { try await pool.run() }
            try await waitUntil("200 jobs succeeded") { try await queue.stats()[.succeeded] == 200 }
            pool.requestShutdown()
            try await running.value

            let runs = recorder.runs
            #expect(runs.count == 200)
            #expect(Set(runs.keys) == Set(ids))
            #expect(runs.values.allSatisfy { $0 == 1 }, "every job ran exactly once")
            #expect(recorder.maxRunning <= 4)
            #expect(recorder.maxRunning >= 2, "jobs ran concurrently")
            let stats = try await queue.stats()
            #expect(stats[.succeeded] == 200 && stats[.queued] == 0 && stats[.running] == 0)
            let sample = try #require(try await queue.job(ids[17]))
            #expect(sample.result == #"{"job":\#(ids[17]),"attempt":1}"#)
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func gracefulShutdownStopsClaimingAndLetsRunningJobsFinish(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let queue = JobQueue(store: store)
            let recorder = Recorder()
            for _ in 0..<8 { try await queue.enqueue(kind: "test") }
            let handler = RecordingHandler(recorder: recorder, work: .milliseconds(400))
            let pool = JobWorkerPool(
                queue: queue,
                handlers: [handler],
                configuration: Self.configuration(concurrency: 2),
                logger: TestDatabase.logger
            )
            let running = Task { try await pool.run() }
            try await waitUntil("two jobs started") { recorder.started == 2 }
            pool.requestShutdown()
            try await running.value
            let stats = try await queue.stats()
            #expect(recorder.started == 2, "no job was claimed after shutdown was requested")
            #expect(stats[.succeeded] == 2, "the running jobs finished")
            #expect(stats[.queued] == 6 && stats[.running] == 0)
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func unfinishedJobsAreReleasedAfterTheGracePeriod(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let queue = JobQueue(store: store)
            let recorder = Recorder()
            for _ in 0..<3 { try await queue.enqueue(kind: "test") }
            // One handler honours cancellation, the other ignores it: both must be released.
            let slow = RecordingHandler(kind: "test", recorder: recorder, work: .seconds(30))
            let stubborn = RecordingHandler(kind: "stubborn", recorder: recorder, work: .seconds(6), ignoresCancellation: true)
            try await queue.enqueue(kind: "stubborn")
            let pool = JobWorkerPool(
                queue: queue,
                handlers: [slow, stubborn],
                configuration: Self.configuration(concurrency: 4, grace: .milliseconds(200)),
                logger: TestDatabase.logger
            )
            let running = Task { try await pool.run() }
            try await waitUntil("four jobs started") { recorder.started == 4 }
            let start = ContinuousClock.now
            pool.requestShutdown()
            try await running.value
            #expect(ContinuousClock.now - start < .seconds(4), "shutdown did not wait for the handlers")
            let stats = try await queue.stats()
            #expect(stats[.queued] == 4 && stats[.running] == 0 && stats[.succeeded] == 0)
            let jobs = try await queue.list().items
            #expect(jobs.allSatisfy { $0.attempts == 0 && $0.lockedBy == nil }, "released without counting the attempt")
            // The stubborn handler finishing later changes nothing.
            try await waitUntil("every handler returned", timeout: .seconds(30)) { recorder.finished == 4 }
            try await Task.sleep(for: .milliseconds(200))
            #expect(try await queue.stats()[.queued] == 4)
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func cancellingRunReleasesRunningJobsWithoutTheGracePeriod(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let queue = JobQueue(store: store)
            let recorder = Recorder()
            for _ in 0..<2 { try await queue.enqueue(kind: "test") }
            let pool = JobWorkerPool(
                queue: queue,
                handlers: [RecordingHandler(recorder: recorder, work: .seconds(30))],
                configuration: Self.configuration(concurrency: 2, grace: .seconds(30)),
                logger: TestDatabase.logger
            )
            let running = Task { try await pool.run() }
            try await waitUntil("two jobs started") { recorder.started == 2 }
            let start = ContinuousClock.now
            running.cancel()
            try await running.value
            #expect(ContinuousClock.now - start < .seconds(5))
            let stats = try await queue.stats()
            #expect(stats[.queued] == 2 && stats[.running] == 0)
            #expect(try await queue.list().items.allSatisfy { $0.attempts == 0 })
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func failedAttemptsAreRetriedAndPermanentFailuresDie(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let queue = JobQueue(store: store, retryPolicy: RetryPolicy(base: .milliseconds(20), cap: .milliseconds(40)))
            let recorder = Recorder()
            let flaky = try await queue.enqueue(kind: "test", maxAttempts: 3).job.id
            let doomed = try await queue.enqueue(kind: "bad", maxAttempts: 3).job.id
            let handlers: [any JobHandler] = [
                RecordingHandler(kind: "test", recorder: recorder, failFirstAttempts: 2),
                RecordingHandler(kind: "bad", recorder: recorder, permanent: true),
            ]
            let pool = JobWorkerPool(queue: queue, handlers: handlers, configuration: Self.configuration(), logger: TestDatabase.logger)
            let running = Task { try await pool.run() }
            try await waitUntil("both jobs finished") {
                let stats = try await queue.stats()
                return stats[.succeeded] == 1 && stats[.dead] == 1
            }
            pool.requestShutdown()
            try await running.value
            #expect(recorder.runs[flaky] == 3)
            #expect(recorder.runs[doomed] == 1)
            #expect(try await queue.job(flaky)?.result == #"{"job":\#(flaky),"attempt":3}"#)
            #expect(try await queue.job(doomed)?.lastError?.contains("is invalid") == true)
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func anEnqueueWakesIdleWorkers(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let queue = JobQueue(store: store)
            let recorder = Recorder()
            let pool = JobWorkerPool(
                queue: queue,
                handlers: [RecordingHandler(recorder: recorder)],
                configuration: Self.configuration(poll: .seconds(30)),
                logger: TestDatabase.logger
            )
            let running = Task { try await pool.run() }
            try await Task.sleep(for: .milliseconds(300))
            let start = ContinuousClock.now
            // Another queue value on the same store (as the API would hold) wakes the pool too.
            try await JobQueue(store: store).enqueue(kind: "test")
            try await waitUntil("the job succeeded", timeout: .seconds(5)) { try await queue.stats()[.succeeded] == 1 }
            #expect(ContinuousClock.now - start < .seconds(5), "woken, not polled (the poll interval is 30 s)")
            pool.requestShutdown()
            try await running.value
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func databaseErrorsDoNotStopThePool(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend, migrate: false) { store in
            let queue = JobQueue(store: store)
            let recorder = Recorder()
            let pool = JobWorkerPool(
                queue: queue,
                handlers: [RecordingHandler(recorder: recorder)],
                configuration: Self.configuration(),
                logger: TestDatabase.logger
            )
            let running = Task { try await pool.run() }
            // No jobs table yet: every claim fails.
            try await Task.sleep(for: .milliseconds(400))
            try await store.migrate()
            try await queue.enqueue(kind: "test")
            try await waitUntil("the job succeeded", timeout: .seconds(10)) { try await queue.stats()[.succeeded] == 1 }
            pool.requestShutdown()
            try await running.value
            #expect(recorder.runs.count == 1)
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func aKilledWorkersJobsAreRescuedAndEveryJobRunsOnce(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let queue = JobQueue(store: store)
            let recorder = Recorder()
            for index in 0..<300 {
                try await queue.enqueue(kind: "test", idempotencyKey: "job-\(index)")
            }
            // A worker that claimed 50 jobs and was killed: it never heartbeats nor completes.
            let orphans = try await queue.claim(workerID: "killed", lease: .milliseconds(300), limit: 50)
            #expect(orphans.count == 50)
            var configuration = Self.configuration()
            configuration.rescueInterval = .milliseconds(100)
            let pool = JobWorkerPool(
                queue: queue,
                handlers: [RecordingHandler(recorder: recorder)],
                configuration: configuration,
                logger: TestDatabase.logger
            )
            let running = Task { try await pool.run() }
            try await waitUntil("every job succeeded", timeout: .seconds(30)) { try await queue.stats()[.succeeded] == 300 }
            pool.requestShutdown()
            try await running.value
            #expect(recorder.runs.count == 300)
            #expect(recorder.runs.values.allSatisfy { $0 == 1 }, "each job's handler ran once")
            for orphan in orphans.prefix(5) {
                #expect(try await queue.job(orphan.id)?.attempts == 2, "the lost attempt counts")
                #expect(try await queue.complete(orphan) == false, "the killed worker cannot complete it")
            }
            #expect(try await count("jobs", where: "attempts = 2", in: store) == 50)
        }
    }
}
