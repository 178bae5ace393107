import AssayCore
import Synchronization

/// The one ``MockResponder`` of a ``MockServer`` and its resources, shared by every
/// connection.
///
/// Requests are numbered in the order they arrive (each one's random stream derives from
/// its number). What needs only the description (routing, credentials, validation, and
/// the whole answer of an operation that keeps no resources) runs side by side on every
/// event loop; an operation on resources is answered under the lock of the resource store,
/// so resources change in the order those requests reach it. One client sending one
/// request at a time gets exactly the answers of ``MockResponder/respond(to:)``.
final class MockHTTPResponder: Sendable {
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
