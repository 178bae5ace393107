import Foundation
import OrderedCollections

/// Schemas: Swagger 2.0 schemas are nearly OpenAPI 3.0 schemas already. The walk keeps
/// the source member order and changes only what differs:
/// - `x-nullable: true` adds `nullable: true` (the extension is kept);
/// - `type: file` becomes `type: string, format: binary`;
/// - `discriminator: "kind"` becomes `discriminator: {propertyName: "kind"}`;
/// - `$ref`s are rewritten (see ``SwaggerConverter/schemaReference(_:at:)``).
///
/// Lenient repairs, each with a warning: a non-object schema becomes `{}`; `required: true`
/// on a property moves into the parent's `required` list; a list of types with `"null"`
/// becomes one type plus `nullable`; unknown types are dropped; a fractional bound on an
/// integer schema is rounded inwards; `readOnly` and `writeOnly` both true keeps `readOnly`.
extension SwaggerConverter {
    /// The JSON Schema types OpenAPI 3.0 knows.
    static let schemaTypes: Set<String> = ["string", "number", "integer", "boolean", "array", "object"]

    /// Converts the schema at `pointer` (a source pointer, for warnings).
    mutating func convertSchema(_ value: JSONValue, at pointer: JSONPointer) -> JSONValue {
        convertSchema(value, at: pointer, depth: 0, isProperty: false)
    }

    mutating func convertSchema(_ value: JSONValue, at pointer: JSONPointer, depth: Int, isProperty: Bool) -> JSONValue {
        guard depth <= Self.maxSchemaDepth else {
            warn("schema-too-deep", "the schema nests deeper than \(Self.maxSchemaDepth) levels; it is replaced by an empty schema", at: pointer)
            return .object([:])
        }
        guard case .object(let schema) = value else {
            warn("invalid-schema", "expected a schema object but found \(Self.kind(of: value)); an empty schema (any value) is used", at: pointer)
            return .object([:])
        }
        var rewrittenReference: String?
        if case .string(let reference)? = schema["$ref"] {
            rewrittenReference = schemaReference(reference, at: pointer.appending("$ref"))
        }

        let isFile = schema["type"]?.stringValue == "file"
        let isInteger = schema["type"]?.stringValue == "integer"
        var output = JSONObject()
        var requiredFromProperties: [String] = []
        for (key, member) in schema {
            let memberPointer = pointer.appending(key)
            switch key {
            case "$ref":
                guard let rewrittenReference else {
                    warn("invalid-reference", "$ref should be a string but is \(Self.kind(of: member)); it is dropped", at: memberPointer)
                    continue
                }
                output[key] = .string(rewrittenReference)
            case "properties":
                guard let properties = object(member, at: memberPointer) else { continue }
                var converted = JSONObject()
                for (name, property) in properties {
                    converted[name] = convertSchema(property, at: memberPointer.appending(name), depth: depth + 1, isProperty: true)
                    if property["required"] == .bool(true) {
                        requiredFromProperties.append(name)
                    }
                }
                output[key] = .object(converted)
            case "additionalProperties":
                switch member {
                case .bool: output[key] = member
                case .object: output[key] = convertSchema(member, at: memberPointer, depth: depth + 1, isProperty: false)
                default:
                    warn(
                        "invalid-schema",
                        "additionalProperties should be a boolean or a schema but is \(Self.kind(of: member)); it is dropped",
                        at: memberPointer
                    )
                }
            case "items":
                output[key] = convertItems(member, at: memberPointer, depth: depth)
            case "allOf", "anyOf", "oneOf":
                guard let subschemas = array(member, at: memberPointer) else { continue }
                var converted: [JSONValue] = []
                for (index, subschema) in subschemas.enumerated() {
                    converted.append(convertSchema(subschema, at: memberPointer.appending(index), depth: depth + 1, isProperty: false))
                }
                output[key] = .array(converted)
            case "not":
                output[key] = convertSchema(member, at: memberPointer, depth: depth + 1, isProperty: false)
            case "type":
                convertType(member, at: memberPointer, into: &output, hasNullable: schema["nullable"] != nil)
            case "format":
                if isFile { continue }
                if let format = string(member, at: memberPointer) { output[key] = .string(format) }
            case "discriminator":
                if let discriminator = convertDiscriminator(member, at: memberPointer) { output[key] = discriminator }
            case "x-nullable":
                output[key] = member
                if member == .bool(true) && schema["nullable"] == nil { output["nullable"] = true }
            case "required":
                switch member {
                case .array:
                    if let names = strings(member, at: memberPointer) { output[key] = .array(names.map(JSONValue.string)) }
                case .bool(let flag) where isProperty && flag:
                    // The parent lists this property in its `required` array.
                    warn(
                        "boolean-required",
                        "required: true is not valid inside a schema; the property is added to its parent's required list",
                        at: memberPointer
                    )
                default:
                    warn(
                        "boolean-required",
                        "required should be an array of property names but is \(Self.kind(of: member)); it is dropped",
                        at: memberPointer
                    )
                }
            case "readOnly", "writeOnly", "uniqueItems", "exclusiveMaximum", "exclusiveMinimum", "nullable", "deprecated":
                if let flag = bool(member, at: memberPointer) { output[key] = .bool(flag) }
            case "maximum", "minimum":
                if let number = number(member, at: memberPointer) {
                    output[key] = convertBound(number, key: key, isInteger: isInteger, at: memberPointer)
                }
            case "multipleOf", "maxLength", "minLength", "maxItems", "minItems", "maxProperties", "minProperties":
                if let number = number(member, at: memberPointer) { output[key] = number }
            case "externalDocs":
                if let docs = convertExternalDocs(member, at: memberPointer) { output[key] = docs }
            case "title", "description", "pattern":
                if let text = string(member, at: memberPointer) { output[key] = .string(text) }
            case "enum":
                if case .array = member {
                    output[key] = member
                } else {
                    warn("invalid-enum", "enum should be a list of values but is \(Self.kind(of: member)); it is dropped", at: memberPointer)
                }
            case "xml":
                if let xml = convertXML(member, at: memberPointer) { output[key] = xml }
            case "example", "default":
                output[key] = member
            default:
                output[key] = Self.isExtension(key) ? rewritingReferences(in: member) : member
            }
        }
        if !requiredFromProperties.isEmpty {
            var names = output["required"]?.arrayValue ?? []
            for name in requiredFromProperties where !names.contains(.string(name)) {
                names.append(.string(name))
            }
            output["required"] = .array(names)
        }
        dropInapplicableKeywords(from: &output, at: pointer)
        if output["readOnly"] == .bool(true) && output["writeOnly"] == .bool(true) {
            warn(
                "read-only-and-write-only",
                "a schema cannot be both readOnly and writeOnly; writeOnly is dropped",
                at: pointer.appending("writeOnly")
            )
            output["writeOnly"] = nil
        }
        return .object(output)
    }

