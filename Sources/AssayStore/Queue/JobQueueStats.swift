/// Counts of the queue for `/status` and metrics.
public struct JobQueueStats: Sendable, Hashable, Codable {
    /// Jobs per state (every state present, zero when none).
    public var counts: [JobState: Int]
    /// How long the oldest ready queued job has waited past its `runAt`, in seconds (0 when none).
    public var oldestReadyAgeSeconds: Double

    /// The count in `state`.
    public subscript(state: JobState) -> Int { counts[state] ?? 0 }
}
