public import AssayCore
import Foundation
public import OrderedCollections

/// What a client relies on in a schema, flattened: for the value and its members a few
/// levels down, the types it may have, the values an enum allows and the members an
/// object requires.
///
/// This is what a spec diff compares to flag breaking changes (a changed type, a narrowed
/// enum, a new required member). It is deliberately bounded (``maxDepth`` levels,
/// ``maxEntries`` places) so a plan that stores it stays small on specs the size of
/// Stripe's; changes deeper down still show through the operation's fingerprint.
public struct SchemaFacts: Sendable, Hashable {
    /// How many levels of members are followed below the value.
    public static let maxDepth = 3
    /// How many places are kept per schema.
    public static let maxEntries = 64

    /// The facts by place: `""` for the value itself, `/name` for a member, `/items/[]`
    /// for the items of an array member.
    public var entries: OrderedDictionary<String, SchemaFact>

    public init(entries: OrderedDictionary<String, SchemaFact> = [:]) {
        self.entries = entries
    }
}

/// The facts of one place in a schema.
public struct SchemaFact: Sendable, Hashable {
    /// The JSON types the value may have, sorted (`null` included when nullable); empty
    /// when the schema allows any type.
    public var types: [String]
    /// The values an enum (or a `const`) allows, when it restricts them.
    public var enumValues: [JSONValue]?
    /// The members an object requires, sorted.
    public var required: [String]

    public init(types: [String] = [], enumValues: [JSONValue]? = nil, required: [String] = []) {
        self.types = types
        self.enumValues = enumValues
        self.required = required
    }
}

extension SchemaFacts {
    /// The facts of `schema`, references resolved in `model`.
    public init(schema: JSONValue, model: APIModel) {
        var collector = Collector(model: model)
        collector.visit(schema, place: "", depth: 0, references: [])
        self.init(entries: collector.entries)
    }

    /// Walks a schema breadth-first enough to keep the top levels when the cap is reached.
    private struct Collector {
        let model: APIModel
        var entries: OrderedDictionary<String, SchemaFact> = [:]

        mutating func visit(_ schema: JSONValue, place: String, depth: Int, references: Set<String>) {
            guard entries.count < SchemaFacts.maxEntries else { return }
            var references = references
            let merged = flatten(schema, references: &references)
            entries[place] = SchemaFact(
                types: merged.types.sorted(),
                enumValues: merged.enumValues,
                required: merged.required.sorted()
            )
            guard depth < SchemaFacts.maxDepth else { return }
            for (name, member) in merged.properties where entries.count < SchemaFacts.maxEntries {
                visit(member, place: place + "/" + JSONPointer.escaped(name), depth: depth + 1, references: references)
            }
            if let items = merged.items, entries.count < SchemaFacts.maxEntries {
                visit(items, place: place + "/[]", depth: depth + 1, references: references)
            }
        }

        /// One schema with its `$ref`s followed and its `allOf` merged.
        struct Merged {
            var types: Set<String> = []
            var typesKnown = false
            var enumValues: [JSONValue]?
            var required: Set<String> = []
            var properties: OrderedDictionary<String, JSONValue> = [:]
            var items: JSONValue?
        }

        func flatten(_ schema: JSONValue, references: inout Set<String>) -> Merged {
            var result = Merged()
            merge(schema, into: &result, references: &references, depth: 0)
            return result
        }

        /// Adds what `schema` says to `result`. `allOf` members add constraints; `oneOf`
        /// and `anyOf` contribute only the union of their types (their members differ by
        /// branch, so no member is certain).
        func merge(_ schema: JSONValue, into result: inout Merged, references: inout Set<String>, depth: Int) {
            guard depth < 16, case .object(let object) = schema else { return }
            if let reference = object["$ref"]?.stringValue {
                guard references.insert(reference).inserted, let target = model.resolve(reference: reference) else { return }
                merge(target, into: &result, references: &references, depth: depth + 1)
                // Siblings of `$ref` count only in 3.1; in 3.0 they are ignored.
                if model.schemaDialect != .openAPI31 { return }
            }
            var own: Set<String> = []
            switch object["type"] {
            case .string(let name)?: own = [name]
            case .array(let names)?: own = Set(names.compactMap(\.stringValue))
            default: break
            }
            if !own.isEmpty, object["nullable"]?.boolValue == true { own.insert("null") }
            if own.contains("number") { own.insert("integer") }
            var alternatives: Set<String> = []
            var alternativesKnown = true
            for key in ["oneOf", "anyOf"] {
                guard let branches = object[key]?.arrayValue, !branches.isEmpty else { continue }
                for branch in branches {
                    var branchReferences = references
                    let merged = flatten(branch, references: &branchReferences)
                    if merged.typesKnown { alternatives.formUnion(merged.types) } else { alternativesKnown = false }
                }
                if alternativesKnown { own = own.isEmpty ? alternatives : own.intersection(alternatives) }
            }
            if !own.isEmpty {
                result.types = result.typesKnown ? result.types.intersection(own) : own
                result.typesKnown = true
            }
            if let values = object["enum"]?.arrayValue {
                result.enumValues = result.enumValues.map { current in current.filter(values.contains) } ?? values
            } else if let constant = object["const"] {
                result.enumValues = [constant]
            }
            if let names = object["required"]?.arrayValue { result.required.formUnion(names.compactMap(\.stringValue)) }
            if let properties = object["properties"]?.objectValue {
                for (name, member) in properties where result.properties[name] == nil { result.properties[name] = member }
            }
            if let items = object["items"], result.items == nil, case .object = items { result.items = items }
            for member in object["allOf"]?.arrayValue ?? [] {
                merge(member, into: &result, references: &references, depth: depth + 1)
            }
        }
    }
}
