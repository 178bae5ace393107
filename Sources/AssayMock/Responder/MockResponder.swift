public import AssayCore
import AssayData
import Foundation
import OrderedCollections

/// The mock's request handler: answers requests as the API description says, without
/// sockets. ``MockServer`` wraps it in an HTTP server; tests and the quality scorer call it
/// in-process.
///
/// For each request it finds the operation (OpenAPI path matching, under the servers'
/// base paths), checks credentials against the operation's security (401), the body's
/// media type (415), the parameters read from the wire by their schema and style and the
/// body against its schema (400 with `{"error": {"code", "message", "details"}}`, or 422
/// when only that is documented), then answers with a documented 2xx and a body generated
/// from the response schema. It keeps resources: a `POST` on a collection creates, the item
/// path reads, replaces, updates and deletes; an id never created reads as if it existed,
/// unless it was deleted or is one of the ids ``UnknownResourceID`` names (404).
///
/// Answers are a pure function of the description, the options and the requests received
/// so far, in order: the same seed and the same requests give the same bytes.
///
/// ```swift
/// var responder = MockResponder(model: model, options: MockOptions(seed: 7))
/// let response = responder.respond(to: MockRequest(method: "GET", target: "/v1/pets/3"))
/// ```
public struct MockResponder: Sendable {
    public let model: APIModel
    public let options: MockOptions
    let routes: RouteTable
    let lookup: SchemaLookup
    let parameters: ParameterReader
    let bodies: BodyReader
    /// Checks generated and merged response bodies (formats asserted, `writeOnly` exempt).
    let responses: SchemaCheck
    let generator: SchemaValueGenerator
    let security: SecurityCheck
    /// Per operation, by index in ``APIModel/operations``.
    let layouts: [ResourceLayout]
    /// The first server's base path, for `Location` headers.
    let basePath: String
    var store = ResourceStore()
    /// Requests answered so far: each request's random stream derives from its number.
    private(set) var requestCount = 0

