public import AssayStore

/// How `assay serve` runs: where it listens, its body limits, its workers.
public struct ServerConfiguration: Sendable {
    /// The address to bind (`127.0.0.1` by default; `0.0.0.0` in a container).
    public var host: String = "127.0.0.1"
    /// The port to bind; 0 for any free port.
    public var port: Int = 8080
    /// Whether this instance runs jobs (several instances on PostgreSQL may all do).
    public var runsJobs: Bool = true
    /// The job workers' settings.
    public var workers = JobWorkerPool.Configuration()
    /// The largest JSON request body (bytes).
    public var maxJSONBody: Int = 1 << 20
    /// The largest uploaded API description (bytes).
    public var maxSpecBody: Int = 16 << 20
    /// The largest webhook body (bytes), per source; sources not named use ``maxWebhookBody``.
    public var webhookBodyLimits: [String: Int] = [:]
    /// The largest webhook body of a source without its own limit.
    public var maxWebhookBody: Int = 1 << 20
    /// How far a Standard Webhooks timestamp may be from now.
    public var webhookTimestampTolerance: Duration = .seconds(300)
    /// Descriptions with at most this many operations are generated synchronously by
    /// `POST …/generate`; larger ones become a job.
    public var synchronousGenerationLimit: Int = 40
    /// The most records `POST /api/v1/data/{entity}` makes in one request.
    public var maxDataRecords: Int = 1_000_000
    /// Counts above this are streamed as NDJSON chunks rather than one JSON array.
    public var dataStreamingThreshold: Int = 1_000
    /// Spec fetches and runs may reach private and loopback addresses (for tests and
    /// on-premises tools). Off by default: a webhook must not make the server call inside
    /// its own network.
    public var allowPrivateNetworks: Bool = false
    /// Python for scoring pytest suites (`python3` on PATH when `nil`).
    public var python: String?

    /// The defaults.
    public init() {}

    /// The body limit of webhooks from `source`.
    public func webhookBodyLimit(for source: String) -> Int {
        webhookBodyLimits[source] ?? maxWebhookBody
    }
}
