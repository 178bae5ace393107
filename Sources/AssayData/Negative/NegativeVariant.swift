public import AssayCore

/// One minimal invalid value: a valid instance with exactly one rule broken.
///
/// Validating ``value`` against the schema fails, and every error the validator reports
/// has ``keyword`` as its keyword and ``instancePointer`` as its instance pointer.
public struct NegativeVariant: Sendable, Hashable {
    /// What is broken.
    public var rule: NegativeRule
    /// The JSON Schema keyword that reports the break: "required", "type", "minimum",
    /// "maxLength", "additionalProperties", "oneOf", …
    public var keyword: String
    /// Where in the instance the validator reports the break (for a missing property, the
    /// object that lacks it; for an additional property, the new property).
    public var instancePointer: JSONPointer
    /// The broken keyword's place in the document (for a broken branch, the `oneOf`/`anyOf`).
    public var schemaPointer: JSONPointer
    /// The whole instance with that one break.
    public var value: JSONValue
    /// For people: "missing required property 'name' at /owner".
    public var label: String

    /// Creates a variant.
    public init(
        rule: NegativeRule,
        keyword: String,
        instancePointer: JSONPointer,
        schemaPointer: JSONPointer,
        value: JSONValue,
        label: String
    ) {
        self.rule = rule
        self.keyword = keyword
        self.instancePointer = instancePointer
        self.schemaPointer = schemaPointer
        self.value = value
        self.label = label
    }
}
