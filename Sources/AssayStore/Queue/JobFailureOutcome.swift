public import Foundation

/// What ``JobQueue/fail(_:error:retryable:)`` did with a failed attempt.
public enum JobFailureOutcome: Sendable, Hashable {
    /// The job is queued again and will not be claimed before this time.
    case retryScheduled(at: Date)
    /// That was the last attempt (or the error is not retryable): the job is dead.
    case dead
    /// The claim is no longer the job's current one (its lease expired): nothing changed.
    case notOwned
}
