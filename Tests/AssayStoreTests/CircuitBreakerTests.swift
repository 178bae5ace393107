import AssayStore
import AssayTestSupport
import Foundation
import NIOConcurrencyHelpers
import Testing

struct CircuitBreakerTests {
    struct Boom: Error {}

    @Test func opensAfterTheThresholdProbesWhenHalfOpenAndClosesOnSuccess() async throws {
        let clock = ManualClock()
        let breaker = CircuitBreaker(configuration: .init(failureThreshold: 3, openDuration: .seconds(30)), clock: clock.closure)
        let host = "api.example.test"
        #expect(await breaker.state(for: host) == .closed)
        for _ in 0..<2 {
            await #expect(throws: Boom.self) { try await breaker.run(host) { throw Boom() } }
        }
        #expect(await breaker.state(for: host) == .closed, "two failures are below the threshold")
        // A success resets the count.
        #expect(try await breaker.run(host) { 1 } == 1)
        for _ in 0..<3 {
            await #expect(throws: Boom.self) { try await breaker.run(host) { throw Boom() } }
        }
        #expect(await breaker.state(for: host) == .open)
        let calls = Counter()
        await #expect(throws: CircuitOpenError.self) { try await breaker.run(host) { calls.increment() } }
        #expect(calls.value == 0, "an open circuit does not call")
        let snapshot = await breaker.snapshot()
        #expect(snapshot.count == 1)
        #expect(snapshot.first?.state == .open && snapshot.first?.consecutiveFailures == 3)
        #expect(snapshot.first?.retryAt == clock.date.addingTimeInterval(30))

        clock.advance(by: 30)
        #expect(await breaker.state(for: host) == .halfOpen)
        // The probe is let through; a second caller during the probe fails fast.
        try await breaker.acquire(host)
        await #expect(throws: CircuitOpenError.self) { try await breaker.acquire(host) }
        await breaker.recordSuccess(host)
        #expect(await breaker.state(for: host) == .closed)
        #expect(await breaker.snapshot().first?.consecutiveFailures == 0)
    }

    @Test func aFailedProbeReopensTheCircuitAndOtherKeysAreIndependent() async throws {
        let clock = ManualClock()
        let breaker = CircuitBreaker(configuration: .init(failureThreshold: 1, openDuration: .seconds(10)), clock: clock.closure)
        await #expect(throws: Boom.self) { try await breaker.run("a") { throw Boom() } }
        #expect(await breaker.state(for: "a") == .open)
        #expect(await breaker.state(for: "b") == .closed)
        #expect(try await breaker.run("b") { "ok" } == "ok")
        clock.advance(by: 10)
        await #expect(throws: Boom.self) { try await breaker.run("a") { throw Boom() } }
        #expect(await breaker.state(for: "a") == .open, "the failed probe reopened it")
        clock.advance(by: 5)
        do {
            try await breaker.acquire("a")
            Issue.record("the reopened circuit let a call through")
        } catch {
            #expect(error.retryAt == clock.date.addingTimeInterval(5))
            #expect(error.description.contains("a"))
        }
        #expect(await breaker.snapshot().map(\.key) == ["a", "b"])
        // A probe whose caller never reports back blocks others only for the open duration.
        clock.advance(by: 5)
        try await breaker.acquire("a")
        await #expect(throws: CircuitOpenError.self) { try await breaker.acquire("a") }
        clock.advance(by: 10)
        try await breaker.acquire("a")
    }
}

/// A counter shared with `@Sendable` closures.
final class Counter: Sendable {
    private let count = NIOLockedValueBox(0)
    func increment() { count.withLockedValue { $0 += 1 } }
    var value: Int { count.withLockedValue { $0 } }
}
