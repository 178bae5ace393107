public import Foundation

/// A job of the durable queue, as stored.
public struct Job: Sendable, Hashable, Codable, Identifiable {
    /// The job's number, increasing in enqueue order.
    public var id: Int64
    /// What the job does; selects its ``JobHandler``.
    public var kind: String
    /// Where the job is in its life.
    public var state: JobState
    /// Higher runs first among ready jobs.
    public var priority: Int
    /// The handler's input, as JSON text.
    public var payload: String
    /// The handler's output, as JSON text, once succeeded.
    public var result: String?
    /// The key that deduplicates enqueues of this kind, if one was given.
    public var idempotencyKey: String?
    /// How many times the job was claimed and not released (the attempt now running, or the last).
    public var attempts: Int
    /// How many attempts the job gets before it is dead.
    public var maxAttempts: Int
    /// The job is not claimed before this time.
    public var runAt: Date
    /// The worker holding the lease while running.
    public var lockedBy: String?
    /// When the running job's lease expires unless heartbeated.
    public var lockedUntil: Date?
    /// The error of the last failed attempt.
    public var lastError: String?
    /// When the job was enqueued.
    public var createdAt: Date
    /// When the job last changed state or lease.
    public var updatedAt: Date
    /// When the job succeeded or died.
    public var finishedAt: Date?
}
