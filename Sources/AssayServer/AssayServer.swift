import AssayMock
public import AssayStore
public import Foundation
public import Hummingbird
public import Logging
import ServiceLifecycle
import UnixSignals

/// The Assay service: the HTTP API, the webhooks and the job workers on one store.
///
/// ```swift
/// let store = try await Store.open(configuration)
/// try await store.migrate()
/// let server = AssayServer(store: store, configuration: ServerConfiguration())
/// try await server.run(handlingSignals: true) { port in print("listening on \(port)") }
/// ```
///
/// The store must be migrated before ``run(handlingSignals:onListening:)``: `/ready` reports
/// unapplied migrations, and the workers would fail every claim.
public final class AssayServer: Sendable {
    /// What routes and handlers share.
    public let dependencies: ServerDependencies
    /// The job workers (running only when the configuration says this instance runs jobs).
    public let workers: JobWorkerPool
    /// When the server was made (for `/status`).
    public let startedAt: Date

    /// A server on `store`.
    public init(store: Store, configuration: ServerConfiguration = ServerConfiguration(), logger: Logger = Logger(label: "assay.server")) {
        let dependencies = ServerDependencies(store: store, configuration: configuration, logger: logger)
        self.dependencies = dependencies
        var workerLogger = logger
        workerLogger[metadataKey: "component"] = "jobs"
        self.workers = JobWorkerPool(
            queue: dependencies.queue,
            handlers: JobHandlers.all(dependencies),
            configuration: configuration.workers,
            logger: workerLogger
        )
        self.startedAt = Date()
    }

    /// The router with every route and middleware.
    public func makeRouter() -> Router<AssayRequestContext> {
        let router = Router(context: AssayRequestContext.self)
        let routes = RouteTable()
        router.add(middleware: RequestLogMiddleware(metrics: dependencies.metrics))
        router.add(middleware: ErrorMiddleware(routes: routes))
        OperationsRoutes(dependencies: dependencies, workers: workers, startedAt: startedAt).register(on: router)
        OpenAPIRoute().register(on: router)
        let api = router.group("api/v1")
        WebhookRoutes(dependencies: dependencies).register(on: api)
        ResourceRoutes(dependencies: dependencies).register(on: api)
        routes.load(router.routes)
        return router
    }

    /// The HTTP application (not yet running).
    public func makeApplication(onListening: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let configuration = dependencies.configuration
        let fallbackPort = configuration.port
        return Application(
            router: makeRouter(),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "assay"),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? fallbackPort) },
            logger: dependencies.logger
        )
    }

    /// Serves and runs jobs until cancelled (or, with `handlingSignals`, SIGTERM or SIGINT),
    /// then shuts down gracefully: the server stops accepting, the workers stop claiming and
    /// their running jobs finish or are released.
    public func run(handlingSignals: Bool = false, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var services: [any Service] = [makeApplication(onListening: onListening)]
        if dependencies.configuration.runsJobs {
            services.append(workers)
        }
        try await GracefulServer.run(services, gracefulShutdownSignals: handlingSignals ? [.sigterm, .sigint] : [], logger: dependencies.logger)
    }
}
