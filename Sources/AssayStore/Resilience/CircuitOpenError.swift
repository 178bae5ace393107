public import Foundation

/// A call refused because its circuit is open (or its half-open probe is already running).
public struct CircuitOpenError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The circuit's key (a host).
    public var key: String
    /// When a probe will be let through; `nil` while a probe runs.
    public var retryAt: Date?

    public var description: String {
        if let retryAt {
            return "calls to \(key) are suspended after repeated failures (circuit open until \(retryAt.formatted(.iso8601)))"
        }
        return "calls to \(key) are suspended while a probe call checks whether it recovered (circuit half-open)"
    }
}
