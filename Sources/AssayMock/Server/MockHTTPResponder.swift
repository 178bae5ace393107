import AssayCore
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization
import OrderedCollections

/// The Hummingbird responder of ``MockServer``: turns each HTTP request into a
/// ``MockRequest``, asks the one ``MockResponder`` (one request at a time, so the resources
/// it holds change in the order requests arrive), and writes its answer.
struct MockHTTPResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// The responder and its resources, shared by every connection.
    final class Shared: Sendable {
        let responder: Mutex<MockResponder>

        init(_ responder: MockResponder) {
            self.responder = Mutex(responder)
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
        let answer = shared.responder.withLock { $0.respond(to: mock) }
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
