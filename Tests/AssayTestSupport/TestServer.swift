import AssayMock
public import Hummingbird
import NIOCore

/// Runs a real Hummingbird server on 127.0.0.1 (an ephemeral port) for the duration of `body`.
@discardableResult
public func withTestServer<Result: Sendable>(
    _ router: Router<BasicRequestContext>,
    _ body: @Sendable (_ port: Int) async throws -> Result
) async throws -> Result {
    let (stream, continuation) = AsyncStream<Int>.makeStream()
    let app = Application(
        router: router,
        configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { channel in
            continuation.yield(channel.localAddress?.port ?? 0)
            continuation.finish()
        }
    )
    // Stopped by a graceful shutdown, never by cancelling the server (see GracefulServer).
    let server = Task { try await GracefulServer.run(app, logger: app.logger) }
    defer { server.cancel() }
    var iterator = stream.makeAsyncIterator()
    guard let port = await iterator.next(), port > 0 else {
        throw TestServerError.didNotStart
    }
    return try await body(port)
}

/// The test server could not bind.
public enum TestServerError: Error {
    case didNotStart
}
