/// A JSON Schema from the description, with the place it sits in the document.
///
/// The schema is kept as the JSON the source wrote (after Swagger 2.0 conversion), not
/// as a typed model: a validator and a generator need every keyword, including the ones
/// no typed model knows. `$ref`s inside it point into ``APIModel/document``.
public struct Schema: Sendable, Hashable {
    /// The schema document: an object, or a boolean in OpenAPI 3.1.
    public var value: JSONValue
    /// Where the schema sits in ``APIModel/document``.
    public var pointer: JSONPointer

    /// Creates a schema.
    public init(value: JSONValue, pointer: JSONPointer) {
        self.value = value
        self.pointer = pointer
    }

    /// The `$ref` of a schema that is only a reference, such as `#/components/schemas/Pet`.
    public var reference: String? {
        value["$ref"]?.stringValue
    }

    /// The component name of a schema that is only a reference to `#/components/schemas/NAME`.
    public var componentName: String? {
        guard let reference, reference.hasPrefix("#/components/schemas/") else { return nil }
        return JSONPointer(reference)?.lastToken
    }
}
