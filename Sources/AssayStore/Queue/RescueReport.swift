/// The running jobs ``JobQueue/rescueExpired()`` took back from workers whose leases expired.
public struct RescueReport: Sendable, Hashable {
    /// Jobs queued again (their lost attempt counts).
    public var requeued: [Int64]
    /// Jobs whose lost attempt was their last: now dead.
    public var dead: [Int64]

    /// Whether nothing was rescued.
    public var isEmpty: Bool { requeued.isEmpty && dead.isEmpty }
}
