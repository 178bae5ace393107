import AssayCore
import OrderedCollections

/// One schema object that applies to a value of the instance, where it sits in the
/// document, and the outermost `oneOf`/`anyOf` branch it was reached through.
struct NegativeSchemaNode {
    var schema: JSONObject
    var pointer: JSONPointer
    var branch: NegativeBranch?
}

/// A `oneOf`/`anyOf` whose matching branch is being broken: the validator reports only the
/// combinator, at the value it applies to, whatever broke inside.
struct NegativeBranch: Hashable {
    /// `oneOf` or `anyOf`.
    var keyword: String
    /// The value the combinator applies to.
    var instancePointer: JSONPointer
    /// The combinator keyword's place in the document.
    var schemaPointer: JSONPointer
}

/// Every schema object that applies to one value, plus the access annotations seen on the
/// way (also beside a draft 4 `$ref`, where real descriptions put them).
struct NegativeNodeSet {
    var nodes: [NegativeSchemaNode] = []
    var readOnly = false
    var writeOnly = false
    /// OpenAPI 3.0's `nullable: true` on one of them: `null` is accepted.
    var nullable = false
}
