public import Foundation

/// Stops calling an outbound dependency (a spec host, a test target) that keeps failing, and
/// probes it before trusting it again.
///
/// One circuit per key (use the host):
/// - **closed**: calls go through; `failureThreshold` consecutive failures open it.
/// - **open**: calls fail at once with ``CircuitOpenError`` for `openDuration`.
/// - **half-open**: after `openDuration`, one probe call goes through (others still fail
///   fast); its success closes the circuit, its failure opens it for another `openDuration`.
///   A probe whose outcome is never recorded stops blocking after `openDuration`.
///
/// ```swift
/// let breaker = CircuitBreaker()
/// let spec = try await breaker.run("api.example.com") { try await fetcher.fetch(url) }
/// let status = await breaker.snapshot()   // for /status
/// ```
public actor CircuitBreaker {
    /// When circuits open and for how long.
    public struct Configuration: Sendable, Hashable {
        /// Consecutive failures that open a closed circuit.
        public var failureThreshold: Int
        /// How long an open circuit fails fast before a probe.
        public var openDuration: Duration

        /// A configuration (defaults: 5 failures, 30 s).
        public init(failureThreshold: Int = 5, openDuration: Duration = .seconds(30)) {
            self.failureThreshold = max(1, failureThreshold)
            self.openDuration = openDuration
        }
    }

    private struct Circuit {
        var state: CircuitState = .closed
        var consecutiveFailures = 0
        var openedAt: Date?
        var probeInFlight = false
        var probeStartedAt: Date?
    }

    /// The thresholds of every circuit.
    public let configuration: Configuration
    private let clock: @Sendable () -> Date
    private var circuits: [String: Circuit] = [:]

    /// A breaker with `configuration`; `clock` is a parameter for tests.
    public init(configuration: Configuration = Configuration(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.configuration = configuration
        self.clock = clock
    }

    /// Runs `operation` through the circuit of `key`, recording its outcome.
    ///
    /// - Throws: ``CircuitOpenError`` without calling `operation` when the circuit refuses the
    ///   call; otherwise whatever `operation` throws (counted as a failure).
    public func run<T: Sendable>(_ key: String, _ operation: @Sendable () async throws -> T) async throws -> T {
        try acquire(key)
        do {
            let value = try await operation()
            recordSuccess(key)
            return value
        } catch {
            recordFailure(key)
            throw error
        }
    }

    /// Asks to make one call to `key`; pair it with ``recordSuccess(_:)`` or ``recordFailure(_:)``.
    ///
    /// - Throws: ``CircuitOpenError`` when the circuit is open, or half-open with its probe running.
    public func acquire(_ key: String) throws(CircuitOpenError) {
        var circuit = circuits[key] ?? Circuit()
        defer { circuits[key] = circuit }
        switch circuit.state {
        case .closed:
            return
        case .open:
            let retryAt = retryTime(circuit)
            guard clock() >= retryAt else {
                throw CircuitOpenError(key: key, retryAt: retryAt)
            }
            circuit.state = .halfOpen
            circuit.probeInFlight = true
            circuit.probeStartedAt = clock()
        case .halfOpen:
            // A probe whose outcome never came back (its caller vanished) stops blocking after the open duration.
            let probeExpired =
                circuit.probeStartedAt.map { clock() >= $0.addingTimeInterval(RetryPolicy.seconds(configuration.openDuration)) } ?? true
            guard !circuit.probeInFlight || probeExpired else {
                throw CircuitOpenError(key: key, retryAt: nil)
            }
            circuit.probeInFlight = true
            circuit.probeStartedAt = clock()
        }
    }

    /// Records a successful call: the circuit closes and its failure count resets.
    public func recordSuccess(_ key: String) {
        circuits[key] = Circuit()
    }

    /// Records a failed call: opens the circuit at the threshold, or again after a failed probe.
    public func recordFailure(_ key: String) {
        var circuit = circuits[key] ?? Circuit()
        circuit.consecutiveFailures += 1
        circuit.probeInFlight = false
        if circuit.state == .halfOpen || circuit.consecutiveFailures >= configuration.failureThreshold {
            circuit.state = .open
            circuit.openedAt = clock()
        }
        circuits[key] = circuit
    }

    /// The state of `key`'s circuit now (an open circuit whose time is up reads half-open).
    public func state(for key: String) -> CircuitState {
        status(key, circuits[key] ?? Circuit()).state
    }

    /// Every circuit used so far, sorted by key (what `/status` lists).
    public func snapshot() -> [CircuitStatus] {
        circuits.map { status($0.key, $0.value) }.sorted { $0.key < $1.key }
    }

    private func status(_ key: String, _ circuit: Circuit) -> CircuitStatus {
        var state = circuit.state
        if state == .open, clock() >= retryTime(circuit) {
            state = .halfOpen
        }
        return CircuitStatus(
            key: key,
            state: state,
            consecutiveFailures: circuit.consecutiveFailures,
            openedAt: circuit.openedAt,
            retryAt: circuit.state == .open ? retryTime(circuit) : nil
        )
    }

    private func retryTime(_ circuit: Circuit) -> Date {
        (circuit.openedAt ?? clock()).addingTimeInterval(RetryPolicy.seconds(configuration.openDuration))
    }
}