    /// The keywords that constrain values of one JSON type only, by type group.
    static let typeSpecificKeywords: [String: String] = [
        "multipleOf": "number", "maximum": "number", "exclusiveMaximum": "number", "minimum": "number", "exclusiveMinimum": "number",
        "maxLength": "string", "minLength": "string", "pattern": "string",
        "items": "array", "maxItems": "array", "minItems": "array", "uniqueItems": "array",
        "maxProperties": "object", "minProperties": "object", "properties": "object", "additionalProperties": "object", "required": "object",
    ]

    /// Drops the keywords that cannot apply to the schema's single `type` (say `maxLength`
    /// on an array). JSON Schema ignores them anyway, so the meaning is unchanged; OpenAPI
    /// tooling reports them as inconsistent.
    private mutating func dropInapplicableKeywords(from output: inout JSONObject, at pointer: JSONPointer) {
        guard let type = output["type"]?.stringValue else { return }
        let group = type == "integer" ? "number" : type
        let inapplicable = output.keys.filter { key in Self.typeSpecificKeywords[key].map { $0 != group } ?? false }
        for key in inapplicable {
            warn("inapplicable-keyword", "\(key) does not apply to a schema of type \(type); it is dropped", at: pointer.appending(key))
            output[key] = nil
        }
    }

