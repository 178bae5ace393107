import AssayCore
import OrderedCollections

/// One attempt at building a value: the walk down the schema with its random stream.
struct ValueBuilder {
    let generator: SchemaValueGenerator
    var random: SeededRandom
    /// Required properties left out on purpose (`readOnly` in requests, `writeOnly` in
    /// responses), so validation does not count them against the value.
    var omitted: [(path: JSONPointer, name: String)] = []

    /// Deepest nesting before the walk gives up: only a schema whose required members
    /// recurse forever gets here.
    static let maxNesting = 64
    /// Deepest chain of branch choices at one place (a `oneOf` branch holding a `oneOf`…):
    /// only a combinator that refers back to itself gets here.
    static let maxChoiceNesting = 16
    /// Branch choices made so far at the current place in the value.
    private var choiceNesting = 0

    init(generator: SchemaValueGenerator, random: SeededRandom) {
        self.generator = generator
        self.random = random
    }

    var options: GenerationOptions { generator.options }

    /// A value satisfying all of `schemas`.
    ///
    /// - Parameters:
    ///   - name: the property name the value is for, which steers realistic values.
    ///   - path: where the value sits in the instance (for error messages).
    ///   - references: how many `$ref`s deep the walk is (recursion bound).
    mutating func value(
        _ schemas: [JSONValue],
        name: String?,
        path: JSONPointer,
        references: Int) throws(DataError) -> JSONValue {
        guard path.tokens.count <= Self.maxNesting else {
            throw DataError(
                .unsatisfiable,
                "the value nests deeper than \(Self.maxNesting) levels at \(Self.place(path)): required members recurse without end",
                details: ["required properties or minItems form a cycle through $ref"]
            )
        }
        let shape = generator.shape(of: schemas)
        // A new place in the value: its choices start afresh.
        let outerChoices = choiceNesting
        choiceNesting = 0
        defer { choiceNesting = outerChoices }
        return try value(shape: shape, schemas: schemas, name: name, path: path, references: references + shape.referenceCount)
    }

    mutating func value(
        shape: SchemaShape,
        schemas: [JSONValue],
        name: String?,
        path: JSONPointer,
        references: Int
    ) throws(DataError) -> JSONValue {
        if !shape.conflicts.isEmpty {
            throw DataError(.unsatisfiable, "no value at \(Self.place(path)) can satisfy its schema", details: shape.conflicts)
        }
        let needsCheck = !shape.oneOfs.isEmpty || !shape.anyOfs.isEmpty || !shape.nots.isEmpty || !shape.conditionals.isEmpty
        if !needsCheck {
            return try direct(shape, schemas: schemas, name: name, path: path, references: references)
        }
        // Combinators: pick branches, build from the merged constraints (which satisfy the
        // chosen branches by construction), and check only what construction cannot promise:
        // that the value matches no other `oneOf` branch, no `not`, and an `if` it happens to
        // satisfy together with its `then`. Retry with other branches. The whole value is
        // validated once at the end (``SchemaValueGenerator``); validating every subtree at
        // every level again made deep schemas quadratic.
        guard choiceNesting < Self.maxChoiceNesting else {
            throw DataError(
                .unsatisfiable,
                "branch choices nest deeper than \(Self.maxChoiceNesting) levels at \(Self.place(path)): a `oneOf`/`anyOf` refers back to itself",
                details: ["oneOf/anyOf"]
            )
        }
        choiceNesting += 1
        defer { choiceNesting -= 1 }
        var lastError: DataError?
        // Only the outermost choice retries: retrying at every nested level too would
        // multiply the attempts.
        let attempts = choiceNesting == 1 ? max(1, options.attempts) : 1
        for _ in 0..<attempts {
            var extra: [JSONValue] = []
            var discriminatorValue: String?
            var excluded: [JSONValue] = shape.nots
            var unchosenConditions: [(condition: JSONValue, then: JSONValue?)] = []
            for group in shape.oneOfs {
                let chosen = random.index(group.count)
                extra.append(group[chosen])
                excluded += group.indices.filter { $0 != chosen }.map { group[$0] }
                if let discriminator = shape.discriminator, case .string(let reference)? = group[chosen].objectValue?["$ref"] {
                    discriminatorValue = Self.discriminatorValue(for: reference, mapping: discriminator.mapping)
                }
            }
            for group in shape.anyOfs {
                let branch = group[random.index(group.count)]
                extra.append(branch)
                if let discriminator = shape.discriminator, case .string(let reference)? = branch.objectValue?["$ref"] {
                    discriminatorValue = Self.discriminatorValue(for: reference, mapping: discriminator.mapping)
                }
            }
            for conditional in shape.conditionals {
                if random.chance(0.5) {
                    extra.append(conditional.condition)
                    if let then = conditional.then { extra.append(then) }
                } else {
                    if let otherwise = conditional.otherwise { extra.append(otherwise) }
                    unchosenConditions.append((conditional.condition, conditional.then))
                }
            }
            // The chosen branches join the schemas; the combinators already decided are left
            // out of the merge at every depth (a `$ref` target's own `oneOf` included), or the
            // same choice would be made again without end.
            var merged = generator.shape(of: schemas + extra, combinatorsFrom: schemas.count)
            merged.examples = shape.examples
            do {
                var value = try value(
                    shape: merged,
                    schemas: schemas + extra,
                    name: name,
                    path: path,
                    references: references + merged.referenceCount
                )
                if let discriminator = shape.discriminator, let discriminatorValue, case .object(var object) = value {
                    object[discriminator.propertyName] = .string(discriminatorValue)
                    value = .object(object)
                }
                let validator = generator.validator
                let matchesExcluded = excluded.contains { validator.isValid(value, against: $0) }
                let breaksCondition = unchosenConditions.contains { condition, then in
                    guard let then else { return false }
                    return validator.isValid(value, against: condition) && !validator.isValid(value, against: then)
                }
                if !matchesExcluded && !breaksCondition { return value }
                lastError = DataError(.unsatisfiable, "no combination of branches at \(Self.place(path)) gave a valid value", details: ["oneOf/anyOf/not/if"])
            } catch {
                lastError = error
            }
        }
        throw lastError ?? DataError(.unsatisfiable, "no value at \(Self.place(path)) satisfies its schema")
    }

