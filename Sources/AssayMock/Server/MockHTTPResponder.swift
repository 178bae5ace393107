import AssayCore
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization
import OrderedCollections

/// The Hummingbird responder of ``MockServer``: turns each HTTP request into a
/// ``MockRequest``, has the one ``MockResponder`` answer it, and writes the answer.
///
/// Requests are numbered in the order they arrive (each one's random stream derives from
/// its number). What needs only the description (routing, credentials, validation, and
/// the whole answer of an operation that keeps no resources) runs side by side on every
/// core; an operation on resources is answered under the lock of the resource store, so
/// resources change in the order those requests reach it. One client sending one request
/// at a time gets exactly the answers of ``MockResponder/respond(to:)``.
struct MockHTTPResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// The responder and its resources, shared by every connection.
    final class Shared: Sendable {
        /// The responder without resources: what every request reads.
        let base: MockResponder
        private let count = Mutex(0)
        private let store = Mutex(ResourceStore())

        init(_ responder: MockResponder) {
            base = responder
        }

        /// Answers one request.
        func respond(to request: MockRequest) -> MockResponse {
            var responder = base
            responder.number(count.withLock { count in
                count += 1
                return count
            })
            var response: MockResponse
            switch responder.prepare(request) {
            case .answered(let answer):
                response = answer
            case .token:
                response = responder.token()
            case .exchange(var exchange):
                if case .other = exchange.layout.role {
                    // Reads no resource but the deletions that lists leave out.
                    responder.store = store.withLock { $0 }
                    response = responder.handle(&exchange)
                } else {
                    response = store.withLock { store in
                        swap(&responder.store, &store)
                        defer { swap(&responder.store, &store) }
                        return responder.handle(&exchange)
                    }
                }
            }
            if request.method == "HEAD" { response.body = [] }
            return response
        }
    }

    /// The largest request body read (larger ones get 413).
    static let maximumBodySize = 16 << 20

    let shared: Shared

    func respond(to request: Request, context: Context) async throws -> Response {
        var request = request
        let bytes: [UInt8]
        do {
            let buffer = try await request.collectBody(upTo: Self.maximumBodySize)
            bytes = Array(buffer.readableBytesView)
        } catch {
            return Response(status: .contentTooLarge)
        }
        let mock = MockRequest(
            method: request.method.rawValue,
            target: request.head.path ?? "/",
            headers: request.headers.map { MockHeader($0.name.rawName, $0.value) },
            body: bytes
        )
        let answer = shared.respond(to: mock)
        if answer.delayMilliseconds > 0 {
            try await Task.sleep(for: .milliseconds(answer.delayMilliseconds))
        }
        var headers = HTTPFields()
        for header in answer.headers {
            guard let name = HTTPField.Name(header.name) else { continue }
            headers.append(HTTPField(name: name, value: header.value))
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status),
            headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body))
        )
    }
}
