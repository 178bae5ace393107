public import Foundation

/// A job a worker holds the lease on, as ``JobQueue/claim(workerID:lease:kinds:limit:)`` returns it.
///
/// The lease token proves ownership: ``JobQueue/complete(_:result:)``, ``JobQueue/fail(_:error:retryable:)``
/// and ``JobQueue/heartbeat(_:lease:)`` change the job only while this claim is its current one,
/// so a worker whose lease expired (and whose job was rescued and claimed again) cannot finish it twice.
public struct ClaimedJob: Sendable, Hashable, Identifiable {
    /// The job's number.
    public var id: Int64
    /// What the job does.
    public var kind: String
    /// The handler's input, as JSON text.
    public var payload: String
    /// The deduplication key given at enqueue, for handlers whose effects must happen once.
    public var idempotencyKey: String?
    /// Which attempt this is, from 1.
    public var attempt: Int
    /// How many attempts the job gets.
    public var maxAttempts: Int
    /// The worker that claimed it.
    public var workerID: String
    /// Unique to this claim.
    public var leaseToken: String
    /// When the lease expires unless heartbeated.
    public var lockedUntil: Date

    /// Whether a failure of this attempt makes the job dead.
    public var isLastAttempt: Bool { attempt >= maxAttempts }

    /// The payload decoded from JSON.
    public func decodePayload<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(payload.utf8))
    }
}
