public import AssayCore

/// Derives minimal invalid variants from a valid instance of a schema: each breaks exactly
/// one rule and keeps everything else valid, so each can become a validation test that
/// expects a 4xx.
///
/// The generator walks the schema and the instance together (through local `$ref`s,
/// `allOf`, the matching branches of `oneOf`/`anyOf`, `if`/`then`/`else`, dependent
/// schemas, properties, pattern properties, additional properties and items) and, at each
/// value, proposes a break for every assertion that applies there: boundary values for
/// numbers and lengths, a missing required property, an unexpected property, and so on.
///
/// Every candidate is validated against the schema with formats asserted before it is
/// returned; it is kept only when the validator reports the labelled keyword at the
/// labelled place and nothing else. A proposal none of whose candidates passes that check
/// is dropped and counted (see ``variantsWithDiagnostics(of:schemaAt:random:limit:)``).
public struct NegativeGenerator: Sendable {
    /// The root `#/...` references resolve in: the whole API description, or the schema.
    public var document: JSONValue
    /// The schema dialect of the document.
    public var dialect: SchemaDialect
    /// Which way instances travel (decides whether `readOnly` or `writeOnly` properties are skipped).
    public var direction: NegativeDirection
    /// Whether `format` counts as an assertion: format variants are produced, and every
    /// candidate is checked with formats asserted.
    public var assertFormats: Bool
    /// The largest array built to break `maxItems` (a larger `maxItems` is not broken): past
    /// this a body tests capacity more than validation, and checking it costs a validation
    /// of every item.
    public var maxBuiltItems: Int

    /// Creates a generator.
    ///
    /// - Parameters:
    ///   - document: the root that `#/...` references resolve in (the whole OpenAPI
    ///     document, or the schema itself).
    ///   - dialect: OpenAPI 3.0 (draft 4 with `nullable`) or 3.1 (2020-12).
    ///   - direction: `.request` skips `readOnly` properties, `.response` `writeOnly` ones.
    ///   - assertFormats: whether `format` is asserted (and broken).
    ///   - maxBuiltItems: the largest array built to break `maxItems`.
    public init(
        document: JSONValue,
        dialect: SchemaDialect,
        direction: NegativeDirection = .request,
        assertFormats: Bool = true,
        maxBuiltItems: Int = 1_000
    ) {
        self.document = document
        self.dialect = dialect
        self.direction = direction
        self.assertFormats = assertFormats
        self.maxBuiltItems = maxBuiltItems
    }

    /// Minimal invalid variants of `valid`, which must be valid against the schema at
    /// `schemaPointer` in ``document``; at most `limit` of them, in a deterministic order:
    /// breaks of specific assertions (required, bounds, lengths, pattern, enum, format,
    /// properties, items, …) first, then type breaks (a wrong type, `null`); each group in
    /// walk order (the instance's values outside-in, members in instance order, the
    /// schemas of a value in document order, their keywords in a fixed order).
    ///
    /// Returns nothing when `valid` is not valid or nothing sits at `schemaPointer`.
    public func variants(of valid: JSONValue, schemaAt schemaPointer: JSONPointer, random: inout SeededRandom, limit: Int = 200) -> [NegativeVariant]
    {
        variantsWithDiagnostics(of: valid, schemaAt: schemaPointer, random: &random, limit: limit).variants
    }

    /// The variants of ``variants(of:schemaAt:random:limit:)`` and how many proposed breaks
    /// were dropped because no candidate failed for exactly its rule (it broke another
    /// rule too, or made the value valid against another branch).
    public func variantsWithDiagnostics(
        of valid: JSONValue,
        schemaAt schemaPointer: JSONPointer,
        random: inout SeededRandom,
        limit: Int = 200
    ) -> (variants: [NegativeVariant], dropped: Int) {
        guard limit > 0, let schema = document.value(at: schemaPointer) else { return ([], 0) }
        var formats = assertFormats
        var checker = JSONSchemaValidator(dialect: dialect, assertFormats: formats).prepared(for: document)
        if !checker.isValid(valid, against: schema, schemaPointer: schemaPointer) {
            // A value that only breaks formats (an example written loosely) still serves for
            // every other rule, checked without formats.
            guard formats else { return ([], 0) }
            formats = false
            checker = JSONSchemaValidator(dialect: dialect, assertFormats: false).prepared(for: document)
            guard checker.isValid(valid, against: schema, schemaPointer: schemaPointer) else { return ([], 0) }
        }
        var walk = NegativeWalk(
            document: document,
            dialect: dialect,
            direction: direction,
            formats: formats,
            maxBuiltItems: maxBuiltItems,
            checker: checker,
            root: valid,
            rootSchema: schema,
            rootPointer: schemaPointer,
            limit: limit,
            random: random
        )
        walk.run()
        random = walk.random
        return (walk.variants, walk.dropped)
    }
}
