public import OrderedCollections

/// One operation: a method on a path, with everything needed to call it and check the answer.
public struct Operation: Sendable, Hashable, Identifiable {
    /// `GET /pets/{petId}`: unique within a model, stable across loads.
    public var id: String { "\(method.name) \(path)" }
    public var method: HTTPMethod
    /// The path template as written, such as `/pets/{petId}`.
    public var path: String
    /// The `operationId`; unique within a model (a duplicate in the source is renamed, with a warning).
    public var operationID: String?
    public var summary: String?
    public var description: String?
    public var tags: [String]
    /// Path-level and operation-level parameters merged (the operation's win), `$ref`s resolved.
    public var parameters: [Parameter]
    public var requestBody: RequestBody?
    /// The documented responses, in document order.
    public var responses: [Response]
    /// The security requirements in effect: the operation's own, else the document's.
    /// Empty means no authentication; a requirement with no schemes means "anonymous allowed".
    public var security: [SecurityRequirement]
    /// Servers that override the document's for this operation.
    public var servers: [Server]
    public var deprecated: Bool
    /// The `x-` extensions of the operation.
    public var extensions: JSONObject
    /// Where the operation sits in ``APIModel/document``.
    public var pointer: JSONPointer

    /// The parameters of one location.
    public func parameters(in location: Parameter.Location) -> [Parameter] {
        parameters.filter { $0.location == location }
    }

    /// The response documented for an exact status code, else for its class (`2XX`), else `default`.
    public func response(for status: Int) -> Response? {
        let exact = String(status)
        let range = "\(status / 100)XX"
        return responses.first { $0.status == exact }
            ?? responses.first { $0.status.uppercased() == range }
            ?? responses.first { $0.status == "default" }
    }

    /// The `{names}` of ``path``, in order.
    public var pathVariables: [String] { Self.templateVariables(in: path) }

    /// The `{names}` in a path template, in order: `/pets/{petId}/toys/{toyId}` gives
    /// `petId`, `toyId`.
    public static func templateVariables(in path: String) -> [String] {
        var names: [String] = []
        var current: String?
        for character in path {
            if character == "{" {
                current = ""
            } else if character == "}" {
                if let name = current, !name.isEmpty { names.append(name) }
                current = nil
            } else if current != nil {
                current?.append(character)
            }
        }
        return names
    }

    /// Whether the operation requires credentials (no requirement is empty).
    public var isSecured: Bool {
        !security.isEmpty && !security.contains { $0.schemes.isEmpty }
    }
}

/// An operation parameter.
public struct Parameter: Sendable, Hashable {
    /// Where a parameter travels.
    public enum Location: String, Sendable, Hashable, CaseIterable, Codable {
        case path, query, header, cookie
    }

    public var name: String
    public var location: Location
    public var required: Bool
    public var deprecated: Bool
    public var description: String?
    /// The schema, when the parameter has one (else see ``content``).
    public var schema: Schema?
    /// The serialization style (`form`, `simple`, …), defaulted per location when absent.
    public var style: String
    public var explode: Bool
    public var allowEmptyValue: Bool
    public var allowReserved: Bool
    public var example: JSONValue?
    /// `content` for a parameter described by a media type instead of a schema.
    public var content: [MediaType]
    /// Where the parameter's definition sits in ``APIModel/document``.
    public var pointer: JSONPointer
}

/// A request body.
public struct RequestBody: Sendable, Hashable {
    public var required: Bool
    public var description: String?
    /// The accepted media types in document order.
    public var content: [MediaType]
    public var pointer: JSONPointer
}

/// One media type of a body.
public struct MediaType: Sendable, Hashable {
    /// `application/json`, `multipart/form-data`, …
    public var contentType: String
    public var schema: Schema?
    public var example: JSONValue?
    /// Named examples: their `value`s (external ones are left out).
    public var examples: [String: JSONValue]
    /// `encoding` for multipart and form bodies, as written.
    public var encoding: JSONObject
}

/// A documented response.
public struct Response: Sendable, Hashable {
    /// `200`, `2XX` or `default`.
    public var status: String
    public var description: String
    public var headers: [Header]
    public var content: [MediaType]
    public var links: [Link]
    public var pointer: JSONPointer

    /// The status code when ``status`` is an exact code.
    public var statusCode: Int? { Int(status) }
}

/// A documented response header.
public struct Header: Sendable, Hashable {
    public var name: String
    public var required: Bool
    public var description: String?
    public var schema: Schema?
}

/// An OpenAPI link from a response to another operation.
public struct Link: Sendable, Hashable {
    public var name: String
    public var operationID: String?
    public var operationRef: String?
    /// Parameter name → runtime expression or constant.
    public var parameters: JSONObject
    public var requestBody: JSONValue?
    public var description: String?
}

/// One alternative of a security requirement: every scheme listed must be satisfied.
public struct SecurityRequirement: Sendable, Hashable {
    /// Scheme name → required scopes.
    public var schemes: [(name: String, scopes: [String])]

    public init(schemes: [(name: String, scopes: [String])]) {
        self.schemes = schemes
    }

    public static func == (lhs: SecurityRequirement, rhs: SecurityRequirement) -> Bool {
        lhs.schemes.count == rhs.schemes.count
            && zip(lhs.schemes, rhs.schemes).allSatisfy { $0.name == $1.name && $0.scopes == $1.scopes }
    }

    public func hash(into hasher: inout Hasher) {
        for scheme in schemes {
            hasher.combine(scheme.name)
            hasher.combine(scheme.scopes)
        }
    }
}

/// A security scheme.
public struct SecurityScheme: Sendable, Hashable {
    /// How credentials are presented.
    public enum Kind: Sendable, Hashable {
        /// An API key in a header, query parameter or cookie.
        case apiKey(name: String, location: Parameter.Location)
        /// HTTP authentication: `basic`, `bearer`, …
        case http(scheme: String, bearerFormat: String?)
        /// OAuth 2.0, with its flows by name (`clientCredentials`, …) as written.
        case oauth2(flows: JSONObject)
        /// OpenID Connect discovery.
        case openIDConnect(url: String)
        /// Mutual TLS.
        case mutualTLS
    }

    public var name: String
    public var kind: Kind
    public var description: String?

    /// `apiKey`, `http`, `oauth2`, `openIdConnect` or `mutualTLS`, as OpenAPI names it.
    public var typeName: String {
        switch kind {
        case .apiKey: return "apiKey"
        case .http: return "http"
        case .oauth2: return "oauth2"
        case .openIDConnect: return "openIdConnect"
        case .mutualTLS: return "mutualTLS"
        }
    }
}
