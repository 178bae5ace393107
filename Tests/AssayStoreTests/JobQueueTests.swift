import AssayStore
import AssayTestSupport
import FluentKit
import Foundation
import NIOConcurrencyHelpers
import Testing

/// A clock the tests move by hand.
final class ManualClock: Sendable {
    private let now = NIOLockedValueBox(Date(timeIntervalSince1970: 1_800_000_000))

    var date: Date { now.withLockedValue { $0 } }

    func advance(by seconds: TimeInterval) {
        now.withLockedValue { $0 = $0.addingTimeInterval(seconds) }
    }

    var closure: @Sendable () -> Date { { self.date } }
}

struct JobQueueTests {
    @Test(arguments: DatabaseBackend.allCases)
    func concurrentClaimersNeverShareAJob(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let queue = JobQueue(store: store)
            let total = 300
            for index in 0..<total {
                try await queue.enqueue(kind: "k", payloadJSON: #"{"n":\#(index)}"#)
            }
            let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        var mine: [Int64] = []
                        while true {
                            let jobs = try await queue.claim(workerID: "w\(worker)", lease: .seconds(60), limit: 3)
                            if jobs.isEmpty { return mine }
                            mine += jobs.map(\.id)
                        }
                    }
                }
                var all: [Int64] = []
                for try await ids in group { all += ids }
                return all
            }
            #expect(claimed.count == total)
            #expect(Set(claimed).count == total, "no job was claimed twice")
            #expect(try await count("jobs", where: "state = 'running' AND attempts = 1", in: store) == total)
            #expect(try await queue.claim(workerID: "late", lease: .seconds(60)).isEmpty)
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func claimOrderFollowsPriorityThenDueTimeAndSkipsFutureAndOtherKinds(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let clock = ManualClock()
            let queue = JobQueue(store: store, clock: clock.closure)
            let low = try await queue.enqueue(kind: "a", priority: 0).job
            let high = try await queue.enqueue(kind: "a", priority: 5).job
            let later = try await queue.enqueue(kind: "a", priority: 9, runAt: clock.date.addingTimeInterval(60)).job
            _ = try await queue.enqueue(kind: "b", priority: 10)
            let first = try await queue.claim(workerID: "w", lease: .seconds(30), kinds: ["a"], limit: 5)
            #expect(first.map(\.id) == [high.id, low.id])
            #expect(first.allSatisfy { $0.attempt == 1 && $0.workerID == "w" })
            clock.advance(by: 61)
            let second = try await queue.claim(workerID: "w", lease: .seconds(30), kinds: ["a"], limit: 5)
            #expect(second.map(\.id) == [later.id])
            #expect(try await queue.claim(workerID: "w", lease: .seconds(30), kinds: [], limit: 5).isEmpty)
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func expiredLeaseIsRescuedAndTheOldWorkerCannotComplete(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let clock = ManualClock()
            let queue = JobQueue(store: store, clock: clock.closure)
            let id = try await queue.enqueue(kind: "k", idempotencyKey: "once", maxAttempts: 3).job.id
            let old = try #require(try await queue.claim(workerID: "dies", lease: .seconds(30)).first)
            clock.advance(by: 20)
            #expect(try await queue.heartbeat(old, lease: .seconds(30)))
            clock.advance(by: 20)
            #expect(try await queue.rescueExpired().isEmpty, "the heartbeat extended the lease")
            clock.advance(by: 11)
            let report = try await queue.rescueExpired()
            #expect(report.requeued == [id])
            #expect(report.dead.isEmpty)
            let rescued = try #require(try await queue.job(id))
            #expect(rescued.state == .queued)
            #expect(rescued.attempts == 1)
            #expect(rescued.lastError?.contains("lease expired") == true)

            let new = try #require(try await queue.claim(workerID: "lives", lease: .seconds(30)).first)
            #expect(new.id == id)
            #expect(new.attempt == 2)
            #expect(new.idempotencyKey == "once")
            #expect(try await queue.complete(old, result: #"{"by":"dies"}"#) == false)
            #expect(try await queue.heartbeat(old, lease: .seconds(30)) == false)
            #expect(try await queue.fail(old, error: "late") == .notOwned)
            #expect(try await queue.complete(new, result: #"{"by":"lives"}"#))
            #expect(try await queue.complete(new, result: #"{"by":"twice"}"#) == false)
            let done = try #require(try await queue.job(id))
            #expect(done.state == .succeeded)
            #expect(done.result == #"{"by":"lives"}"#)
            #expect(done.finishedAt != nil)
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func aLostLastAttemptIsDead(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let clock = ManualClock()
            let queue = JobQueue(store: store, clock: clock.closure)
            let id = try await queue.enqueue(kind: "k", maxAttempts: 1).job.id
            _ = try await queue.claim(workerID: "w", lease: .seconds(5))
            clock.advance(by: 6)
            let report = try await queue.rescueExpired()
            #expect(report.dead == [id])
            #expect(try await queue.job(id)?.state == .dead)
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func failuresBackOffThenTheJobIsDeadAndCanBeRetried(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let clock = ManualClock()
            let queue = JobQueue(store: store, retryPolicy: RetryPolicy(base: .seconds(10), cap: .seconds(25)), clock: clock.closure)
            let id = try await queue.enqueue(kind: "k", maxAttempts: 3).job.id
            var delays: [TimeInterval] = []
            for attempt in 1...3 {
                let job = try #require(try await queue.claim(workerID: "w", lease: .seconds(30)).first, "attempt \(attempt) is claimable")
                #expect(job.attempt == attempt)
                let outcome = try await queue.fail(job, error: "boom \(attempt)")
                if attempt < 3 {
                    guard case .retryScheduled(let at) = outcome else {
                        Issue.record("attempt \(attempt): expected a retry, got \(outcome)")
                        return
                    }
                    let delay = at.timeIntervalSince(clock.date)
                    delays.append(delay)
                    #expect(try await queue.claim(workerID: "w", lease: .seconds(30)).isEmpty, "not claimable during the backoff")
                    clock.advance(by: delay + 0.01)
                } else {
                    #expect(outcome == .dead)
                }
            }
            // Equal jitter: attempt 1 waits 5–10 s, attempt 2 min(25, 20) → 10–20 s.
            #expect(delays.count == 2)
            #expect((5...10).contains(delays[0]))
            #expect((10...20).contains(delays[1]))
            let dead = try #require(try await queue.job(id))
            #expect(dead.state == .dead)
            #expect(dead.lastError == "boom 3")
            #expect(try await queue.list(state: .dead).items.map(\.id) == [id])

            let retried = try await queue.retry(id)
            #expect(retried.state == .queued)
            #expect(retried.attempts == 0)
            let again = try #require(try await queue.claim(workerID: "w", lease: .seconds(30)).first)
            #expect(again.id == id && again.attempt == 1)
            await #expect(throws: StoreError.self) { _ = try await queue.retry(id) }
            await #expect(throws: StoreError.self) { _ = try await queue.retry(999_999) }
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func aPermanentFailureIsDeadAtOnce(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let queue = JobQueue(store: store)
            let id = try await queue.enqueue(kind: "k", maxAttempts: 5).job.id
            let job = try #require(try await queue.claim(workerID: "w", lease: .seconds(30)).first)
            #expect(try await queue.fail(job, error: "bad payload", retryable: false) == .dead)
            #expect(try await queue.job(id)?.state == .dead)
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func releaseReturnsTheJobWithoutCountingTheAttempt(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let queue = JobQueue(store: store)
            let id = try await queue.enqueue(kind: "k").job.id
            let job = try #require(try await queue.claim(workerID: "w", lease: .seconds(30)).first)
            #expect(try await queue.release(job))
            let released = try #require(try await queue.job(id))
            #expect(released.state == .queued && released.attempts == 0 && released.lockedBy == nil)
            #expect(try await queue.claim(workerID: "w", lease: .seconds(30)).first?.attempt == 1)
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func idempotencyKeyDeduplicatesPerKind(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let queue = JobQueue(store: store)
            let first = try await queue.enqueue(kind: "fetch", payloadJSON: #"{"v":1}"#, idempotencyKey: "delivery-1")
            let again = try await queue.enqueue(kind: "fetch", payloadJSON: #"{"v":2}"#, idempotencyKey: "delivery-1")
            let otherKind = try await queue.enqueue(kind: "run", idempotencyKey: "delivery-1")
            let noKey1 = try await queue.enqueue(kind: "fetch")
            let noKey2 = try await queue.enqueue(kind: "fetch")
            #expect(first.inserted && !again.inserted)
            #expect(again.job.id == first.job.id)
            #expect(again.job.payload == #"{"v":1}"#)
            #expect(otherKind.inserted && otherKind.job.id != first.job.id)
            #expect(noKey1.inserted && noKey2.inserted && noKey1.job.id != noKey2.job.id)
            #expect(try await count("jobs", in: store) == 4)
            // Inside a transaction too (PostgreSQL must not abort it on the duplicate).
            let inTransaction = try await store.database.transaction { db in
                try await queue.enqueue(kind: "fetch", idempotencyKey: "delivery-1", on: db)
            }
            #expect(!inTransaction.inserted && inTransaction.job.id == first.job.id)
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func enqueueJoinsTheCallersTransaction(backend: DatabaseBackend) async throws {
        struct Rollback: Error {}
        try await TestDatabase.with(backend) { store in
            let queue = JobQueue(store: store)
            let projects = ProjectRepository(store: store)
            await #expect(throws: Rollback.self) {
                try await store.database.transaction { db in
                    _ = try await projects.create(slug: "doomed", name: "Doomed", on: db)
                    _ = try await queue.enqueue(kind: "k", payloadJSON: "{}", on: db)
                    throw Rollback()
                }
            }
            #expect(try await count("jobs", in: store) == 0)
            #expect(try await count("projects", in: store) == 0)
            try await store.database.transaction { db in
                _ = try await projects.create(slug: "kept", name: "Kept", on: db)
                _ = try await queue.enqueue(kind: "k", payloadJSON: "{}", on: db)
            }
            #expect(try await count("jobs", in: store) == 1)
            #expect(try await count("projects", in: store) == 1)
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func purgeDeletesOnlyOldFinishedJobs(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let clock = ManualClock()
            let queue = JobQueue(store: store, clock: clock.closure)
            for _ in 0..<3 { try await queue.enqueue(kind: "k", maxAttempts: 1) }
            let jobs = try await queue.claim(workerID: "w", lease: .seconds(30), limit: 2)
            #expect(try await queue.complete(jobs[0]))
            #expect(try await queue.fail(jobs[1], error: "x") == .dead)
            let cutoff = clock.date.addingTimeInterval(1)
            clock.advance(by: 10)
            try await queue.enqueue(kind: "k", maxAttempts: 1)
            let late = try #require(try await queue.claim(workerID: "w", lease: .seconds(30)).first)
            #expect(try await queue.complete(late))

            await #expect(throws: StoreError.self) { try await queue.purge(states: [.queued], olderThan: cutoff) }
            #expect(try await queue.purge(states: [.succeeded], olderThan: cutoff) == 1)
            #expect(try await queue.purge(olderThan: cutoff) == 1)
            let stats = try await queue.stats()
            #expect(stats[.succeeded] == 1 && stats[.dead] == 0 && stats[.queued] == 1 && stats[.running] == 0)
            #expect(try await count("jobs", in: store) == 2)
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func listPagesNewestFirstAndStatsCountStates(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let clock = ManualClock()
            let queue = JobQueue(store: store, clock: clock.closure)
            var ids: [Int64] = []
            for index in 0..<7 {
                ids.append(try await queue.enqueue(kind: index.isMultiple(of: 2) ? "even" : "odd").job.id)
            }
            _ = try await queue.claim(workerID: "w", lease: .seconds(30), limit: 2)
            clock.advance(by: 4)
            var seen: [Int64] = []
            var cursor: String?
            repeat {
                let page = try await queue.list(after: cursor, limit: 3)
                seen += page.items.map(\.id)
                cursor = page.nextCursor
            } while cursor != nil
            #expect(seen == ids.reversed())
            #expect(try await queue.list(kind: "odd").items.count == 3)
            #expect(try await queue.list(state: .running).items.map(\.id) == Array(ids.prefix(2)).reversed())
            let stats = try await queue.stats()
            #expect(stats[.queued] == 5 && stats[.running] == 2 && stats[.succeeded] == 0 && stats[.dead] == 0)
            #expect(abs(stats.oldestReadyAgeSeconds - 4) < 0.01)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let json = String(decoding: try encoder.encode(stats), as: UTF8.self)
            #expect(json.hasPrefix(#"{"counts":{"dead":0,"queued":5,"running":2,"succeeded":0}"#), "counts encode as an object for /status")
            await #expect(throws: StoreError.self) { _ = try await queue.list(limit: 0) }
        }
    }

    @Test func backoffFormulaIsEqualJitterCapped() {
        let policy = RetryPolicy(base: .seconds(2), cap: .seconds(60))
        #expect(policy.delay(afterAttempt: 1, unit: 0) == .seconds(1))
        #expect(policy.delay(afterAttempt: 1, unit: 1) == .seconds(2))
        #expect(policy.delay(afterAttempt: 3, unit: 0.5) == .seconds(6))
        #expect(policy.delay(afterAttempt: 10, unit: 0) == .seconds(30))
        #expect(policy.delay(afterAttempt: 10, unit: 1) == .seconds(60))
        #expect(policy.delay(afterAttempt: 1000, unit: 1) == .seconds(60))
        for attempt in 1...20 {
            let delay = policy.delay(afterAttempt: attempt)
            #expect(delay >= .seconds(1) && delay <= .seconds(60))
        }
    }
}
