public import Foundation

/// One circuit as `/status` shows it.
public struct CircuitStatus: Sendable, Hashable, Codable {
    /// What the circuit guards (a host).
    public var key: String
    /// Its state now.
    public var state: CircuitState
    /// Failures since the last success.
    public var consecutiveFailures: Int
    /// When it last opened, if it is open or half-open.
    public var openedAt: Date?
    /// When an open circuit lets a probe through.
    public var retryAt: Date?
}
