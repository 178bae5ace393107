import AssayCore
import OrderedCollections

/// A schema with its `$ref`s followed and its `allOf` branches merged into one set of
/// constraints: what the generator builds a value from.
///
/// Sub-schemas (a property's, the items') stay lists of raw schemas, flattened only when
/// the generator descends into them, so a large document is never expanded as a whole.
struct SchemaShape: Sendable {
    /// One end of a numeric range.
    struct Bound: Sendable {
        var value: JSONValue
        var exclusive: Bool
        var number: Double { value.doubleValue ?? 0 }
    }

    /// Allowed JSON types; `nil` when no `type` constrains the value.
    var types: Set<String>?
    /// OpenAPI 3.0 `nullable: true` on every merged branch that constrains the type.
    var nullable = false
    var enumValues: [JSONValue]?
    var constValue: JSONValue?

    var minLength = 0
    var maxLength: Int?
    var patterns: [String] = []
    var format: String?

    var lower: Bound?
    var upper: Bound?
    var multipleOf: [JSONValue] = []

    var items: [JSONValue] = []
    var prefixItems: [[JSONValue]] = []
    /// `items: false` after `prefixItems`, or draft 4 `additionalItems: false` after an array `items`.
    var noExtraItems = false
    var minItems = 0
    var maxItems: Int?
    var uniqueItems = false
    var contains: [JSONValue] = []
    var minContains = 1
    var maxContains: Int?

    var properties: OrderedDictionary<String, [JSONValue]> = [:]
    var required: OrderedSet<String> = []
    var patternProperties: OrderedDictionary<String, [JSONValue]> = [:]
    var additionalProperties: [JSONValue] = []
    /// Names a branch with `additionalProperties: false` allows, intersected over such branches
    /// (each with its `patternProperties` patterns); `nil` when no branch closes the object.
    var closedBranches: [(names: Set<String>, patterns: [String])] = []
    var propertyNames: [JSONValue] = []
    var minProperties = 0
    var maxProperties: Int?
    var dependentRequired: OrderedDictionary<String, [String]> = [:]

    var oneOfs: [[JSONValue]] = []
    var anyOfs: [[JSONValue]] = []
    var nots: [JSONValue] = []
    var conditionals: [(condition: JSONValue, then: JSONValue?, otherwise: JSONValue?)] = []
    var discriminator: (propertyName: String, mapping: [(String, String)])?

    var readOnly = false
    var writeOnly = false
    /// `example`, `examples` and `default` of the outermost schema and its `$ref` targets.
    var examples: [JSONValue] = []
    /// The component the schema is (the last `$ref` followed names it), for discriminators.
    var componentReference: String?
    /// How many `$ref`s were followed to reach this shape.
    var referenceCount = 0
    /// Contradictions found while merging, each naming the keywords involved.
    var conflicts: [String] = []
    /// `false` (the schema that accepts nothing) was among the branches.
    var isFalse = false

    /// Whether a property named `name` may appear under the closed branches.
    func allows(property name: String) -> Bool {
        for branch in closedBranches {
            if branch.names.contains(name) { continue }
            if branch.patterns.contains(where: { JSONSchemaValidator.patternMatches($0, name) == true }) { continue }
            return false
        }
        return true
    }

    /// The schemas a property named `name` must satisfy: its declared schema, matching
    /// `patternProperties`, or else `additionalProperties`.
    func schemas(forProperty name: String) -> [JSONValue] {
        var result = properties[name] ?? []
        var matched = !result.isEmpty
        for (pattern, schemas) in patternProperties where JSONSchemaValidator.patternMatches(pattern, name) == true {
            result += schemas
            matched = true
        }
        if !matched { result += additionalProperties }
        return result
    }
}

/// Combines a list of schemas into one: the schema itself for one, `allOf` for several.
func combinedSchema(_ schemas: [JSONValue]) -> JSONValue {
    switch schemas.count {
    case 0: return .object([:])
    case 1: return schemas[0]
    default: return .object(["allOf": .array(schemas)])
    }
}
