import AssayCore
import Foundation
import OrderedCollections

/// Reads parameters from the wire by their schema and style and validates them.
///
/// Every parameter travels as text, so a scalar is valid when one reading of its text is:
/// the text itself, an integer, a number, a boolean, or `null` for an empty text (the
/// readings a test planner considers before it calls a value invalid). Arrays in a query
/// follow their style (`a=1&a=2`, or `a=1,2` without `explode`); other structured values
/// are read from JSON text when they can be, and not held against the request when not.
struct ParameterReader: Sendable {
    /// A parameter's value as read, or why it is invalid.
    enum Outcome: Sendable {
        case absent
        case value(JSONValue)
        case invalid(shown: String, errors: [SchemaValidationError])
    }

    let check: SchemaCheck
    var lookup: SchemaLookup { check.lookup }

    /// Reads `parameter` from the request's values of its location (several for a
    /// repeated query name).
    func read(_ parameter: Parameter, texts: [String], query: [(name: String, value: String)]) -> Outcome {
        guard let schema = parameter.schema ?? parameter.content.first?.schema else {
            return texts.first.map { .value(.string($0)) } ?? .absent
        }
        let resolved = lookup.resolve(schema.value)
        if parameter.location == .query, parameter.style == "deepObject" {
            // `created[gt]=5&created[lt]=9`; a plain `created=5` is read like any other value.
            let prefix = parameter.name + "["
            let properties = lookup.anyProperties(of: resolved)
            var object: JSONObject = [:]
            for (name, value) in query where name.hasPrefix(prefix) && name.hasSuffix("]") {
                let member = String(name.dropFirst(prefix.count).dropLast())
                object[member] = scalar(value, schema: properties[member])
            }
            if !object.isEmpty {
                let errors = check.errors(.object(object), schemaAt: schema.pointer)
                return errors.isEmpty ? .value(.object(object)) : .invalid(shown: JSONWriter().string(.object(object)), errors: errors)
            }
        }
        guard let first = texts.first else { return .absent }
        if parameter.content.first != nil && parameter.schema == nil {
            // A media-type parameter: JSON text, else the text as it is.
            let value = (try? JSONValue.parse(Array(first.utf8))) ?? .string(first)
            return .value(value)
        }
        if lookup.types(of: resolved) == ["array"] || (lookup.isStructured(resolved) && lookup.items(of: resolved) != nil) {
            return array(parameter, schema: schema, texts: texts)
        }
        if lookup.isStructured(resolved) {
            // Objects: JSON text when it is valid; other encodings are taken as they come.
            if let parsed = try? JSONValue.parse(Array(first.utf8)), check.isValid(parsed, schemaAt: schema.pointer) {
                return .value(parsed)
            }
            return .value(.string(first))
        }
        var readings = Self.readings(first, preferring: lookup.types(of: resolved), lenientBooleans: parameter.location == .path)
        let parsed = try? JSONValue.parse(Array(first.utf8))
        let structured = parsed?.objectValue != nil || parsed?.arrayValue != nil
        if let parsed, structured {
            // A schema that admits objects or arrays besides scalars (`anyOf`): JSON text too.
            readings.append(parsed)
        }
        if parameter.location == .query && (texts.count > 1 || structured || (!first.isEmpty && lookup.admitsArrays(resolved))) {
            // …and an array of the repeated values (of objects, as JSON text): with
            // `explode`, one value is an array of one where the schema admits arrays.
            readings.append(.array(texts.map { scalar($0, schema: nil) }))
        }
        for reading in readings where check.isValid(reading, schemaAt: schema.pointer) {
            return .value(reading)
        }
        return .invalid(shown: first, errors: check.errors(readings[0], schemaAt: schema.pointer))
    }

    /// An array parameter: query items by style, others split on commas; each item read by
    /// the items' type.
    private func array(_ parameter: Parameter, schema: Schema, texts: [String]) -> Outcome {
        let items = lookup.items(of: schema.value)
        var pieces: [String]
        if parameter.location == .query && parameter.explode {
            pieces = texts
        } else {
            let separator: Character
            switch parameter.style {
            case "spaceDelimited": separator = " "
            case "pipeDelimited": separator = "|"
            default: separator = ","
            }
            pieces = texts.flatMap { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) }
            if pieces == [""] { pieces = [] }
        }
        let typed = JSONValue.array(pieces.map { scalar($0, schema: items) })
        if check.isValid(typed, schemaAt: schema.pointer) { return .value(typed) }
        let strings = JSONValue.array(pieces.map { .string($0) })
        if check.isValid(strings, schemaAt: schema.pointer) { return .value(strings) }
        if parameter.location != .query {
            // Outside a query, clients differ in how they write arrays (JSON text, Python
            // lists): only a JSON reading is checked, and nothing is refused.
            if let first = texts.first, let parsed = try? JSONValue.parse(Array(first.utf8)), check.isValid(parsed, schemaAt: schema.pointer) {
                return .value(parsed)
            }
            return .value(strings)
        }
        return .invalid(shown: texts.joined(separator: ","), errors: check.errors(typed, schemaAt: schema.pointer))
    }

    /// A text read as the first of its readings valid for `schema` (the first reading when
    /// none is, or without a schema).
    func scalar(_ text: String, schema: JSONValue?) -> JSONValue {
        guard let schema else {
            if let parsed = try? JSONValue.parse(Array(text.utf8)), parsed.objectValue != nil || parsed.arrayValue != nil { return parsed }
            return Self.readings(text, preferring: [], lenientBooleans: false)[0]
        }
        var readings = Self.readings(text, preferring: lookup.types(of: schema), lenientBooleans: false)
        if let parsed = try? JSONValue.parse(Array(text.utf8)), parsed.objectValue != nil || parsed.arrayValue != nil {
            // Nested values travel as JSON text in forms; first when the schema only takes them.
            if lookup.isStructured(schema) { readings.insert(parsed, at: 0) } else { readings.append(parsed) }
        }
        return readings.first { check.isValid($0, schema: schema) } ?? readings[0]
    }

    /// The values a text can stand for, the schema's preferred type first.
    ///
    /// - Parameter lenientBooleans: also reads `True` and `False` (how Python spells the
    ///   booleans it puts in paths).
    static func readings(_ text: String, preferring types: [String], lenientBooleans: Bool) -> [JSONValue] {
        var numbers: [JSONValue] = []
        if let integer = Int(text) {
            numbers.append(.integer(integer))
        } else if let double = Double(text), double.isFinite {
            if double.rounded() == double, let integer = Int(exactly: double) {
                numbers.append(.integer(integer))
            } else {
                numbers.append(.double(double))
            }
        }
        var booleans: [JSONValue] = []
        if text == "true" || text == "false" { booleans.append(.bool(text == "true")) }
        if lenientBooleans && (text == "True" || text == "False") { booleans.append(.bool(text == "True")) }
        let nulls: [JSONValue] = text.isEmpty || text == "null" ? [.null] : []
        let string: [JSONValue] = [.string(text)]
        let first = types.first ?? "string"
        switch first {
        case "integer", "number": return numbers + string + booleans + nulls
        case "boolean": return booleans + string + numbers + nulls
        case "null": return nulls + string + numbers + booleans
        default: return string + numbers + booleans + nulls
        }
    }
}