    /// The discriminator value naming the branch `reference` (its key in `mapping`, or the
    /// component's name).
    static func discriminatorValue(for reference: String, mapping: [(String, String)]) -> String {
        let name = reference.split(separator: "/").last.map(String.init) ?? reference
        if let entry = mapping.first(where: { $0.1 == reference || $0.1 == name }) { return entry.0 }
        return name
    }

    /// Builds a value from a shape without combinators.
    private mutating func direct(
        _ shape: SchemaShape,
        schemas: [JSONValue],
        name: String?,
        path: JSONPointer,
        references: Int
    ) throws(DataError) -> JSONValue {
        if let constValue = shape.constValue { return constValue }
        // Real descriptions carry examples of the wrong type (`example: ""` on an integer):
        // only a valid one is used, and one that breaks its format (`"2020-01-01"` as a
        // date-time) is not repeated as data either.
        if let candidate = example(from: shape, leafOnly: true),
            generator.formatValidator.isValid(candidate, against: combinedSchema(schemas))
        {
            return candidate
        }
        if let values = shape.enumValues {
            return try enumValue(values, shape: shape, path: path)
        }
        switch chooseType(shape) {
        case "null": return .null
        case "boolean": return .bool(random.chance(0.5))
        case "integer": return try number(shape, integer: true, name: name, path: path)
        case "number":
            // `type: number, format: int32` is whole numbers (an asserting validator says so).
            let whole = shape.format == "int32" || shape.format == "int64"
            return try number(shape, integer: whole, name: name, path: path)
        case "array": return try array(shape, name: name, path: path, references: references)
        case "object": return try object(shape, path: path, references: references)
        default: return try string(shape, name: name, path: path)
        }
    }

    /// An example, `examples` entry or `default` of the schema, when the dice say so (the
    /// caller checks that it is valid). Objects and arrays are built instead (their examples would repeat in every
    /// record); their members' examples are used.
    private mutating func example(from shape: SchemaShape, leafOnly: Bool) -> JSONValue? {
        guard options.useExamples, !shape.examples.isEmpty, random.chance(0.4) else { return nil }
        let candidate = shape.examples[random.index(shape.examples.count)]
        switch candidate {
        case .object, .array: if leafOnly { return nil }
        case .null: return nil
        default: break
        }
        return candidate
    }

    private mutating func enumValue(_ values: [JSONValue], shape: SchemaShape, path: JSONPointer) throws(DataError) -> JSONValue {
        var candidates = values.filter { value in
            if value == .null { return shape.nullable || shape.types?.contains("null") != false }
            guard let types = shape.types else { return true }
            return types.contains(Self.typeName(value)) || (Self.typeName(value) == "integer" && types.contains("number"))
                || (types.contains("integer") && value.doubleValue.map { $0 == $0.rounded() } == true)
        }
        if candidates.count > 1 { candidates.removeAll { $0 == .null } }
        guard !candidates.isEmpty else {
            throw DataError(.unsatisfiable, "no `enum` value at \(Self.place(path)) has an allowed `type`", details: ["enum", "type"])
        }
        return candidates[random.index(candidates.count)]
    }

    /// `/owner/name`, or "the root" for the value itself.
    static func place(_ path: JSONPointer) -> String {
        path.tokens.isEmpty ? "the root" : path.description
    }

    static func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .double(let double): return double == double.rounded() && abs(double) < 1e15 ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// The type to build: one of the allowed types (rarely `null`), or the one the keywords imply.
    private mutating func chooseType(_ shape: SchemaShape) -> String {
        if var types = shape.types {
            if shape.nullable { types.insert("null") }
            let ordered = ["object", "array", "string", "integer", "number", "boolean", "null"].filter { types.contains($0) }
            // `number` and `integer` together: one is enough.
            var choices = ordered.filter { $0 != "null" }
            if choices.contains("integer") && choices.contains("number") { choices.removeAll { $0 == "number" } }
            if choices.isEmpty { return "null" }
            if ordered.contains("null") && random.chance(0.05) { return "null" }
            return choices[random.index(choices.count)]
        }
        if !shape.properties.isEmpty || !shape.required.isEmpty || !shape.patternProperties.isEmpty || shape.minProperties > 0
            || !shape.additionalProperties.isEmpty || !shape.closedBranches.isEmpty
        {
            return "object"
        }
        if !shape.items.isEmpty || !shape.prefixItems.isEmpty || shape.minItems > 0 || shape.maxItems != nil || !shape.contains.isEmpty {
            return "array"
        }
        if shape.lower != nil || shape.upper != nil || !shape.multipleOf.isEmpty {
            return shape.format == "int32" || shape.format == "int64" ? "integer" : "number"
        }
        switch shape.format {
        case "int32", "int64": return "integer"
        case "float", "double": return "number"
        default: return "string"
        }
    }
}
