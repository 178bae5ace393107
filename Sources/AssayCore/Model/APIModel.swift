public import OrderedCollections

/// One API description, normalized: what every later module of Assay consumes.
///
/// Swagger 2.0, OpenAPI 3.0 and OpenAPI 3.1 sources all become an `APIModel`. It is an
/// immutable value: operations with their parameters, bodies, responses and security
/// already resolved through `$ref`s, and the component schemas. Schemas stay JSON
/// Schema documents (``Schema``) in the dialect that ``schemaDialect`` names, with
/// `$ref`s that point into ``document``, so a validator or a generator can follow them.
public struct APIModel: Sendable {
    /// The title, version and description from `info`.
    public var info: Info
    /// What the source was written in.
    public var sourceFormat: SpecFormat
    /// How the JSON Schemas in this model are to be read.
    public var schemaDialect: SchemaDialect
    /// Where the API is served, with `{variables}`.
    public var servers: [Server]
    /// Every operation, in document order (paths, then methods in ``HTTPMethod`` order).
    public var operations: [Operation]
    /// `components/schemas` (`definitions` in Swagger 2.0), by name.
    public var schemas: OrderedDictionary<String, Schema>
    /// `components/securitySchemes` (`securityDefinitions` in Swagger 2.0), by name.
    public var securitySchemes: OrderedDictionary<String, SecurityScheme>
    /// The document-wide security requirements (an operation may override them).
    public var security: [SecurityRequirement]
    /// The tags declared at the top level, with their descriptions.
    public var tags: [Tag]
    /// The normalized OpenAPI 3.x document every pointer in this model refers into.
    public var document: JSONValue
    /// The file path or URL the description was loaded from.
    public var source: String

    /// The `info` object.
    public struct Info: Sendable, Hashable {
        public var title: String
        public var version: String
        public var description: String?
    }

    /// A tag declared at the top level.
    public struct Tag: Sendable, Hashable {
        public var name: String
        public var description: String?
    }

    /// The operation with this `operationId`, if any.
    public func operation(withID operationID: String) -> Operation? {
        operations.first { $0.operationID == operationID }
    }

    /// The value a local `$ref` (`#/components/schemas/Pet`) designates, following chains of `$ref`s.
    public func resolve(reference: String) -> JSONValue? {
        var seen: Set<String> = []
        var current = reference
        while seen.insert(current).inserted {
            guard let pointer = JSONPointer(current), let value = document.value(at: pointer) else { return nil }
            guard let next = value["$ref"]?.stringValue, value.objectValue?.count == 1 else { return value }
            current = next
        }
        return nil
    }
}

/// The language an API description was written in.
public enum SpecFormat: Sendable, Hashable, CustomStringConvertible {
    /// Swagger 2.0, converted to OpenAPI 3.0 on load.
    case swagger2
    /// OpenAPI 3.0.x, with the exact version string.
    case openAPI30(String)
    /// OpenAPI 3.1.x, with the exact version string.
    case openAPI31(String)

    /// The version as the source wrote it: `2.0`, `3.0.3`, `3.1.0`.
    public var version: String {
        switch self {
        case .swagger2: return "2.0"
        case .openAPI30(let version), .openAPI31(let version): return version
        }
    }

    public var description: String {
        switch self {
        case .swagger2: return "Swagger 2.0"
        case .openAPI30(let version), .openAPI31(let version): return "OpenAPI \(version)"
        }
    }
}

/// How the JSON Schemas of a model are to be read.
public enum SchemaDialect: String, Sendable, Hashable, Codable {
    /// OpenAPI 3.0's schema object (and Swagger 2.0's): draft-4 semantics plus `nullable`,
    /// boolean `exclusiveMinimum`/`exclusiveMaximum`, `discriminator`, `readOnly`/`writeOnly`.
    case openAPI30 = "oas30"
    /// OpenAPI 3.1's: JSON Schema 2020-12 plus `discriminator`.
    case openAPI31 = "oas31"
}

/// An HTTP method OpenAPI can describe.
public enum HTTPMethod: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case get, put, post, delete, options, head, patch, trace

    /// The method in upper case, as on the wire.
    public var name: String { rawValue.uppercased() }

    public static func < (lhs: HTTPMethod, rhs: HTTPMethod) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A server the API is served from.
public struct Server: Sendable, Hashable {
    /// The URL, possibly with `{variables}` and possibly relative.
    public var url: String
    public var description: String?
    /// The template variables with their defaults and allowed values.
    public var variables: OrderedDictionary<String, Variable>

    /// A server URL template variable.
    public struct Variable: Sendable, Hashable {
        public var defaultValue: String
        public var allowedValues: [String]
        public var description: String?
    }

    /// The URL with every variable replaced by its default.
    public var defaultURL: String {
        var result = url
        for (name, variable) in variables {
            result = result.replacingAll("{\(name)}", with: variable.defaultValue)
        }
        return result
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