    /// A numeric keyword's value; a numeric string is read as its number, with a warning.
    private mutating func number(_ member: JSONValue, at pointer: JSONPointer) -> JSONValue? {
        switch member {
        case .integer, .double:
            return member
        case .string(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let int = Int(trimmed) {
                warn("non-numeric-value", "expected a number but found the string \"\(text)\"; it is read as \(int)", at: pointer)
                return .integer(int)
            }
            if let double = Double(trimmed), double.isFinite {
                warn("non-numeric-value", "expected a number but found the string \"\(text)\"; it is read as \(double)", at: pointer)
                return .double(double)
            }
        default:
            break
        }
        warn("invalid-type", "expected a number but found \(Self.kind(of: member)); it is dropped", at: pointer)
        return nil
    }

    /// `items`: a schema; a list of schemas (tuple form, not in OpenAPI) becomes its one
    /// element or an `anyOf` of them, with a warning.
    private mutating func convertItems(_ member: JSONValue, at pointer: JSONPointer, depth: Int) -> JSONValue {
        guard case .array(let schemas) = member else {
            return convertSchema(member, at: pointer, depth: depth + 1, isProperty: false)
        }
        warn("tuple-items", "items should be one schema, not a list; the list is read as any of its schemas", at: pointer)
        var converted: [JSONValue] = []
        for (index, schema) in schemas.enumerated() {
            converted.append(convertSchema(schema, at: pointer.appending(index), depth: depth + 1, isProperty: false))
        }
        if converted.count == 1, let only = converted.first { return only }
        return converted.isEmpty ? .object([:]) : ["anyOf": .array(converted)]
    }

    /// Type names from programming languages, read as the schema type they plainly mean.
    static let typeAliases: [String: (String, String?)] = [
        "int": ("integer", nil), "int32": ("integer", "int32"), "int64": ("integer", "int64"), "long": ("integer", "int64"),
        "float": ("number", "float"), "double": ("number", "double"), "bool": ("boolean", nil), "str": ("string", nil),
    ]

    /// `type`: `file` becomes a binary string; a list becomes one type (plus `nullable` for
    /// `"null"`); unknown types are dropped.
    private mutating func convertType(_ member: JSONValue, at pointer: JSONPointer, into output: inout JSONObject, hasNullable: Bool) {
        switch member {
        case .string("file"):
            output["type"] = "string"
            output["format"] = "binary"
        case .string(let type) where Self.schemaTypes.contains(type):
            output["type"] = member
        case .string(let alias) where Self.typeAliases[alias.lowercased()] != nil:
            // Written by hand often enough (httpbin's `type: int`) that dropping it would
            // allow any value where the API plainly takes numbers.
            let (type, format) = Self.typeAliases[alias.lowercased()]!
            warn("type-alias", "\"\(alias)\" is not a schema type; it is read as \(type)\(format.map { " (format \($0))" } ?? "")", at: pointer)
            output["type"] = .string(type)
            if let format, output["format"] == nil { output["format"] = .string(format) }
        case .string("null"):
            warn("null-type", "type null does not exist in OpenAPI 3.0; the schema is made nullable instead", at: pointer)
            if !hasNullable { output["nullable"] = true }
        case .array(let types):
            let names = types.compactMap(\.stringValue)
            let nonNull = names.filter { $0 != "null" }
            if nonNull.count == 1, let type = nonNull.first, Self.schemaTypes.contains(type) || type == "file" {
                warn(
                    "type-list",
                    "type should be a single type, not a list; it is read as \(type)\(names.contains("null") ? " (nullable)" : "")",
                    at: pointer
                )
                convertType(.string(type), at: pointer, into: &output, hasNullable: hasNullable)
            } else {
                warn("type-list", "type should be a single type, not a list; it is dropped (any type is allowed)", at: pointer)
            }
            if names.contains("null") && !hasNullable { output["nullable"] = true }
        default:
            let text = Self.scalarText(member).map { "\"\($0)\"" } ?? Self.kind(of: member)
            warn("unknown-type", "\(text) is not a schema type; the type is dropped (any type is allowed)", at: pointer)
        }
    }

    /// An XML object: names are strings, `namespace` a URL, `attribute` and `wrapped` booleans.
    private mutating func convertXML(_ member: JSONValue, at pointer: JSONPointer) -> JSONValue? {
        guard let xml = object(member, at: pointer) else { return nil }
        var output = JSONObject()
        for (key, value) in xml {
            switch key {
            case "name", "prefix":
                if let text = string(value, at: pointer.appending(key)) { output[key] = .string(text) }
            case "namespace":
                if let link = url(value, at: pointer.appending(key)) { output[key] = .string(link) }
            case "attribute", "wrapped":
                if let flag = bool(value, at: pointer.appending(key)) { output[key] = .bool(flag) }
            default:
                if Self.isExtension(key) {
                    output[key] = value
                } else {
                    unknownField(key, at: pointer)
                }
            }
        }
        return .object(output)
    }

    /// `discriminator`: the Swagger 2.0 property name becomes a Discriminator Object.
    private mutating func convertDiscriminator(_ member: JSONValue, at pointer: JSONPointer) -> JSONValue? {
        switch member {
        case .string(let name):
            return ["propertyName": .string(name)]
        case .object(let object) where object["propertyName"]?.stringValue != nil:
            var output: JSONObject = ["propertyName": object["propertyName"] ?? ""]
            if case .object(let mapping)? = object["mapping"] {
                var converted = JSONObject()
                for (value, reference) in mapping {
                    guard let reference = string(reference, at: pointer.appending("mapping").appending(value)) else { continue }
                    converted[value] = .string(mappedReference(reference))
                }
                output["mapping"] = .object(converted)
            }
            return .object(output)
        default:
            warn("invalid-discriminator", "discriminator should be a property name but is \(Self.kind(of: member)); it is dropped", at: pointer)
            return nil
        }
    }

    /// `maximum`/`minimum`: an integer schema cannot have a fractional bound; it is rounded
    /// inwards, which admits exactly the same integers.
    private mutating func convertBound(_ member: JSONValue, key: String, isInteger: Bool, at pointer: JSONPointer) -> JSONValue {
        guard isInteger, case .double(let double) = member, double.isFinite, double.rounded() != double else { return member }
        let rounded = key == "maximum" ? double.rounded(.down) : double.rounded(.up)
        guard let int = Int(exactly: rounded) else { return member }
        warn("fractional-bound", "\(key) \(double) of an integer schema is read as \(int)", at: pointer)
        return .integer(int)
    }
}
