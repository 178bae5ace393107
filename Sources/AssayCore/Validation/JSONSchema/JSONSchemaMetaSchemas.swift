/// Assay's own minimal meta-schemas for draft 4 and 2020-12.
///
/// Schemas may `$ref` the official meta-schemas by URL, and Assay never fetches them: these
/// documents, written for Assay from the specifications, describe the keywords' value
/// shapes (types, non-negative counts, subschema positions). They are known to every
/// validator under the official URIs, unless the caller registers documents of its own there.
enum JSONSchemaMetaSchemas {
    /// The URI of the draft 4 meta-schema, without its empty fragment.
    static let draft4URI = "http://json-schema.org/draft-04/schema"
    /// The URI of the 2020-12 meta-schema.
    static let draft2020_12URI = "https://json-schema.org/draft/2020-12/schema"

    /// The meta-schema of a draft, by URI.
    static func documents(for draft: JSONSchemaValidator.Draft) -> [(uri: String, document: JSONValue)] {
        switch draft {
        case .draft4: return [(draft4URI, draft4)]
        case .draft2020_12: return [(draft2020_12URI, draft2020_12)]
        }
    }

    static let draft4: JSONValue = parse(draft4Text)
    static let draft2020_12: JSONValue = parse(draft2020_12Text)

    private static func parse(_ text: String) -> JSONValue {
        // The texts are constants checked by the tests; `true` keeps a broken edit harmless.
        (try? JSONParser.parse(Array(text.utf8), limits: .default, deadline: Deadline(seconds: 60)).0) ?? .bool(true)
    }

