import AssayCore
import Foundation
import OrderedCollections

extension SchemaValueGenerator {
    /// Flattens `schemas` (all of which apply) into one shape.
    ///
    /// - Parameter combinatorsFrom: the index of the first schema whose `oneOf`/`anyOf`/
    ///   `not`/`if` are collected; those of earlier schemas (at any depth, through `$ref`
    ///   and `allOf`) are left out, because the caller has already chosen their branches.
    func shape(of schemas: [JSONValue], combinatorsFrom: Int = 0) -> SchemaShape {
        // A schema that is only a reference (`{$ref: '#/definitions/Pet'}`, what most
        // properties and items are) has the shape of its target, the same every time: kept.
        if schemas.count == 1, combinatorsFrom == 0, case .object(let object) = schemas[0], object.count == 1,
            case .string(let reference)? = object["$ref"]
        {
            return shapes.value(for: reference) { mergedShape(of: schemas, combinatorsFrom: 0) }
        }
        return mergedShape(of: schemas, combinatorsFrom: combinatorsFrom)
    }

    private func mergedShape(of schemas: [JSONValue], combinatorsFrom: Int) -> SchemaShape {
        var shape = SchemaShape()
        var typeConstraints = 0
        var nullableConstraints = 0
        for (offset, schema) in schemas.enumerated() {
            merge(
                schema, into: &shape, outermost: offset == 0, combinators: offset >= combinatorsFrom, guardDepth: 0,
                types: &typeConstraints, nullables: &nullableConstraints)
        }
        // OpenAPI 3.0: null is allowed when every branch that names a type says `nullable`.
        shape.nullable = dialect == .openAPI30 && typeConstraints > 0 && nullableConstraints == typeConstraints
        return shape
    }

