import AssayCore
import OrderedCollections

/// Reads schemas of the description the way the mock needs: `$ref`s followed, properties
/// gathered through `allOf`, the type a value should take.
struct SchemaLookup: Sendable {
    let model: APIModel

    /// A schema with its `$ref` chain followed.
    func resolve(_ schema: JSONValue) -> JSONValue {
        guard let reference = schema["$ref"]?.stringValue else { return schema }
        return model.resolve(reference: reference) ?? schema
    }

    /// The declared properties of an object schema, through `$ref`s and `allOf` (the
    /// first declaration of a name wins).
    func properties(of schema: JSONValue, depth: Int = 0) -> OrderedDictionary<String, JSONValue> {
        guard depth < 8 else { return [:] }
        let resolved = resolve(schema)
        var result: OrderedDictionary<String, JSONValue> = [:]
        for (name, property) in resolved["properties"]?.objectValue ?? [:] { result[name] = property }
        for part in resolved["allOf"]?.arrayValue ?? [] {
            for (name, property) in properties(of: part, depth: depth + 1) where result[name] == nil { result[name] = property }
        }
        return result
    }

    /// The properties of an object schema and of its `anyOf`/`oneOf` branches: where a
    /// member of a value read from text may be declared.
    func anyProperties(of schema: JSONValue, depth: Int = 0) -> OrderedDictionary<String, JSONValue> {
        guard depth < 8 else { return [:] }
        var result = properties(of: schema)
        let resolved = resolve(schema)
        for branch in (resolved["anyOf"]?.arrayValue ?? []) + (resolved["oneOf"]?.arrayValue ?? []) {
            for (name, property) in anyProperties(of: branch, depth: depth + 1) where result[name] == nil { result[name] = property }
        }
        return result
    }

    /// The `type`s a schema names, through `$ref`s and `allOf` (empty when it names none).
    func types(of schema: JSONValue, depth: Int = 0) -> [String] {
        guard depth < 8 else { return [] }
        let resolved = resolve(schema)
        switch resolved["type"] {
        case .string(let type)?: return [type]
        case .array(let types)?: return types.compactMap(\.stringValue)
        default: break
        }
        for part in resolved["allOf"]?.arrayValue ?? [] {
            let found = types(of: part, depth: depth + 1)
            if !found.isEmpty { return found }
        }
        if resolved["properties"] != nil { return ["object"] }
        if resolved["items"] != nil { return ["array"] }
        return []
    }

    /// Whether values of the schema are arrays or objects (they travel differently in
    /// parameters than scalars).
    func isStructured(_ schema: JSONValue) -> Bool {
        let types = types(of: schema)
        return !types.isEmpty && types.allSatisfy { $0 == "array" || $0 == "object" }
    }

    /// Whether some values of the schema are arrays: its type, or a branch's.
    func admitsArrays(_ schema: JSONValue, depth: Int = 0) -> Bool {
        guard depth < 8 else { return false }
        if types(of: schema).contains("array") { return true }
        let resolved = resolve(schema)
        let branches = (resolved["anyOf"]?.arrayValue ?? []) + (resolved["oneOf"]?.arrayValue ?? [])
        return branches.contains { admitsArrays($0, depth: depth + 1) }
    }

    /// The `items` schema of an array schema.
    func items(of schema: JSONValue) -> JSONValue? {
        let resolved = resolve(schema)
        if let items = resolved["items"], items.objectValue != nil { return items }
        for part in resolved["allOf"]?.arrayValue ?? [] {
            if let items = items(of: part) { return items }
        }
        return nil
    }

    /// Whether a property schema carries `readOnly: true` (or `writeOnly: true`).
    func isMarked(_ keyword: String, _ schema: JSONValue, depth: Int = 0) -> Bool {
        guard depth < 8 else { return false }
        let resolved = resolve(schema)
        if resolved[keyword] == .bool(true) { return true }
        return (resolved["allOf"]?.arrayValue ?? []).contains { isMarked(keyword, $0, depth: depth + 1) }
    }

    /// Whether the `required` error's property is `readOnly` (with `keyword` "readOnly") or
    /// `writeOnly`: a required property of that kind is absent from requests (or
    /// responses) by design. The property is looked up next to the failing `required`,
    /// then in the object schema's `allOf` branches.
    func requiredErrorIsExempt(_ error: SchemaValidationError, keyword: String) -> Bool {
        guard error.keyword == "required", let owner = error.keywordPointer.parent,
            let schema = model.document.value(at: owner),
            let name = Self.propertyName(inRequiredMessage: error.message)
        else { return false }
        guard let property = properties(of: schema)[name] else { return false }
        return isMarked(keyword, property)
    }

    /// `the required property "name" is missing` → `name`.
    static func propertyName(inRequiredMessage message: String) -> String? {
        guard let open = message.firstIndex(of: "\""), let close = message.lastIndex(of: "\""), open < close else { return nil }
        return String(message[message.index(after: open)..<close])
    }
}

extension SchemaLookup {
    /// The schema of the member at `pointer` inside values of `schema`, through declared
    /// properties and array items (`/data/id` → the `id` property of the `data` property).
    func schema(at pointer: JSONPointer, within schema: JSONValue) -> JSONValue? {
        var current = schema
        for token in pointer.tokens {
            if let next = properties(of: current)[token] {
                current = next
            } else if Int(token) != nil, let items = items(of: current) {
                current = items
            } else {
                return nil
            }
        }
        return current
    }
}
