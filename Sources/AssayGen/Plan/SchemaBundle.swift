public import AssayCore
import Foundation
import OrderedCollections

/// The response schemas a plan checks, as one JSON Schema 2020-12 document.
///
/// The document is the description cut down to what the checks need: each schema an
/// expectation points at, and everything those schemas reference, kept at the same JSON
/// pointers, so `#/components/schemas/Pet` and the plan's `expect.schema` pointers resolve
/// in it unchanged. OpenAPI 3.0 schema objects are translated to 2020-12 (`nullable`
/// becomes a `null` type, boolean `exclusiveMinimum`/`exclusiveMaximum` become numbers,
/// siblings of `$ref` are dropped as 3.0 ignores them), so the native runner and Python's
/// `jsonschema` in the emitted suite validate against the very same schemas.
public struct SchemaBundle: Sendable, Hashable {
    /// The document: a sparse copy of the description.
    public var document: JSONValue

    public init(document: JSONValue) {
        self.document = document
    }

    /// The bundle of the schemas at `pointers` in `model`'s description.
    public init(model: APIModel, pointers: [JSONPointer]) {
        let translate = model.schemaDialect == .openAPI30
        var placed: [JSONPointer: JSONValue] = [:]
        var pending = pointers
        var seen: Set<JSONPointer> = []
        while let pointer = pending.popLast() {
            guard seen.insert(pointer).inserted, let value = model.document.value(at: pointer) else { continue }
            let schema = translate ? Self.translated(value) : value
            placed[pointer] = schema
            for reference in ComponentDigests.references(in: schema) {
                if let target = JSONPointer(reference) { pending.append(target) }
            }
        }
        self.init(document: Self.sparse(placed))
    }

    /// The part of this bundle that the schemas at `pointers` need (they and everything
    /// they reference), at the same pointers: what a single reproduction carries.
    public func subset(_ pointers: [JSONPointer]) -> SchemaBundle {
        var placed: [JSONPointer: JSONValue] = [:]
        var pending = pointers
        while let pointer = pending.popLast() {
            guard placed[pointer] == nil, let value = document.value(at: pointer) else { continue }
            placed[pointer] = value
            for reference in ComponentDigests.references(in: value) {
                if let target = JSONPointer(reference) { pending.append(target) }
            }
        }
        return SchemaBundle(document: Self.sparse(placed))
    }

    /// A document holding each value at its pointer; a value inside one already placed is
    /// there already.
    static func sparse(_ placed: [JSONPointer: JSONValue]) -> JSONValue {
        var document: JSONValue = .object([:])
        var done: Set<[String]> = []
        let ordered = placed.keys.sorted { $0.tokens.count != $1.tokens.count ? $0.tokens.count < $1.tokens.count : $0.tokens.lexicographicallyPrecedes($1.tokens) }
        for pointer in ordered {
            // Only a proper prefix can already hold it: check each prefix once.
            if (0..<pointer.tokens.count).contains(where: { done.contains(Array(pointer.tokens[..<$0])) }) { continue }
            set(placed[pointer]!, at: pointer.tokens[...], in: &document)
            done.insert(pointer.tokens)
        }
        return document
    }

    /// The schema at `pointer`, to validate a body against (with ``document`` as the root
    /// its references resolve in).
    public func schema(at pointer: JSONPointer) -> JSONValue? {
        document.value(at: pointer)
    }

    /// Sets `value` at `tokens` below `root`, creating objects on the way.
    static func set(_ value: JSONValue, at tokens: ArraySlice<String>, in root: inout JSONValue) {
        guard let first = tokens.first else {
            root = value
            return
        }
        guard case .object(var object) = root else { return }
        var child = object[first] ?? .object([:])
        object[first] = .null  // release the reference so the child is mutated in place
        set(value, at: tokens.dropFirst(), in: &child)
        object[first] = child
        root = .object(object)
    }

    /// An OpenAPI 3.0 schema object as JSON Schema 2020-12.
    static func translated(_ schema: JSONValue) -> JSONValue {
        guard case .object(let object) = schema else { return schema }
        let nullable = object["nullable"]?.boolValue == true
        if let reference = object["$ref"] {
            // 3.0 ignores `$ref`'s siblings, but descriptions put `nullable` there and mean it.
            return nullable ? ["anyOf": [["type": "null"], ["$ref": reference]]] : ["$ref": reference]
        }
        var result: JSONObject = [:]
        for (key, value) in object {
            switch key {
            case "properties", "patternProperties", "definitions", "$defs", "dependentSchemas":
                guard case .object(let members) = value else {
                    result[key] = value
                    continue
                }
                var translatedMembers: JSONObject = [:]
                for (name, member) in members { translatedMembers[name] = translated(member) }
                result[key] = .object(translatedMembers)
            case "items", "additionalProperties", "not", "contains", "propertyNames", "if", "then", "else",
                "unevaluatedItems", "unevaluatedProperties", "additionalItems":
                if case .array(let items) = value, key == "items" {
                    // A draft-4 tuple: 2020-12 spells it prefixItems.
                    result["prefixItems"] = .array(items.map(translated))
                } else {
                    result[key] = translated(value)
                }
            case "allOf", "anyOf", "oneOf", "prefixItems":
                result[key] = value.arrayValue.map { .array($0.map(translated)) } ?? value
            case "nullable", "exclusiveMinimum", "exclusiveMaximum", "minimum", "maximum":
                break  // handled below, together
            default:
                result[key] = value
            }
        }
        // Bounds: draft 4's boolean exclusive flags qualify minimum/maximum.
        for (bound, flag) in [("minimum", "exclusiveMinimum"), ("maximum", "exclusiveMaximum")] {
            let limit = object[bound]
            switch object[flag] {
            case .bool(true)?:
                if let limit { result[flag] = limit }
            case .bool(false)?, nil:
                if let limit { result[bound] = limit }
            case let number?:
                // Already 2020-12 style in a 3.0 document: keep both as written.
                result[flag] = number
                if let limit { result[bound] = limit }
            }
        }
        guard nullable else { return .object(result) }
        // `nullable: true` accepts null whatever the other keywords say. A plain typed
        // schema takes `null` into its type (and enum), keeping its shape; one whose
        // combinators would refuse null is wrapped.
        let combined = ["allOf", "anyOf", "oneOf", "not"].contains { result[$0] != nil }
        guard !combined, let type = result["type"] else { return ["anyOf": [["type": "null"], .object(result)]] }
        switch type {
        case .string(let name): result["type"] = [.string(name), "null"]
        case .array(let names) where !names.contains("null"): result["type"] = .array(names + ["null"])
        default: break
        }
        if case .array(let values)? = result["enum"], !values.contains(.null) { result["enum"] = .array(values + [.null]) }
        return .object(result)
    }
}
