/// Runs the jobs of one kind for a ``JobWorkerPool``.
///
/// A handler may run a job more than once (after its worker died, or when a lease expired
/// while it was still working): make its effects idempotent, keyed by the job's
/// ``ClaimedJob/idempotencyKey`` or ``ClaimedJob/id``. Throw ``JobError/permanent(_:)`` for a
/// failure no retry can fix; any other error is retried with backoff. Cancellation means the
/// pool is shutting down: stop soon, the job will be released and run again later.
///
/// ```swift
/// struct FetchSpecHandler: JobHandler {
///     let kind = "fetch-spec"
///     func run(_ job: ClaimedJob, context: JobContext) async throws -> String? {
///         let request = try job.decodePayload(FetchSpec.self)
///         ...
///         return #"{"specVersion":"\#(id)"}"#
///     }
/// }
/// ```
public protocol JobHandler: Sendable {
    /// The job kind this handler runs.
    var kind: String { get }

    /// Runs one attempt of `job`.
    ///
    /// - Returns: The result to store with the job, as JSON text, or `nil`.
    func run(_ job: ClaimedJob, context: JobContext) async throws -> String?
}
