import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// Collects a response for the runner: its head, when the head came, and the body up to a
/// limit. A larger body fails the request with ``TooLarge`` (the connection is dropped
/// rather than read to its end); the head is still here for the report.
///
/// AsyncHTTPClient's delegate API, rather than its async one: that spawns an unstructured
/// task per request (to register the request for cancellation), which wakes a thread of
/// the concurrency pool every time, as costly as the rest of the request together.
///
/// `@unchecked Sendable`: AsyncHTTPClient calls a delegate on its task's event loop only, one
/// call at a time, and the runner reads it after the task's future has completed.
final class ResponseCollector: HTTPClientResponseDelegate, @unchecked Sendable {
    struct Collected: Sendable {
        var head: HTTPResponseHead
        var body: [UInt8]
        /// From the request's start to its response head.
        var milliseconds: Double
    }

    /// The failure of a request whose body passed the limit.
    struct TooLarge: Error {}

    let limit: Int
    let started = NIODeadline.now()
    private(set) var head: HTTPResponseHead?
    private(set) var milliseconds = 0.0
    private var body: ByteBuffer?

    init(limit: Int) {
        self.limit = limit
    }

    func didReceiveHead(task: HTTPClient.Task<Collected>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        self.head = head
        milliseconds = Double((NIODeadline.now() - started).nanoseconds) / 1_000_000
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Collected>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        guard (body?.readableBytes ?? 0) + buffer.readableBytes <= limit else {
            body = nil
            return task.eventLoop.makeFailedFuture(TooLarge())
        }
        if body == nil {
            body = buffer
        } else {
            var incoming = buffer
            body!.writeBuffer(&incoming)
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didFinishRequest(task: HTTPClient.Task<Collected>) throws -> Collected {
        guard let head else { throw HTTPClientError.remoteConnectionClosed }
        return Collected(head: head, body: body.map { Array(buffer: $0) } ?? [], milliseconds: milliseconds)
    }
}
