/// Where a job is in its life.
///
/// ```
/// enqueue ─► queued ──claim──► running ──complete──► succeeded
///              ▲  ▲               │ │
///              │  └─fail (retry)──┘ └─fail on the last attempt──► dead
///              │  └─lease expired (rescue) / release on shutdown
///              └──────────── retry (operator) ◄──────────────────────┘
/// ```
public enum JobState: String, Sendable, Hashable, Codable, CodingKeyRepresentable, CaseIterable {
    /// Waiting for a worker (perhaps until `runAt`, after a failure's backoff).
    case queued
    /// Claimed by a worker that holds its lease.
    case running
    /// Finished; the handler's result is stored.
    case succeeded
    /// Failed on its last attempt (the dead-letter state): kept until retried or purged.
    case dead

    /// Whether the job has stopped moving by itself (so it may be purged).
    public var isTerminal: Bool {
        self == .succeeded || self == .dead
    }
}
