public import Logging

/// What a ``JobHandler`` gets besides its job.
public struct JobContext: Sendable {
    /// A logger carrying the job's id, kind and attempt.
    public var logger: Logger
    /// The queue the job came from (to enqueue follow-up jobs).
    public var queue: JobQueue
    /// The worker running the job.
    public var workerID: String
}
