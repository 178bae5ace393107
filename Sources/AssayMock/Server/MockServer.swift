public import AssayCore
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization
import UnixSignals

/// The mock as an HTTP server: a ``MockResponder`` behind NIO's HTTP/1.1 server pipeline.
///
/// ```swift
/// let server = MockServer(model: model, options: MockOptions(seed: 7), port: 0)
/// try await server.run { port in print("listening on \(port)") }
/// ```
///
/// Port 0 binds a free port; `onListening` learns which. The server runs until the task
/// running it is cancelled (or, with `handlingSignals`, until SIGINT or SIGTERM), then
/// shuts down gracefully: it stops accepting, lets each connection finish the answer it
/// is writing, and closes it (any still open after ``GracefulServer/shutdownLimit`` is
/// closed anyway).
///
/// It is NIO's HTTP/1.1 server pipeline with ``MockChannelHandler`` at its end, on the
/// shared event loops: answers are computed where the requests are read.
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
        let responder = MockHTTPResponder(MockResponder(model: model, options: options))
        let connections = ConnectionSet()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                connections.insert(channel)
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withPipeliningAssistance: true, withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(MockChannelHandler(responder: responder))
                }
            }
            .bind(host: host, port: port)
            .get()
        await onListening(channel.localAddress?.port ?? port)

        let signals: Task<Void, Never>? =
            handlingSignals
            ? Task {
                for await _ in await UnixSignalsSequence(trapping: .sigterm, .sigint) {
                    channel.close(promise: nil)
                    return
                }
            } : nil
        defer { signals?.cancel() }
        // Cancellation closes the listening socket; then the open connections are asked to
        // finish (an idle one closes at once, a busy one after its answer).
        await withTaskCancellationHandler {
            try? await channel.closeFuture.get()
        } onCancel: {
            channel.close(promise: nil)
        }
        await connections.quiesce(within: GracefulServer.shutdownLimit)
    }
}

/// The open connections of a server, for its graceful shutdown.
private final class ConnectionSet: Sendable {
    private let open = Mutex<[ObjectIdentifier: any Channel]>([:])

    func insert(_ channel: any Channel) {
        let key = ObjectIdentifier(channel)
        open.withLock { $0[key] = channel }
        channel.closeFuture.whenComplete { [self] _ in
            _ = open.withLock { $0.removeValue(forKey: key) }
        }
    }

    /// Asks every open connection to close once idle, waits up to `limit` for them, and
    /// then closes whatever is left (a client holding a request open).
    func quiesce(within limit: Duration) async {
        let channels = open.withLock { Array($0.values) }
        for channel in channels {
            channel.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        }
        let deadline = ContinuousClock.now + limit
        for channel in channels {
            let remaining = deadline - ContinuousClock.now
            if remaining > .zero {
                let closed = channel.closeFuture
                let timeout = channel.eventLoop.scheduleTask(in: .nanoseconds(Int64(remaining.seconds * 1e9))) {
                    channel.close(promise: nil)
                }
                try? await closed.get()
                timeout.cancel()
            } else {
                try? await channel.close()
            }
        }
    }
}
