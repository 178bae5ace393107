import AssayServer
import AssayStore
import AssayTestSupport
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// A running `AssayServer` on 127.0.0.1 (an ephemeral port) over a fresh database of one
/// backend, with an HTTP client and tokens of each scope.
struct ServerHarness: Sendable {
    let server: AssayServer
    let store: Store
    let port: Int
    /// A token with each scope: `read`, `write`, `admin`.
    let tokens: [TokenScope: String]

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Runs `body` against a server on a new database of `backend`; stops the server after.
    static func with<T: Sendable>(
        _ backend: DatabaseBackend,
        configure: (inout ServerConfiguration) -> Void = { _ in },
        _ body: @Sendable (ServerHarness) async throws -> T
    ) async throws -> T {
        try await TestDatabase.with(backend) { store in
            var configuration = ServerConfiguration()
            configuration.port = 0
            configuration.workers.pollInterval = .milliseconds(100)
            configuration.allowPrivateNetworks = true
            configure(&configuration)
            var tokens: [TokenScope: String] = [:]
            for scope in TokenScope.allCases {
                tokens[scope] = try await TokenStore(store: store).create(name: "test-\(scope.rawValue)", scopes: [scope]).secret
            }
            let server = AssayServer(store: store, configuration: configuration, logger: TestDatabase.logger)
            let (ports, continuation) = AsyncStream<Int>.makeStream()
            let running = Task { try await server.run { port in continuation.yield(port) } }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw HarnessError.didNotStart }
            let harness = ServerHarness(server: server, store: store, port: port, tokens: tokens)
            do {
                let result = try await body(harness)
                running.cancel()
                _ = try? await running.value
                return result
            } catch {
                running.cancel()
                _ = try? await running.value
                throw error
            }
        }
    }

    /// Sends a request and collects the whole answer (at most 32 MiB).
    func send(
        _ method: HTTPMethod,
        _ path: String,
        token scope: TokenScope? = nil,
        headers: [(String, String)] = [],
        body: [UInt8]? = nil,
        json: String? = nil
    ) async throws -> TestResponse {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let scope { request.headers.add(name: "Authorization", value: "Bearer \(tokens[scope]!)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.replaceOrAdd(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        } else if let body {
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let bytes = try await response.body.collect(upTo: 32 << 20)
        return TestResponse(status: Int(response.status.code), headers: response.headers, body: Array(bytes.readableBytesView))
    }
}

/// One answer, as the client received it.
struct TestResponse: Sendable {
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as JSON (Foundation's parser: independent of the server's writer).
    func json() throws -> Any {
        try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
    }

    /// The body as a JSON object.
    func object() throws -> [String: Any] {
        guard let object = try json() as? [String: Any] else { throw HarnessError.notAnObject(text) }
        return object
    }

    /// The `error.code` of an error answer.
    func errorCode() throws -> String? {
        ((try object())["error"] as? [String: Any])?["code"] as? String
    }
}

enum HarnessError: Error {
    case didNotStart
    case notAnObject(String)
}
