public import AssayCore
import Crypto
import Foundation
public import OrderedCollections

/// What an operation promises its clients, as a plan records it: a fingerprint of its
/// whole definition, and the facts a breaking-change check needs.
///
/// The fingerprint covers everything that shapes the operation's cases: the operation
/// object, the path item's parameters, its effective security and the schemes behind it,
/// and every component it references, transitively. Two descriptions give an operation
/// the same fingerprint exactly when its definition is the same (member order aside), so
/// incremental regeneration reuses its cases only then.
public struct OperationContract: Sendable, Hashable {
    /// `GET /pets/{petId}`: how operations are matched across versions.
    public var operation: String
    public var operationID: String?
    /// SHA-256 of the canonical definition, hex.
    public var fingerprint: String
    public var parameters: [ParameterContract]
    public var body: BodyContract?
    /// By status (`200`, `4XX`, `default`), in the description's order.
    public var responses: OrderedDictionary<String, ResponseContract>

    public init(
        operation: String,
        operationID: String?,
        fingerprint: String,
        parameters: [ParameterContract],
        body: BodyContract?,
        responses: OrderedDictionary<String, ResponseContract>
    ) {
        self.operation = operation
        self.operationID = operationID
        self.fingerprint = fingerprint
        self.parameters = parameters
        self.body = body
        self.responses = responses
    }
}

/// A parameter as clients see it.
public struct ParameterContract: Sendable, Hashable {
    public var name: String
    public var location: Parameter.Location
    public var required: Bool
    public var schema: SchemaFacts

    public init(name: String, location: Parameter.Location, required: Bool, schema: SchemaFacts) {
        self.name = name
        self.location = location
        self.required = required
        self.schema = schema
    }

    /// `query parameter limit`.
    public var label: String { "\(location.rawValue) parameter \(name)" }
}

/// A request body as clients see it.
public struct BodyContract: Sendable, Hashable {
    public var required: Bool
    /// The media types it may be sent as.
    public var mediaTypes: [String]
    /// The facts of the first JSON (else first) media type's schema.
    public var schema: SchemaFacts

    public init(required: Bool, mediaTypes: [String], schema: SchemaFacts) {
        self.required = required
        self.mediaTypes = mediaTypes
        self.schema = schema
    }
}

/// A response as clients see it.
public struct ResponseContract: Sendable, Hashable {
    public var mediaTypes: [String]
    public var schema: SchemaFacts

    public init(mediaTypes: [String], schema: SchemaFacts) {
        self.mediaTypes = mediaTypes
        self.schema = schema
    }
}

extension OperationContract {
    /// The contracts of every operation of `model`, in its order. Components are digested
    /// once and shared by every operation that references them.
    public static func contracts(of model: APIModel) -> [OperationContract] {
        let digests = ComponentDigests(model: model)
        // The same schemas recur across operations (Stripe's error response on all 384):
        // each distinct one is flattened once.
        var distinct: Set<JSONValue> = []
        for operation in model.operations {
            for schema in schemas(of: operation) { distinct.insert(schema) }
        }
        let values = Array(distinct)
        let facts = Dictionary(uniqueKeysWithValues: zip(values, ParallelMap.map(values, transform: { SchemaFacts(schema: $0, model: model) })))
        return ParallelMap.map(model.operations, transform: { operation in
            OperationContract(operation: operation, fingerprint: digests.fingerprint(of: operation)) { facts[$0] ?? SchemaFacts() }
        })
    }

    /// The schemas a contract records: each parameter's, the request body's and each
    /// response's primary one.
    static func schemas(of operation: AssayCore.Operation) -> [JSONValue] {
        var schemas = operation.parameters.compactMap { ($0.schema ?? $0.content.first?.schema)?.value }
        if let body = operation.requestBody, let schema = primary(body.content)?.schema { schemas.append(schema.value) }
        for response in operation.responses {
            if let schema = primary(response.content)?.schema { schemas.append(schema.value) }
        }
        return schemas
    }

    init(operation: AssayCore.Operation, fingerprint: String, facts: (JSONValue) -> SchemaFacts) {
        let parameters = operation.parameters.map { parameter in
            ParameterContract(
                name: parameter.name,
                location: parameter.location,
                required: parameter.required,
                schema: (parameter.schema ?? parameter.content.first?.schema).map { facts($0.value) } ?? SchemaFacts()
            )
        }
        let body = operation.requestBody.map { body in
            BodyContract(
                required: body.required,
                mediaTypes: body.content.map(\.contentType),
                schema: Self.primary(body.content)?.schema.map { facts($0.value) } ?? SchemaFacts()
            )
        }
        var responses: OrderedDictionary<String, ResponseContract> = [:]
        for response in operation.responses {
            // `2xx` and `2XX` are one range; `default` keeps its spelling.
            let status = response.status.lowercased() == "default" ? "default" : response.status.uppercased()
            responses[status] = ResponseContract(
                mediaTypes: response.content.map(\.contentType),
                schema: Self.primary(response.content)?.schema.map { facts($0.value) } ?? SchemaFacts()
            )
        }
        self.init(
            operation: operation.id,
            operationID: operation.operationID,
            fingerprint: fingerprint,
            parameters: parameters,
            body: body,
            responses: responses
        )
    }

