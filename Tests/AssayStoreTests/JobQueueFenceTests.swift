import AssayStore
import AssayTestSupport
import FluentKit
import Foundation
import NIOConcurrencyHelpers
import Testing

/// `JobQueue.whileHolding`: a handler's writes commit only while its claim holds the job.
struct JobQueueFenceTests {
    @Test(arguments: DatabaseBackend.allCases)
    func anAttemptThatLostItsLeaseWritesNothing(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let clock = ManualClock()
            let queue = JobQueue(store: store, clock: clock.closure)
            let projects = ProjectRepository(store: store)
            try await queue.enqueue(kind: "k")
            let first = try #require(try await queue.claim(workerID: "stalled", lease: .seconds(30)).first)
            #expect(try await queue.whileHolding(first) { db in try await projects.create(slug: "first", name: "First", on: db).slug } == "first")

            // The first worker stalls past its lease; the job is rescued and claimed again.
            clock.advance(by: 31)
            #expect(try await queue.rescueExpired().requeued == [first.id])
            let second = try #require(try await queue.claim(workerID: "fresh", lease: .seconds(30)).first)
            #expect(second.id == first.id && second.attempt == 2)

            let ran = NIOLockedValueBox(false)
            let late = try await queue.whileHolding(first) { db in
                ran.withLockedValue { $0 = true }
                return try await projects.create(slug: "late", name: "Late", on: db).slug
            }
            #expect(late == nil)
            #expect(!ran.withLockedValue { $0 }, "the stale attempt's work never starts")
            #expect(try await projects.get(slug: "late") == nil)
            #expect(try await queue.whileHolding(second) { db in try await projects.create(slug: "second", name: "Second", on: db).slug } == "second")

            #expect(try await queue.complete(second))
            #expect(try await queue.whileHolding(second) { _ in true } == nil, "a finished job is held by no claim")
        }
    }

    /// On PostgreSQL a rescue passes the locked job over (and rescues the others at once); on
    /// SQLite (one writer) it waits for the transaction. Either way the job is not taken from
    /// under the write, and is rescued once the write is committed.
    @Test(arguments: DatabaseBackend.allCases)
    func aRescueNeverTakesAJobFromUnderAFencedWrite(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let clock = ManualClock()
            let queue = JobQueue(store: store, clock: clock.closure)
            let other = try await queue.enqueue(kind: "k").job
            try await queue.enqueue(kind: "k")
            let claimed = try await queue.claim(workerID: "w", lease: .seconds(30), limit: 2)
            let job = try #require(claimed.first { $0.id != other.id })
            let rescuedEarly = NIOLockedValueBox(false)
            let wrote = try await queue.whileHolding(job) { db -> (requeued: [Int64], later: Task<RescueReport, any Error>?) in
                // Both leases run out while the write is under way.
                clock.advance(by: 31)
                switch backend {
                case .postgres:
                    let report = try await queue.rescueExpired()
                    try await ProjectRepository(store: store).create(slug: "fenced", name: "Fenced", on: db)
                    return (report.requeued, nil)
                case .sqlite:
                    let rescue = Task {
                        defer { rescuedEarly.withLockedValue { $0 = true } }
                        return try await queue.rescueExpired()
                    }
                    try await Task.sleep(for: .milliseconds(200))
                    try await ProjectRepository(store: store).create(slug: "fenced", name: "Fenced", on: db)
                    return (rescuedEarly.withLockedValue { $0 } ? [job.id] : [], rescue)
                }
            }
            let during = try #require(wrote)
            #expect(!during.requeued.contains(job.id), "the rescue took the job while its claim was writing")
            let after: [Int64]
            if let later = during.later {
                after = try await later.value.requeued
            } else {
                after = try await queue.rescueExpired().requeued
            }
            switch backend {
            case .postgres:
                #expect(during.requeued == [other.id] && after == [job.id])
            case .sqlite:
                #expect(after == [other.id, job.id].sorted())
            }
            #expect(try await ProjectRepository(store: store).get(slug: "fenced") != nil)
        }
    }
}
