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
        case "example", "default", "enum", "const":
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

    /// Whether an object at `pointer` is a map whose keys are names, so that a `$ref` key in it is a name too.
    static func isNameMap(_ pointer: JSONPointer) -> Bool {
        pointer.lastToken == "properties" || pointer.lastToken == "patternProperties"
    }
}
