/// Tells where a `$ref` is a reference and where it is only data.
///
/// Real specs put `$ref`-shaped members inside examples (GitHub's SCIM examples hold
/// `{"$ref": "https://api.github.com/…"}` as payload), defaults, enums and vendor
/// extensions. Those are values to send or compare, never references to follow, let alone
/// to fetch: every walker that looks for references skips them.
enum ReferenceScope {
    /// Whether the member `key` of the object at `pointer`, holding `value`, is data.
    static func isData(key: String, value: JSONValue, in pointer: JSONPointer) -> Bool {
        switch key {
        case "default":
            // A server variable's default is a required string, not a payload.
            return pointer.parent?.lastToken != "variables"
        case "example", "enum", "const":
            return true
        case "value", "externalValue":
            // …/examples/NAME/value: an Example object's payload.
            return pointer.parent?.lastToken == "examples"
        case "examples":
            // A 3.1 schema's `examples` is a list of values; a media type's is a map of Example objects.
            if case .array = value { return true }
            return false
        default:
            return key.hasPrefix("x-")
        }
    }

    /// Maps whose keys are names chosen by the author: a `$ref` or `x-rate-limit` key in one
    /// is a name (a property, a header), not a reference or an extension.
    private static let nameMaps: Set<String> = [
        "properties", "patternProperties", "dependentSchemas", "definitions", "\u{24}defs", "headers", "content",
        "schemas", "responses", "parameters", "examples", "requestBodies", "securitySchemes", "links", "callbacks",
        "pathItems", "encoding", "variables", "scopes", "mapping", "webhooks",
    ]

    /// Whether an object at `pointer` is a map whose keys are names.
    static func isNameMap(_ pointer: JSONPointer) -> Bool {
        guard let last = pointer.lastToken, nameMaps.contains(last) else { return false }
        // A property that happens to be called `headers` is a schema, not a map of names.
        let parent = pointer.parent?.lastToken
        return parent != "properties" && parent != "patternProperties"
    }
}