    /// Creates a responder for a loaded description.
    public init(model: APIModel, options: MockOptions = MockOptions()) {
        self.model = model
        self.options = options
        let lookup = SchemaLookup(model: model)
        self.lookup = lookup
        routes = RouteTable(model: model)
        // Parameters are checked without formats: on the wire they are text, and a test
        // planner calls a parameter value invalid only when no reading of it validates
        // without formats. Bodies are checked with them.
        parameters = ParameterReader(check: SchemaCheck(model: model, lookup: lookup, direction: .request, assertFormats: false))
        bodies = BodyReader(check: SchemaCheck(model: model, lookup: lookup, direction: .request, assertFormats: true), parameters: parameters)
        responses = SchemaCheck(model: model, lookup: lookup, direction: .response, assertFormats: true)
        generator = SchemaValueGenerator(model: model, options: GenerationOptions(direction: .response))
        security = SecurityCheck(
            schemes: Dictionary(model.securitySchemes.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first }),
            accepted: options.credentials,
            acceptAnyValue: options.mutant == .acceptsInvalidCredentials
        )
        layouts = ResourceLayout.layouts(of: model, lookup: lookup)
        basePath = model.servers.first.map { RouteTable.basePath(of: $0.defaultURL) } ?? ""
    }

    /// Answers one request, updating the resources it holds.
    public mutating func respond(to request: MockRequest) -> MockResponse {
        requestCount += 1
        var response: MockResponse
        switch prepare(request) {
        case .answered(let answer): response = answer
        case .token: response = token()
        case .exchange(var exchange): response = handle(&exchange)
        }
        if request.method == "HEAD" { response.body = [] }
        return response
    }

    /// A request read as far as the description alone allows: routing, credentials,
    /// parameters and body need no resources, so a server runs this part of many requests
    /// side by side and keeps only ``handle(_:)`` in order.
    enum Preparation {
        /// Answered already (an error, 405, `OPTIONS`).
        case answered(MockResponse)
        /// A call of the OAuth 2 token endpoint.
        case token
        /// A valid request of an operation, for ``handle(_:)``.
        case exchange(Exchange)
    }

    /// Numbers the next request as `number` (its random stream derives from it).
    mutating func number(_ number: Int) {
        requestCount = number
    }

    /// One request in flight: what it matched and what was read from it.
    struct Exchange {
        var request: MockRequest
        var operation: AssayCore.Operation
        var match: RouteTable.Match
        /// Path variable → its percent-decoded text.
        var bindings: [String: String]
        var query: [(name: String, value: String)]
        /// Parameters as read, by location and name.
        var values: [Parameter.Location: [String: JSONValue]] = [:]
        var body: JSONValue?
        var media: MediaType?
        var layout: ResourceLayout
        /// The relative path's percent-decoded segments: the resource key of an item path.
        var key: [String]
        var method: HTTPMethod { operation.method }
    }

    /// The path of the mock's OAuth 2 token endpoint (client credentials): point a suite's
    /// token URL here (`ASSAY_AUTH_<SCHEME>_TOKEN_URL`) to run OAuth 2 operations.
    public static let tokenPath = "/__assay/oauth/token"

    /// Reads a request up to what its answer needs of the resources (nothing of them is read).
    func prepare(_ request: MockRequest) -> Preparation {
        if request.method == "POST" && (request.path == Self.tokenPath || request.path == basePath + Self.tokenPath) {
            return .token
        }
        let query = FormEncoding.pairs(request.query)
        guard let match = routes.match(path: request.path, query: query) else {
            return .answered(problem(404, "not_found", "No operation of \(model.info.title) matches the path \(request.path).", operation: nil))
        }
        var method = HTTPMethod(rawValue: request.method.lowercased())
        if method == .head && match.path.operations[.head] == nil && match.path.operations[.get] != nil { method = .get }
        guard let method, let documented = match.path.operations[method], let first = documented.first else {
            return .answered(methodNotAllowed(request, match))
        }
        func makeExchange(_ index: Int) -> Exchange {
            Exchange(
                request: request,
                operation: model.operations[index],
                match: match,
                bindings: pathBindings(match, operation: index),
                query: query,
                layout: layouts[index],
                key: match.segments
            )
        }
        var exchange = makeExchange(first)
        var candidates = documented
        if candidates.count > 1 {
            // Operations told apart by a fragment: those whose fragment the request satisfies.
            let fitting = candidates.filter { match.path.templates[$0]?.acceptsFragment(query: query, headers: request.headers) ?? true }
            if !fitting.isEmpty { candidates = fitting }
            exchange = makeExchange(candidates[0])
        }
        if candidates.count > 1 {
            // Templates of one shape with the same method: the operation declaring most of
            // the query parameters sent answers, and among equals the one the request is
            // valid for (else the first).
            let sent = Set(query.map(\.name))
            func score(_ index: Int) -> Int { model.operations[index].parameters(in: .query).filter { sent.contains($0.name) }.count }
            let best = candidates.map(score).max() ?? 0
            let contenders = candidates.filter { score($0) == best }
            exchange = makeExchange(contenders[0])
            for index in contenders {
                var candidate = makeExchange(index)
                if readRequest(&candidate) == nil {
                    exchange = candidate
                    break
                }
            }
        }
        let operation = exchange.operation
        if options.mutant != .ignoresAuth {
            switch security.verdict(for: operation, request: request, query: exchange.query) {
            case .allowed: break
            case .missing:
                var response = problem(
                    unauthorizedStatus(operation), "unauthorized",
                    "\(operation.id) needs credentials: \(schemeList(operation)).", operation: operation)
                response.setHeader("WWW-Authenticate", security.challenges(for: operation))
                return .answered(response)
            case .invalid:
                var response = problem(
                    unauthorizedStatus(operation), "invalid_credentials",
                    "The credentials sent for \(operation.id) are not valid (\(schemeList(operation))).", operation: operation)
                response.setHeader("WWW-Authenticate", security.challenges(for: operation))
                return .answered(response)
            }
        }
        if let failure = readRequest(&exchange) { return .answered(failure) }
        return .exchange(exchange)
    }

    /// The reading of the path variables whose every value is valid (the first one when
    /// none is: its errors are reported). Adjacent variables (`{name}{extension}`) can split
    /// a segment several ways.
    private func pathBindings(_ match: RouteTable.Match, operation index: Int) -> [String: String] {
        let candidates = match.bindings(for: index)
        guard candidates.count > 1 else { return candidates.first ?? [:] }
        let pathParameters = model.operations[index].parameters(in: .path)
        let valid = candidates.first { bindings in
            pathParameters.allSatisfy { parameter in
                if case .value = parameters.read(parameter, texts: bindings[parameter.name].map { [$0] } ?? [], query: []) { return true }
                return false
            }
        }
        return valid ?? candidates[0]
    }

    private func methodNotAllowed(_ request: MockRequest, _ match: RouteTable.Match) -> MockResponse {
        let allowed = match.path.operations.keys.sorted().map(\.name).joined(separator: ", ")
        if request.method == "OPTIONS" {
            return MockResponse(status: 204, headers: [MockHeader("Allow", allowed)])
        }
        if options.mutant == .ignoresMethod {
            return problem(404, "not_found", "Nothing answers \(request.method) \(request.path).", operation: nil)
        }
        var response = problem(
            405, "method_not_allowed",
            "\(match.path.template.template) documents no \(request.method) operation; it allows \(allowed).", operation: nil)
        response.setHeader("Allow", allowed)
        return response
    }

    /// A bearer token for any client: the mock accepts every token not marked invalid.
    func token() -> MockResponse {
        let body: JSONValue = [
            "access_token": .string("assay-mock-token-\(requestCount)"), "token_type": "Bearer", "expires_in": 3_600,
        ]
        return MockResponse(status: 200, headers: [MockHeader("Content-Type", "application/json")], body: JSONWriter().bytes(body))
    }

    /// 401, unless the operation documents 403 and not 401.
    private func unauthorizedStatus(_ operation: AssayCore.Operation) -> Int {
        let documented = Set(operation.responses.compactMap(\.statusCode))
        return !documented.contains(401) && documented.contains(403) ? 403 : 401
    }

    private func schemeList(_ operation: AssayCore.Operation) -> String {
        operation.security.map { requirement in requirement.schemes.map(\.name).joined(separator: " and ") }.joined(separator: ", or ")
    }

    /// The request's random stream: seed, operation and request number.
    func requestRandom(_ exchange: Exchange) -> SeededRandom {
        SeededRandom(seed: options.seed, stream: SeededRandom.hash(exchange.operation.id)).derived(UInt64(requestCount))
    }

    /// The stream of an item's generated representation: the same item reads the same.
    func itemRandom(_ exchange: Exchange) -> SeededRandom {
        SeededRandom(seed: options.seed, stream: SeededRandom.hash(exchange.operation.id + " " + exchange.key.joined(separator: "/")))
    }
}