    private static let draft4Text = #"""
        {
          "id": "http://json-schema.org/draft-04/schema#",
          "$schema": "http://json-schema.org/draft-04/schema#",
          "definitions": {
            "schemaArray": { "type": "array", "minItems": 1, "items": { "$ref": "#" } },
            "count": { "type": "integer", "minimum": 0 },
            "simpleTypes": { "enum": ["array", "boolean", "integer", "null", "number", "object", "string"] },
            "stringArray": { "type": "array", "items": { "type": "string" }, "minItems": 1, "uniqueItems": true },
            "schemaMap": { "type": "object", "additionalProperties": { "$ref": "#" } }
          },
          "type": "object",
          "properties": {
            "id": { "type": "string" },
            "$schema": { "type": "string" },
            "title": { "type": "string" },
            "description": { "type": "string" },
            "multipleOf": { "type": "number", "minimum": 0, "exclusiveMinimum": true },
            "maximum": { "type": "number" },
            "exclusiveMaximum": { "type": "boolean" },
            "minimum": { "type": "number" },
            "exclusiveMinimum": { "type": "boolean" },
            "maxLength": { "$ref": "#/definitions/count" },
            "minLength": { "$ref": "#/definitions/count" },
            "pattern": { "type": "string" },
            "additionalItems": { "anyOf": [{ "type": "boolean" }, { "$ref": "#" }] },
            "items": { "anyOf": [{ "$ref": "#" }, { "$ref": "#/definitions/schemaArray" }] },
            "maxItems": { "$ref": "#/definitions/count" },
            "minItems": { "$ref": "#/definitions/count" },
            "uniqueItems": { "type": "boolean" },
            "maxProperties": { "$ref": "#/definitions/count" },
            "minProperties": { "$ref": "#/definitions/count" },
            "required": { "$ref": "#/definitions/stringArray" },
            "additionalProperties": { "anyOf": [{ "type": "boolean" }, { "$ref": "#" }] },
            "definitions": { "$ref": "#/definitions/schemaMap" },
            "properties": { "$ref": "#/definitions/schemaMap" },
            "patternProperties": { "$ref": "#/definitions/schemaMap" },
            "dependencies": {
              "type": "object",
              "additionalProperties": { "anyOf": [{ "$ref": "#" }, { "$ref": "#/definitions/stringArray" }] }
            },
            "enum": { "type": "array", "minItems": 1, "uniqueItems": true },
            "type": {
              "anyOf": [
                { "$ref": "#/definitions/simpleTypes" },
                { "type": "array", "items": { "$ref": "#/definitions/simpleTypes" }, "minItems": 1, "uniqueItems": true }
              ]
            },
            "format": { "type": "string" },
            "allOf": { "$ref": "#/definitions/schemaArray" },
            "anyOf": { "$ref": "#/definitions/schemaArray" },
            "oneOf": { "$ref": "#/definitions/schemaArray" },
            "not": { "$ref": "#" }
          },
          "dependencies": {
            "exclusiveMaximum": ["maximum"],
            "exclusiveMinimum": ["minimum"]
          }
        }
        """#

    private static let draft2020_12Text = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://json-schema.org/draft/2020-12/schema",
          "$dynamicAnchor": "meta",
          "type": ["object", "boolean"],
          "$defs": {
            "schemaArray": { "type": "array", "minItems": 1, "items": { "$dynamicRef": "#meta" } },
            "schemaMap": { "type": "object", "additionalProperties": { "$dynamicRef": "#meta" } },
            "count": { "type": "integer", "minimum": 0 },
            "simpleTypes": { "enum": ["array", "boolean", "integer", "null", "number", "object", "string"] },
            "stringArray": { "type": "array", "items": { "type": "string" }, "uniqueItems": true },
            "anchor": { "type": "string", "pattern": "^[A-Za-z_][-A-Za-z0-9._]*$" }
          },
          "properties": {
            "$id": { "type": "string", "pattern": "^[^#]*#?$" },
            "$schema": { "type": "string" },
            "$ref": { "type": "string" },
            "$anchor": { "$ref": "#/$defs/anchor" },
            "$dynamicRef": { "type": "string" },
            "$dynamicAnchor": { "$ref": "#/$defs/anchor" },
            "$vocabulary": { "type": "object", "additionalProperties": { "type": "boolean" } },
            "$comment": { "type": "string" },
            "$defs": { "$ref": "#/$defs/schemaMap" },
            "definitions": { "$ref": "#/$defs/schemaMap" },
            "prefixItems": { "$ref": "#/$defs/schemaArray" },
            "items": { "$dynamicRef": "#meta" },
            "contains": { "$dynamicRef": "#meta" },
            "additionalProperties": { "$dynamicRef": "#meta" },
            "properties": { "$ref": "#/$defs/schemaMap" },
            "patternProperties": { "$ref": "#/$defs/schemaMap" },
            "dependentSchemas": { "$ref": "#/$defs/schemaMap" },
            "propertyNames": { "$dynamicRef": "#meta" },
            "if": { "$dynamicRef": "#meta" },
            "then": { "$dynamicRef": "#meta" },
            "else": { "$dynamicRef": "#meta" },
            "allOf": { "$ref": "#/$defs/schemaArray" },
            "anyOf": { "$ref": "#/$defs/schemaArray" },
            "oneOf": { "$ref": "#/$defs/schemaArray" },
            "not": { "$dynamicRef": "#meta" },
            "unevaluatedItems": { "$dynamicRef": "#meta" },
            "unevaluatedProperties": { "$dynamicRef": "#meta" },
            "type": {
              "anyOf": [
                { "$ref": "#/$defs/simpleTypes" },
                { "type": "array", "items": { "$ref": "#/$defs/simpleTypes" }, "minItems": 1, "uniqueItems": true }
              ]
            },
            "enum": { "type": "array" },
            "multipleOf": { "type": "number", "exclusiveMinimum": 0 },
            "maximum": { "type": "number" },
            "exclusiveMaximum": { "type": "number" },
            "minimum": { "type": "number" },
            "exclusiveMinimum": { "type": "number" },
            "maxLength": { "$ref": "#/$defs/count" },
            "minLength": { "$ref": "#/$defs/count" },
            "pattern": { "type": "string" },
            "maxItems": { "$ref": "#/$defs/count" },
            "minItems": { "$ref": "#/$defs/count" },
            "uniqueItems": { "type": "boolean" },
            "maxContains": { "$ref": "#/$defs/count" },
            "minContains": { "$ref": "#/$defs/count" },
            "maxProperties": { "$ref": "#/$defs/count" },
            "minProperties": { "$ref": "#/$defs/count" },
            "required": { "$ref": "#/$defs/stringArray" },
            "dependentRequired": { "type": "object", "additionalProperties": { "$ref": "#/$defs/stringArray" } },
            "format": { "type": "string" },
            "contentEncoding": { "type": "string" },
            "contentMediaType": { "type": "string" },
            "contentSchema": { "$dynamicRef": "#meta" },
            "title": { "type": "string" },
            "description": { "type": "string" },
            "deprecated": { "type": "boolean" },
            "readOnly": { "type": "boolean" },
            "writeOnly": { "type": "boolean" },
            "examples": { "type": "array" }
          }
        }
        """#
}
