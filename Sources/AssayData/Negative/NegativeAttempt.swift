import AssayCore

/// One proposed break: the rule, what should report it, and candidate replacements for
/// one value of the instance, best first (the first that fails for exactly this rule wins).
struct NegativeAttempt {
    var rule: NegativeRule
    var keyword: String
    var schemaPointer: JSONPointer
    /// Where the validator should report the break.
    var instancePointer: JSONPointer
    /// The value the candidates replace (the object that loses or gains a property, for instance).
    var editPointer: JSONPointer
    var candidates: [JSONValue]
    /// The label of the variant a candidate becomes.
    var label: (JSONValue) -> String
}
