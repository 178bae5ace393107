/// Validates JSON instances against JSON Schemas.
///
/// The dialect of a schema: draft 4 semantics for Swagger 2.0 / OpenAPI 3.0 schema objects
/// (plus OpenAPI 3.0's `nullable`, boolean `exclusiveMinimum/Maximum`, and ignoring
/// `discriminator`, `readOnly`, `writeOnly`, `xml`, `example`, `externalDocs`, `deprecated`),
/// and 2020-12 for OpenAPI 3.1.
///
/// Every keyword of both drafts is implemented, including `$dynamicRef` and the
/// `unevaluated*` keywords. `format` is an annotation unless ``assertFormats`` is on.
/// References resolve inside the document given to ``validate(_:against:in:schemaPointer:)``,
/// inside ``documents`` (known documents by URI), and to Assay's own meta-schemas; nothing
/// is ever fetched. Recursion is bounded: a reference that comes back to the same schema
/// at the same instance location is reported instead of looping.
public struct JSONSchemaValidator: Sendable {
    /// A JSON Schema draft.
    public enum Draft: Sendable, Hashable {
        case draft4
        case draft2020_12
    }

    /// The draft whose keywords apply.
    public var draft: Draft
    /// OpenAPI 3.0's extras on draft 4: a schema object with `nullable: true` accepts `null`
    /// whatever its other keywords say (also next to `$ref`, `allOf` or `enum`, as real
    /// descriptions rely on).
    public var openAPI: Bool
    /// Whether `format` asserts the common formats (date-time, date, time, email, hostname,
    /// ipv4, ipv6, uri, uuid; `int32` and `int64` ranges for numbers) instead of being only
    /// an annotation.
    public var assertFormats: Bool
    /// Documents `$ref`s may name by absolute URI (keys without a fragment, or with an empty one).
    public var documents: [String: JSONValue]
    /// Says whether the property `name`, required by the object schema `schema` and absent
    /// from the instance, may be absent after all: OpenAPI lets a request leave out a
    /// required `readOnly` property and a response a required `writeOnly` one. Asked only
    /// for missing properties, so the common case pays nothing; `nil` exempts none.
    public var requiredExemption: (@Sendable (_ schema: JSONObject, _ name: String) -> Bool)?
    /// The document of ``prepared(for:)`` and its identifier index, shared by every call
    /// that does not name another document.
    var prepared: (document: JSONValue, index: SchemaIndexCache)?

    /// Creates a validator for a draft.
    ///
    /// - Parameters:
    ///   - openAPI: adds OpenAPI 3.0's `nullable` to draft 4.
    ///   - assertFormats: checks the common `format`s.
    ///   - documents: documents known by URI, for references to other documents.
    public init(draft: Draft, openAPI: Bool = false, assertFormats: Bool = false, documents: [String: JSONValue] = [:]) {
        self.draft = draft
        self.openAPI = openAPI
        self.assertFormats = assertFormats
        self.documents = documents
    }

    /// Creates the validator for an API description's schema dialect: draft 4 with the
    /// OpenAPI 3.0 extras for ``SchemaDialect/openAPI30``, 2020-12 for ``SchemaDialect/openAPI31``.
    public init(dialect: SchemaDialect, assertFormats: Bool = false, documents: [String: JSONValue] = [:]) {
        switch dialect {
        case .openAPI30: self.init(draft: .draft4, openAPI: true, assertFormats: assertFormats, documents: documents)
        case .openAPI31: self.init(draft: .draft2020_12, openAPI: false, assertFormats: assertFormats, documents: documents)
        }
    }

    /// Validates `instance` against `schema`.
    ///
    /// - Parameters:
    ///   - document: the root that `#/...` references resolve in (for an OpenAPI document,
    ///     the whole document, so `#/components/schemas/X` works); `schema` itself by default.
    ///   - schemaPointer: where `schema` sits in `document`; error keyword pointers start there.
    /// - Returns: every failure found, empty when the instance is valid.
    public func validate(
        _ instance: JSONValue,
        against schema: JSONValue,
        in document: JSONValue? = nil,
        schemaPointer: JSONPointer = .root
    ) -> [SchemaValidationError] {
        evaluator(schema, document, schemaPointer).run(instance, quiet: false)
    }

    /// Whether `instance` is valid against `schema`; stops at the first failure.
    public func isValid(
        _ instance: JSONValue,
        against schema: JSONValue,
        in document: JSONValue? = nil,
        schemaPointer: JSONPointer = .root
    ) -> Bool {
        evaluator(schema, document, schemaPointer).run(instance, quiet: true).isEmpty
    }

    /// A validator for many calls against one document (an API description): the index of
    /// its identifiers is built once instead of on each call. Its calls use `document`
    /// whenever they pass no document of their own.
    public func prepared(for document: JSONValue) -> JSONSchemaValidator {
        var copy = self
        copy.prepared = (document, SchemaIndexCache())
        return copy
    }

    private func evaluator(_ schema: JSONValue, _ document: JSONValue?, _ schemaPointer: JSONPointer) -> SchemaEvaluator {
        if document == nil, let prepared {
            return SchemaEvaluator(
                validator: self,
                schema: schema,
                document: prepared.document,
                schemaPointer: schemaPointer,
                sharedIndex: prepared.index
            )
        }
        return SchemaEvaluator(validator: self, schema: schema, document: document ?? schema, schemaPointer: schemaPointer)
    }
}

extension JSONSchemaValidator {
    /// Whether the ECMA-262 `pattern` matches anywhere in `string`, with the same engine
    /// and translation `pattern` and `patternProperties` use; `nil` when the pattern does
    /// not compile. Generators check their output with it.
    public static func patternMatches(_ pattern: String, _ string: String) -> Bool? {
        JSONSchemaRegex.shared.matches(pattern, string)
    }
}
