/// The job an enqueue refers to and whether it was inserted.
public struct EnqueueResult: Sendable, Hashable {
    /// The new job, or the existing one with the same idempotency key.
    public var job: Job
    /// `false` when a job of the same kind and idempotency key already existed.
    public var inserted: Bool
}
