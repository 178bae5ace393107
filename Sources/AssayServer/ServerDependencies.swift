public import AssayStore
public import Logging

/// What the routes and job handlers share: the store and its repositories, the queue, the
/// metrics, the circuit breaker on outbound calls and the configuration.
public struct ServerDependencies: Sendable {
    public let store: Store
    public let queue: JobQueue
    public let configuration: ServerConfiguration
    public let metrics: ServerMetrics
    /// Guards outbound calls (spec fetches, test targets), one circuit per host.
    public let breaker: CircuitBreaker
    public let logger: Logger

    public var projects: ProjectRepository { ProjectRepository(store: store) }
    public var specs: SpecVersionRepository { SpecVersionRepository(store: store) }
    public var plans: PlanRepository { PlanRepository(store: store) }
    public var suites: EmittedSuiteRepository { EmittedSuiteRepository(store: store) }
    public var runs: RunRepository { RunRepository(store: store) }
    public var tokens: TokenStore { TokenStore(store: store) }
    public var deliveries: WebhookDeliveryRepository { WebhookDeliveryRepository(queue: queue) }

    /// Dependencies on `store`.
    public init(store: Store, configuration: ServerConfiguration, metrics: ServerMetrics = ServerMetrics(), logger: Logger) {
        self.store = store
        self.queue = JobQueue(store: store)
        self.configuration = configuration
        self.metrics = metrics
        self.breaker = CircuitBreaker()
        self.logger = logger
    }
}