    /// Resolves a local `$ref` (`#/json/pointer`) in the document.
    func resolve(reference: String) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        return references.value(for: reference) { resolveUncached(reference: reference) }
    }

    private func resolveUncached(reference: String) -> JSONValue? {
        var fragment = String(reference.dropFirst())
        if fragment.contains("%"), let decoded = fragment.removingPercentEncoding { fragment = decoded }
        if fragment.isEmpty { return document }
        guard let pointer = JSONPointer(fragment) else { return nil }
        return document.value(at: pointer)
    }

    private func merge(
        _ schema: JSONValue,
        into shape: inout SchemaShape,
        outermost: Bool,
        combinators: Bool,
        guardDepth: Int,
        types: inout Int,
        nullables: inout Int
    ) {
        if guardDepth > 48 {
            shape.conflicts.append("`$ref`/`allOf` chain deeper than 48 levels (a reference cycle)")
            return
        }
        switch schema {
        case .bool(true): return
        case .bool(false):
            shape.isFalse = true
            shape.conflicts.append("the schema `false` accepts no value")
            return
        case .object: break
        default: return  // Not a schema: constrains nothing (the loader already warned).
        }
        guard case .object(let object) = schema else { return }

        if outermost && options.useExamples {
            if let example = object["example"] { shape.examples.append(example) }
            if case .array(let examples)? = object["examples"] { shape.examples += examples }
            if let value = object["default"] { shape.examples.append(value) }
        }

        if case .string(let reference)? = object["$ref"] {
            shape.referenceCount += 1
            if let target = resolve(reference: reference) {
                shape.componentReference = reference
                merge(target, into: &shape, outermost: outermost, combinators: combinators, guardDepth: guardDepth + 1, types: &types, nullables: &nullables)
            } else {
                shape.conflicts.append("`$ref` \(reference) does not resolve in the document")
            }
            // OpenAPI 3.0 / draft 4: siblings of `$ref` are ignored, except `nullable`, which
            // real descriptions put there and validators honour.
            if dialect == .openAPI30 {
                if object["nullable"] == .bool(true) { nullables += 1; types += 1; shape.nullable = true }
                return
            }
        }

        if let type = object["type"] {
            let named: Set<String>
            switch type {
            case .string(let name): named = [name]
            case .array(let names): named = Set(names.compactMap(\.stringValue))
            default: named = []
            }
            if !named.isEmpty {
                types += 1
                if object["nullable"] == .bool(true) { nullables += 1 }
                shape.types = intersect(shape.types, named, conflicts: &shape.conflicts)
            }
        }

        if let values = object["enum"]?.arrayValue {
            if let existing = shape.enumValues {
                shape.enumValues = existing.filter { value in values.contains { JSONEquality.equal($0, value) } }
                if shape.enumValues?.isEmpty == true { shape.conflicts.append("`enum` lists of merged schemas share no value") }
            } else {
                shape.enumValues = values
            }
        }
        if let value = object["const"] {
            if let existing = shape.constValue, !JSONEquality.equal(existing, value) {
                shape.conflicts.append("two different `const` values")
            }
            shape.constValue = value
        }

        // Strings.
        if let value = object["minLength"]?.intValue { shape.minLength = max(shape.minLength, value) }
        if let value = object["maxLength"]?.intValue { shape.maxLength = min(shape.maxLength ?? .max, value) }
        if case .string(let pattern)? = object["pattern"], !shape.patterns.contains(pattern) { shape.patterns.append(pattern) }
        if case .string(let format)? = object["format"], shape.format == nil { shape.format = format }

        // Numbers: draft 4 spells exclusivity as a boolean beside the bound, 2020-12 as a bound of its own.
        mergeBounds(object, into: &shape)
        if let value = object["multipleOf"], value.doubleValue.map({ $0 > 0 }) == true { shape.multipleOf.append(value) }

        // Arrays.
        switch object["items"] {
        case .array(let tuple)?:
            mergePrefix(tuple, into: &shape)
            if object["additionalItems"] == .bool(false) { shape.noExtraItems = true }
            if let extra = object["additionalItems"], case .object = extra { shape.items.append(extra) }
        case .bool(false)?:
            shape.noExtraItems = true
        case let items?:
            shape.items.append(items)
        case nil:
            break
        }
        if case .array(let prefix)? = object["prefixItems"] { mergePrefix(prefix, into: &shape) }
        if let value = object["minItems"]?.intValue { shape.minItems = max(shape.minItems, value) }
        if let value = object["maxItems"]?.intValue { shape.maxItems = min(shape.maxItems ?? .max, value) }
        if object["uniqueItems"] == .bool(true) { shape.uniqueItems = true }
        if let contains = object["contains"] {
            shape.contains.append(contains)
            if let value = object["minContains"]?.intValue { shape.minContains = max(shape.minContains, value) }
            if let value = object["maxContains"]?.intValue { shape.maxContains = min(shape.maxContains ?? .max, value) }
        }

        // Objects.
        if case .object(let properties)? = object["properties"] {
            for (name, schema) in properties { shape.properties[name, default: []].append(schema) }
        }
        if case .array(let required)? = object["required"] {
            for case .string(let name) in required { shape.required.append(name) }
        }
        if case .object(let patterns)? = object["patternProperties"] {
            for (pattern, schema) in patterns { shape.patternProperties[pattern, default: []].append(schema) }
        }
        switch object["additionalProperties"] {
        case .bool(false)?:
            let names = Set(object["properties"]?.objectValue?.keys.map { $0 } ?? [])
            let patterns = object["patternProperties"]?.objectValue?.keys.map { $0 } ?? []
            shape.closedBranches.append((names, patterns))
        case .object(let extra)? where !extra.isEmpty:
            shape.additionalProperties.append(.object(extra))
        default:
            break
        }
        if let names = object["propertyNames"] { shape.propertyNames.append(names) }
        if let value = object["minProperties"]?.intValue { shape.minProperties = max(shape.minProperties, value) }
        if let value = object["maxProperties"]?.intValue { shape.maxProperties = min(shape.maxProperties ?? .max, value) }
        for key in ["dependentRequired", "dependencies"] {
            guard case .object(let dependencies)? = object[key] else { continue }
            for (name, value) in dependencies {
                guard case .array(let names) = value else { continue }  // Schema dependencies are left to validation.
                shape.dependentRequired[name, default: []] += names.compactMap(\.stringValue)
            }
        }

        // Combinators.
        if combinators, case .array(let branches)? = object["oneOf"], !branches.isEmpty { shape.oneOfs.append(branches) }
        if combinators, case .array(let branches)? = object["anyOf"], !branches.isEmpty { shape.anyOfs.append(branches) }
        if combinators, let not = object["not"] { shape.nots.append(not) }
        if combinators, let condition = object["if"], dialect == .openAPI31 {
            shape.conditionals.append((condition, object["then"], object["else"]))
        }
        if case .object(let discriminator)? = object["discriminator"], case .string(let name)? = discriminator["propertyName"],
            shape.discriminator == nil
        {
            let mapping = discriminator["mapping"]?.objectValue?.compactMap { key, value in value.stringValue.map { (key, $0) } } ?? []
            shape.discriminator = (name, mapping)
        }
        if object["readOnly"] == .bool(true) { shape.readOnly = true }
        if object["writeOnly"] == .bool(true) { shape.writeOnly = true }

        if case .array(let branches)? = object["allOf"] {
            for branch in branches {
                merge(branch, into: &shape, outermost: false, combinators: combinators, guardDepth: guardDepth + 1, types: &types, nullables: &nullables)
            }
        }
    }

    private func mergePrefix(_ schemas: [JSONValue], into shape: inout SchemaShape) {
        for (index, schema) in schemas.enumerated() {
            if index < shape.prefixItems.count {
                shape.prefixItems[index].append(schema)
            } else {
                shape.prefixItems.append([schema])
            }
        }
    }

    private func mergeBounds(_ object: JSONObject, into shape: inout SchemaShape) {
        var lower: SchemaShape.Bound?
        var upper: SchemaShape.Bound?
        if let minimum = object["minimum"], minimum.doubleValue != nil {
            lower = .init(value: minimum, exclusive: object["exclusiveMinimum"] == .bool(true))
        }
        if let maximum = object["maximum"], maximum.doubleValue != nil {
            upper = .init(value: maximum, exclusive: object["exclusiveMaximum"] == .bool(true))
        }
        // `doubleValue` is nil for the draft 4 boolean form, handled above.
        if let bound = object["exclusiveMinimum"], bound.doubleValue != nil {
            let candidate = SchemaShape.Bound(value: bound, exclusive: true)
            if lower == nil || candidate.number >= lower!.number { lower = candidate }
        }
        if let bound = object["exclusiveMaximum"], bound.doubleValue != nil {
            let candidate = SchemaShape.Bound(value: bound, exclusive: true)
            if upper == nil || candidate.number <= upper!.number { upper = candidate }
        }
        if let lower {
            if let current = shape.lower {
                if lower.number > current.number || (lower.number == current.number && lower.exclusive) { shape.lower = lower }
            } else {
                shape.lower = lower
            }
        }
        if let upper {
            if let current = shape.upper {
                if upper.number < current.number || (upper.number == current.number && upper.exclusive) { shape.upper = upper }
            } else {
                shape.upper = upper
            }
        }
    }

    private func intersect(_ current: Set<String>?, _ named: Set<String>, conflicts: inout [String]) -> Set<String> {
        guard let current else { return named }
        var result = current.intersection(named)
        // `integer` is a kind of `number`.
        if current.contains("number") && named.contains("integer") { result.insert("integer") }
        if named.contains("number") && current.contains("integer") { result.insert("integer") }
        if result.isEmpty {
            conflicts.append("`type` \(current.sorted()) and `type` \(named.sorted()) share no type")
        }
        return result
    }
}
