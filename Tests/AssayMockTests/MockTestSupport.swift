import AssayCore
import AssayTestSupport
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import OrderedCollections

@testable import AssayMock

/// Shared fixtures of the mock tests: the example description, a live server on a free
/// port, and an HTTP client for it.
enum MockFixture {
    /// The bundled pet store, loaded once per test process.
    static func petstore() async throws -> APIModel {
        let url = SharedMaterial.projectRoot.appendingPathComponent("examples/petstore.yaml")
        return try await SpecLoader().load(SpecSource(argument: url.path)).model
    }

    /// A model from YAML text.
    static func model(_ yaml: String) async throws -> APIModel {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("assay-mock-\(UUID().uuidString).yaml")
        try Data(yaml.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await SpecLoader().load(SpecSource(argument: url.path)).model
    }

    /// Runs `body` with a mock served on 127.0.0.1 on a free port, then stops it.
    static func withServer<T: Sendable>(
        _ model: APIModel, options: MockOptions = MockOptions(), _ body: @Sendable (LiveMock) async throws -> T
    ) async throws -> T {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = MockServer(model: model, options: options, port: 0)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await server.run { port in continuation.yield(port) }
                } catch {
                    continuation.finish()
                    throw error
                }
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                try await group.next()
                throw MockTestError("the mock server did not start")
            }
            do {
                let result = try await body(LiveMock(port: port))
                group.cancelAll()
                return result
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }
}

/// A failure of the test machinery itself.
struct MockTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A mock running on a local port, reached over real HTTP.
struct LiveMock: Sendable {
    let port: Int

    /// Sends a request over HTTP and returns the answer as a ``MockResponse``.
    func send(_ request: MockRequest) async throws -> MockResponse {
        var outgoing = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(request.target)")
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if !request.body.isEmpty { outgoing.body = .bytes(ByteBuffer(bytes: request.body)) }
        let response = try await HTTPClient.shared.execute(outgoing, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 64 << 20)
        return MockResponse(
            status: Int(response.status.code),
            headers: response.headers.map { MockHeader($0.name, $0.value) },
            body: Array(body.readableBytesView)
        )
    }
}

extension MockResponse {
    /// The body parsed as JSON.
    var json: JSONValue? { try? JSONValue.parse(body) }
}

extension MockRequest {
    /// A JSON request with the pet store's API key.
    static func petstore(_ method: String, _ target: String, json: JSONValue? = nil, headers: [MockHeader] = [MockHeader("X-API-Key", "key")]) -> MockRequest {
        var headers = headers
        var body: [UInt8] = []
        if let json {
            headers.append(MockHeader("Content-Type", "application/json"))
            body = JSONWriter().bytes(json)
        }
        return MockRequest(method: method, target: target, headers: headers, body: body)
    }
}
