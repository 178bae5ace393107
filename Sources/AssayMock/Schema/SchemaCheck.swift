import AssayCore
import OrderedCollections

/// Validates values of one direction against schemas of the description, as OpenAPI
/// reads them: a required `readOnly` property may be absent from a request, a required
/// `writeOnly` one from a response.
struct SchemaCheck: Sendable {
    /// Which way values travel.
    enum Direction: Sendable {
        case request, response

        /// The marker of the properties a value of this direction may leave out although required.
        var exemptKeyword: String { self == .request ? "readOnly" : "writeOnly" }
    }

    let validator: JSONSchemaValidator
    let lookup: SchemaLookup
    let direction: Direction

    init(model: APIModel, lookup: SchemaLookup, direction: Direction, assertFormats: Bool) {
        var validator = JSONSchemaValidator(dialect: model.schemaDialect, assertFormats: assertFormats)
        // One pass decides: the exemption is asked where a required property is missing,
        // instead of validating again for messages and filtering the `required` ones out.
        let keyword = direction.exemptKeyword
        validator.requiredExemption = { schema, name in
            guard let property = lookup.properties(of: .object(schema))[name] else { return false }
            return lookup.isMarked(keyword, property)
        }
        self.validator = validator.prepared(for: model.document)
        self.lookup = lookup
        self.direction = direction
    }

    /// The failures of `value` against the schema at `pointer`; empty when valid (or when
    /// nothing sits at `pointer`).
    func errors(_ value: JSONValue, schemaAt pointer: JSONPointer) -> [SchemaValidationError] {
        guard let schema = lookup.model.document.value(at: pointer) else { return [] }
        return errors(value, schema: schema, pointer: pointer)
    }

    /// The failures of `value` against `schema`, which sits at `pointer` (or `.root` for a
    /// schema held only as a value, whose `$ref`s still resolve in the description).
    func errors(_ value: JSONValue, schema: JSONValue, pointer: JSONPointer = .root) -> [SchemaValidationError] {
        validator.validate(value, against: schema, schemaPointer: pointer)
    }

    /// Whether `value` is valid against the schema at `pointer`.
    func isValid(_ value: JSONValue, schemaAt pointer: JSONPointer) -> Bool {
        guard let schema = lookup.model.document.value(at: pointer) else { return true }
        return isValid(value, schema: schema, pointer: pointer)
    }

    /// Whether `value` is valid against `schema`.
    func isValid(_ value: JSONValue, schema: JSONValue, pointer: JSONPointer = .root) -> Bool {
        validator.isValid(value, against: schema, schemaPointer: pointer)
    }
}
