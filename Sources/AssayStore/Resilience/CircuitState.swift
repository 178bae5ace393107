/// The state of one circuit of a ``CircuitBreaker``.
public enum CircuitState: String, Sendable, Hashable, Codable {
    /// Calls go through; consecutive failures are counted.
    case closed
    /// Calls fail fast until the open duration has passed.
    case open
    /// The open duration has passed: one probe call goes through; its outcome closes or reopens the circuit.
    case halfOpen = "half-open"
}
