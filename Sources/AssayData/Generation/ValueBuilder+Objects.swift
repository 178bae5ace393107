import AssayCore
import OrderedCollections

extension ValueBuilder {
    /// An object with its required properties, a share of the optional ones, what
    /// `dependentRequired` and `minProperties` call for, and realistic values for
    /// properties whose names say what they hold.
    mutating func object(_ shape: SchemaShape, path: JSONPointer, references: Int) throws(DataError) -> JSONValue {
        let deep = references > options.maxReferenceDepth
        var shapes: [String: SchemaShape] = [:]
        func propertyShape(_ name: String, _ generator: SchemaValueGenerator) -> SchemaShape {
            if let known = shapes[name] { return known }
            let computed = generator.shape(of: shape.schemas(forProperty: name))
            shapes[name] = computed
            return computed
        }
        func excluded(_ property: SchemaShape) -> Bool {
            switch options.direction {
            case .request: return property.readOnly
            case .response: return property.writeOnly
            case .neutral: return false
            }
        }

        var chosen: OrderedSet<String> = []
        let required = Set(shape.required)
        for name in shape.required {
            guard shape.allows(property: name) else {
                throw DataError(
                    .unsatisfiable,
                    "the object at \(Self.place(path)) requires \"\(name)\", which `additionalProperties: false` forbids",
                    details: ["required", "additionalProperties false"]
                )
            }
            if excluded(propertyShape(name, generator)) {
                omitted.append((path, name))
                continue
            }
            chosen.append(name)
        }
        var optional = shape.properties.keys.filter { !required.contains($0) && shape.allows(property: $0) }
        optional.removeAll { excluded(propertyShape($0, generator)) }
        if !deep {
            for name in optional {
                switch options.optionalProperties {
                case .all: chosen.append(name)
                case .none: break
                case .some: if random.chance(options.optionalPropertyProbability) { chosen.append(name) }
                }
            }
        }
        // Properties that become required when another is present.
        var index = 0
        while index < chosen.count {
            for dependent in shape.dependentRequired[chosen[index]] ?? [] where shape.allows(property: dependent) {
                chosen.append(dependent)
            }
            index += 1
        }
        if let maximum = shape.maxProperties, chosen.count > maximum {
            let kept = chosen.filter { required.contains($0) }
            guard kept.count <= maximum else {
                throw DataError(
                    .unsatisfiable,
                    "the object at \(Self.place(path)) requires \(kept.count) properties but allows at most \(maximum)",
                    details: ["required", "maxProperties \(maximum)"]
                )
            }
            chosen = OrderedSet(kept + chosen.filter { !required.contains($0) }.prefix(maximum - kept.count))
        }
        // `minProperties`: more declared properties first, then made-up names where allowed.
        for name in optional where chosen.count < shape.minProperties && !chosen.contains(name) {
            chosen.append(name)
        }
        var extraNames = 0
        while chosen.count < shape.minProperties {
            extraNames += 1
            guard extraNames <= shape.minProperties + 16, let name = try additionalName(shape, taken: chosen, path: path) else {
                throw DataError(
                    .unsatisfiable,
                    "the object at \(Self.place(path)) needs \(shape.minProperties) properties but its schema allows fewer",
                    details: ["minProperties \(shape.minProperties)", "additionalProperties/propertyNames"]
                )
            }
            chosen.append(name)
        }

        var object = JSONObject()
        object.reserveCapacity(chosen.count)
        var semantic = SemanticContext(locale: options.locale, random: random.derived("persona"))
        let outer = random
        for name in chosen {
            random = outer.derived(name)
            let property = propertyShape(name, generator)
            let propertyPath = path.appending(name)
            let schemas = shape.schemas(forProperty: name)
            if let realistic = semanticValue(name: name, property: property, schemas: schemas, context: &semantic) {
                object[name] = realistic
                continue
            }
            do {
                object[name] = try value(
                    shape: property,
                    schemas: schemas,
                    name: name,
                    path: propertyPath,
                    references: references + property.referenceCount
                )
            } catch {
                // An optional property that cannot be built is left out; a required one sinks the object.
                if required.contains(name) || chosen.count <= shape.minProperties { throw error }
            }
        }
        random = outer
        _ = random.next()
        return .object(object)
    }

    /// A realistic value for a leaf property whose name (or format) says what it holds,
    /// when one satisfies the schema; `nil` to build it the generic way.
    private mutating func semanticValue(
        name: String,
        property: SchemaShape,
        schemas: [JSONValue],
        context: inout SemanticContext
    ) -> JSONValue? {
        guard options.semantics, property.enumValues == nil, property.constValue == nil, property.patterns.isEmpty,
            property.oneOfs.isEmpty, property.anyOfs.isEmpty, property.nots.isEmpty, property.conditionals.isEmpty
        else { return nil }
        if let types = property.types, types.contains("object") || types.contains("array") { return nil }
        let leaf = property.leafSchema(dialect: generator.dialect)
        guard let kind = SemanticInference.infer(propertyName: name, schema: leaf),
            let value = kind.value(for: leaf, context: &context, random: &random)
        else { return nil }
        // Not `cond ? value : nil`: JSONValue is ExpressibleByNilLiteral, so that `nil` would be a JSON null.
        guard generator.formatValidator.isValid(value, against: combinedSchema(schemas)) else { return nil }
        return value
    }

    /// A name for a property beyond the declared ones: from `patternProperties` when there
    /// are some, else a plain word; it must satisfy `propertyNames`.
    private mutating func additionalName(_ shape: SchemaShape, taken: OrderedSet<String>, path: JSONPointer) throws(DataError) -> String? {
        let open = shape.closedBranches.isEmpty
        for _ in 0..<12 {
            var candidate: String?
            if let pattern = shape.patternProperties.keys.first, random.chance(open ? 0.5 : 1) {
                candidate = try? generator.patterns.generator(for: pattern).generate(using: &random, length: 1...24)
            } else if open {
                if !shape.propertyNames.isEmpty,
                    case .string(let name) = try value(shape.propertyNames, name: nil, path: path, references: 0)
                {
                    candidate = name
                } else {
                    candidate = PlainText.words[random.index(PlainText.words.count)] + String(taken.count)
                }
            }
            guard let name = candidate, !taken.contains(name), shape.allows(property: name) else { continue }
            if shape.propertyNames.contains(where: { !generator.validator.isValid(.string(name), against: $0) }) { continue }
            return name
        }
        return nil
    }
}

extension SchemaShape {
    /// The leaf constraints as one plain schema (2020-12 spelling of bounds), for the
    /// semantic generators.
    func leafSchema(dialect: SchemaDialect) -> JSONValue {
        var object = JSONObject()
        if let types {
            var names = types.sorted()
            if nullable { names.append("null") }
            object["type"] = names.count == 1 ? .string(names[0]) : .array(names.map(JSONValue.string))
        }
        if minLength > 0 { object["minLength"] = .integer(minLength) }
        if let maxLength { object["maxLength"] = .integer(maxLength) }
        if let format { object["format"] = .string(format) }
        if let lower { object[lower.exclusive ? "exclusiveMinimum" : "minimum"] = lower.value }
        if let upper { object[upper.exclusive ? "exclusiveMaximum" : "maximum"] = upper.value }
        if let step = multipleOf.first { object["multipleOf"] = step }
        return .object(object)
    }
}
