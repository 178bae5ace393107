public import AssayCore
import OrderedCollections

/// Generates JSON values that satisfy a JSON Schema of an API description (OpenAPI 3.0's
/// draft-4 dialect or 3.1's 2020-12).
///
/// The generator builds a value from the schema's constraints directly (it does not guess
/// and filter), then checks the result with ``JSONSchemaValidator``: a value it returns is
/// valid. Parts the construction cannot guarantee (`oneOf` exclusivity, `not`, a pattern
/// next to a format) are checked where they occur and regenerated with fresh choices;
/// when every attempt fails, the schema is reported as unsatisfiable with the keywords
/// that conflict.
///
/// Values are a pure function of the schema, the options and the ``SeededRandom`` passed
/// in: the same seed gives the same value, on every run of the same Assay version.
public struct SchemaValueGenerator: Sendable {
    /// The document `#/...` references resolve in: the whole API description, or the
    /// schema itself for a standalone schema.
    public let document: JSONValue
    public let dialect: SchemaDialect
    public let options: GenerationOptions
    let validator: JSONSchemaValidator
    /// Asserts `format` too: a value the generator picks rather than builds (an example, a
    /// realistic value inferred from a property's name) must not break the declared format
    /// (a `relativeBeginDate` of `format: duration` is a duration, not a date).
    let formatValidator: JSONSchemaValidator
    let patterns = PatternCache()
    /// The targets of the local `$ref`s followed so far (`nil`: a reference to nothing).
    let references = MemoCache<JSONValue?>()
    /// The shapes of the schemas that are only a `$ref`, by reference.
    let shapes = MemoCache<SchemaShape>()

    public init(document: JSONValue, dialect: SchemaDialect, options: GenerationOptions = GenerationOptions()) {
        self.document = document
        self.dialect = dialect
        self.options = options
        // Prepared: the document's identifier index is built once for all the values checked.
        self.validator = JSONSchemaValidator(dialect: dialect).prepared(for: document)
        self.formatValidator = JSONSchemaValidator(dialect: dialect, assertFormats: true).prepared(for: document)
    }

    /// A generator for the schemas of a loaded API description.
    public init(model: APIModel, options: GenerationOptions = GenerationOptions()) {
        self.init(document: model.document, dialect: model.schemaDialect, options: options)
    }

    /// A valid value for the schema at `pointer` in the document.
    public func value(forSchemaAt pointer: JSONPointer, random: inout SeededRandom) throws(DataError) -> JSONValue {
        guard let schema = document.value(at: pointer) else {
            throw DataError(.invalidSchema, "there is no schema at \(pointer)", at: pointer)
        }
        return try value(for: schema, at: pointer, random: &random)
    }

    /// A valid value for `schema`, whose `$ref`s resolve in the document.
    ///
    /// - Parameter pointer: where `schema` sits in the document, for error messages.
    public func value(for schema: JSONValue, at pointer: JSONPointer = .root, random: inout SeededRandom) throws(DataError) -> JSONValue {
        var lastErrors: [SchemaValidationError] = []
        for attempt in 0..<max(1, options.attempts) {
            var builder = ValueBuilder(generator: self, random: random.derived(UInt64(attempt)))
            let value: JSONValue
            do {
                value = try builder.value([schema], name: nil, path: .root, references: 0)
            } catch {
                throw DataError(error.code, error.message, at: error.schemaPointer ?? pointer, details: error.details)
            }
            // The quiet check stops at the first failure; the full report is built only for a
            // value that fails or has required members left out on purpose.
            let valid = builder.omitted.isEmpty && validator.isValid(value, against: schema, schemaPointer: pointer)
            let errors = valid ? [] : relevantErrors(validator.validate(value, against: schema, schemaPointer: pointer), builder: builder)
            if errors.isEmpty {
                _ = random.next()  // Advance the caller's stream so consecutive values differ.
                return value
            }
            lastErrors = errors
        }
        var details: [String] = []
        for error in lastErrors.prefix(6) {
            details.append("\(error.keyword) at \(error.keywordPointer): \(error.message) (value at \(error.instancePointer))")
        }
        throw DataError(
            .unsatisfiable,
            "no value satisfying the schema was found in \(options.attempts) attempts; the keywords below conflict or cannot be met",
            at: pointer,
            details: details
        )
    }

    /// Drops the `required` failures the builder caused on purpose: a required `readOnly`
    /// property is left out of a request (OpenAPI: its `required` applies to responses only),
    /// a required `writeOnly` one out of a response.
    private func relevantErrors(_ errors: [SchemaValidationError], builder: ValueBuilder) -> [SchemaValidationError] {
        guard !builder.omitted.isEmpty else { return errors }
        return errors.filter { error in
            guard error.keyword == "required" else { return true }
            return !builder.omitted.contains { omission in
                omission.path == error.instancePointer && error.message.contains("\"\(omission.name)\"")
            }
        }
    }
}
