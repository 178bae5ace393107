import AssayStore
import FluentKit
import NIOConcurrencyHelpers

/// Records accepted deliveries and their jobs, grouping them on SQLite.
///
/// SQLite has one connection, which writes one transaction at a time; each statement of a
/// transaction is a round trip to a thread of NIO's pool. A delivery arriving while one is
/// being written waits, and the waiting ones are written together in the next transaction
/// (at most ``maxGroup``): a group commit. A lone delivery is written at once, so grouping adds
/// no wait when the server is idle; under load the BEGIN and COMMIT are shared. PostgreSQL,
/// with a pool of connections, writes each delivery in its own transaction.
final class WebhookDeliveryWriter: Sendable {
    typealias Outcome = (delivery: WebhookDelivery, inserted: Bool)

    private struct Waiting: Sendable {
        var delivery: WebhookDeliveryRepository.NewDelivery
        var continuation: CheckedContinuation<Outcome, any Error>
    }

    private struct State: Sendable {
        var waiting: [Waiting] = []
        var writing = false
    }

    static let maxGroup = 32

    let repository: WebhookDeliveryRepository
    /// Whether deliveries are grouped (the single-writer SQLite).
    let grouping: Bool
    /// Where the writing code runs: the database's event loop, so each statement's
    /// completion resumes it without a thread switch.
    let executor: EventLoopTaskExecutor
    private let state = NIOLockedValueBox(State())

    init(dependencies: ServerDependencies) {
        repository = dependencies.deliveries
        grouping = dependencies.store.backend == .sqlite
        executor = EventLoopTaskExecutor(dependencies.store.database.eventLoop)
    }

    /// Records `delivery` and its job (or finds it recorded), as
    /// ``WebhookDeliveryRepository/record(source:deliveryID:projectID:headers:summary:jobKind:jobPayloadJSON:)`` does.
    func record(_ delivery: WebhookDeliveryRepository.NewDelivery) async throws -> Outcome {
        guard grouping else {
            return try await withTaskExecutorPreference(executor) { try await repository.record(delivery) }
        }
        return try await withCheckedThrowingContinuation { continuation in
            let leads = state.withLockedValue { state in
                state.waiting.append(Waiting(delivery: delivery, continuation: continuation))
                if state.writing { return false }
                state.writing = true
                return true
            }
            if leads {
                Task(executorPreference: executor) { await self.writeWaiting() }
            }
        }
    }

    /// Writes groups until none is waiting.
    private func writeWaiting() async {
        while true {
            let group = state.withLockedValue { state in
                let group = Array(state.waiting.prefix(Self.maxGroup))
                state.waiting.removeFirst(group.count)
                if group.isEmpty { state.writing = false }
                return group
            }
            guard !group.isEmpty else { return }
            let outcomes = await repository.record(group.map(\.delivery))
            for (waiting, outcome) in zip(group, outcomes) {
                waiting.continuation.resume(with: outcome)
            }
        }
    }
}
