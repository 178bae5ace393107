public import AssayCore
import Hummingbird
import Logging
import NIOCore
import OrderedCollections
import UnixSignals

/// The mock as an HTTP server: a ``MockResponder`` behind Hummingbird.
///
/// ```swift
/// let server = MockServer(model: model, options: MockOptions(seed: 7), port: 0)
/// try await server.run { port in print("listening on \(port)") }
/// ```
///
/// Port 0 binds a free port; `onListening` learns which. The server runs until the task
/// running it is cancelled (or, with `handlingSignals`, until SIGINT or SIGTERM), then
/// shuts down gracefully (``GracefulServer``).
public struct MockServer: Sendable {
    public let model: APIModel
    public let options: MockOptions
    /// The address to bind: `127.0.0.1` by default (the mock is a test fixture, not a
    /// public service).
    public var host: String
    /// The port to bind; 0 for any free port.
    public var port: Int

    /// Creates a server; nothing is bound until ``run(handlingSignals:onListening:)``.
    public init(model: APIModel, options: MockOptions = MockOptions(), host: String = "127.0.0.1", port: Int = 8080) {
        self.model = model
        self.options = options
        self.host = host
        self.port = port
    }

    /// The path the description's first server puts before every operation path (`/v1`),
    /// empty when it has none. The mock answers paths with and without it.
    public var basePath: String {
        model.servers.first.map { RouteTable.basePath(of: $0.defaultURL) } ?? ""
    }

    /// Serves until cancelled.
    ///
    /// - Parameters:
    ///   - handlingSignals: also stop gracefully on SIGINT and SIGTERM (for a command-line
    ///     process; a library caller cancels the task instead).
    ///   - onListening: called once the socket is bound, with the port.
    public func run(handlingSignals: Bool = false, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let responder = MockHTTPResponder(shared: MockHTTPResponder.Shared(MockResponder(model: model, options: options)))
        var logger = Logger(label: "assay-mock")
        // Cancelling a live server logs its closing channels as errors: noise for a fixture.
        logger.logLevel = .critical
        let fallbackPort = port
        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? fallbackPort) },
            logger: logger
        )
        try await GracefulServer.run(application, gracefulShutdownSignals: handlingSignals ? [.sigterm, .sigint] : [], logger: logger)
    }
}