    /// The JSON media type if there is one, else the first.
    static func primary(_ content: [MediaType]) -> MediaType? {
        content.first { TestPlanner.isJSON($0.contentType) } ?? content.first
    }
}

/// Digests of the description's parts, for fingerprints: each referenced value is
/// canonicalised and hashed once.
struct ComponentDigests: Sendable {
    let model: APIModel
    /// Every reference reached from an operation, sorted: a reference's index is its rank.
    private let references: [String]
    private let index: [String: Int]
    /// By index: the reference, a zero byte and the digest of what it holds (what a
    /// fingerprint hashes for it), and the indices it refers to.
    private let digests: [[UInt8]]
    private let edges: [[Int]]

    init(model: APIModel) {
        self.model = model
        var values: [String: JSONValue] = [:]
        var pending = model.operations.flatMap { Self.references(in: Self.definition(of: $0, in: model)) }
        while let reference = pending.popLast() {
            guard values[reference] == nil else { continue }
            let value = JSONPointer(reference).flatMap { model.document.value(at: $0) } ?? .null
            values[reference] = value
            pending += Self.references(in: value)
        }
        references = values.keys.sorted()
        index = Dictionary(uniqueKeysWithValues: references.enumerated().map { ($1, $0) })
        let ordered = references.map { values[$0]! }
        let names = references
        digests = ParallelMap.map(Array(ordered.indices), transform: { index in
            Array(names[index].utf8) + [0] + Array(SHA256.hash(data: CanonicalJSON.bytes(ordered[index])))
        })
        edges = ordered.map { [index] value in Array(Set(Self.references(in: value).compactMap { index[$0] })) }
    }

    /// The fingerprint of an operation: its definition and, in a fixed order, every
    /// reference it reaches with the digest of what that reference holds.
    func fingerprint(of operation: AssayCore.Operation) -> String {
        let definition = Self.definition(of: operation, in: model)
        var reached = [Bool](repeating: false, count: references.count)
        var pending = Self.references(in: definition).compactMap { index[$0] }
        while let node = pending.popLast() {
            guard !reached[node] else { continue }
            reached[node] = true
            pending += edges[node]
        }
        var bytes = CanonicalJSON.bytes(definition)
        for node in reached.indices where reached[node] { bytes += digests[node] }
        return SHA256.hash(data: bytes).hexString
    }

    /// What defines an operation besides its references: the operation object, the
    /// method and path, the path item's parameters and summary, and its effective
    /// security with the schemes it names.
    static func definition(of operation: AssayCore.Operation, in model: APIModel) -> JSONValue {
        var object: JSONObject = [
            "method": .string(operation.method.rawValue),
            "path": .string(operation.path),
            "operation": model.document.value(at: operation.pointer) ?? .null,
        ]
        let pathItem = JSONPointer(tokens: Array(operation.pointer.tokens.dropLast()))
        if let shared = model.document.value(at: pathItem.appending("parameters")) { object["pathParameters"] = shared }
        object["security"] = .array(
            operation.security.map { requirement in
                .array(requirement.schemes.map { ["name": .string($0.name), "scopes": .array($0.scopes.map(JSONValue.string))] })
            })
        let names = Set(operation.security.flatMap { $0.schemes.map(\.name) })
        var schemes: JSONObject = [:]
        for name in names.sorted() {
            schemes[name] = model.document.value(at: JSONPointer(tokens: ["components", "securitySchemes", name])) ?? .null
        }
        object["securitySchemes"] = .object(schemes)
        return .object(object)
    }

    /// Every local `$ref` string inside `value`.
    static func references(in value: JSONValue) -> [String] {
        var found: [String] = []
        func walk(_ value: JSONValue) {
            switch value {
            case .object(let object):
                if let reference = object["$ref"]?.stringValue, reference.hasPrefix("#") { found.append(reference) }
                for member in object.values { walk(member) }
            case .array(let items):
                for item in items { walk(item) }
            default:
                break
            }
        }
        walk(value)
        return found
    }
}

/// JSON with object members sorted by key: equal values give equal bytes, whatever the
/// member order of the file they came from.
enum CanonicalJSON {
    static func bytes(_ value: JSONValue) -> [UInt8] {
        JSONWriter().bytes(sorted(value))
    }

    static func sorted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object):
            var result: JSONObject = [:]
            for key in object.keys.sorted() { result[key] = sorted(object[key]!) }
            return .object(result)
        case .array(let items):
            return .array(items.map(sorted))
        default:
            return value
        }
    }
}
