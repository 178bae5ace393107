import AssayCore
import OrderedCollections

/// Checks a JSON Schema sent to `POST /api/v1/data/schema` before anything is generated
/// from it, so a malformed one is refused with where it is wrong rather than half-used: the
/// generator ignores a keyword of the wrong type (`"minLength": "5"`) and a `$ref` to
/// nothing, which would quietly give records the schema did not mean.
enum PostedSchema {
    /// One problem found, at a place in the schema.
    struct Problem: Sendable {
        /// Where in the schema, as a JSON pointer (`""` is the whole schema).
        var pointer: JSONPointer
        /// The keyword at fault.
        var keyword: String
        /// What is wrong.
        var message: String

        var json: JSONValue {
            ["schemaPointer": .string(pointer.description), "keyword": .string(keyword), "message": .string(message)]
        }
    }

    /// The most problems one answer lists.
    static let maxProblems = 20

    /// The dialect of a standalone schema, from its `$schema`: drafts 4 to 7 are read with
    /// draft-4 semantics, anything else (and no `$schema`) as 2020-12 (as `assay data --schema`).
    static func dialect(of schema: JSONValue) -> SchemaDialect {
        guard let declared = schema["$schema"]?.stringValue else { return .openAPI31 }
        return ["draft-04", "draft-06", "draft-07"].contains(where: declared.contains) ? .openAPI30 : .openAPI31
    }

    /// What is wrong with `schema`: keywords the draft's meta-schema refuses (for 2020-12 and
    /// draft 4; drafts 6 and 7 spell some keywords differently and are not checked this
    /// way) and local `$ref`s (`#/…`) that point at nothing. Empty when it is usable.
    static func problems(_ schema: JSONValue, dialect: SchemaDialect) -> [Problem] {
        var problems: [Problem] = []
        let declared = schema["$schema"]?.stringValue
        let meta: String? =
            switch dialect {
            case .openAPI31: "https://json-schema.org/draft/2020-12/schema"
            case .openAPI30: declared?.contains("draft-04") == true ? "http://json-schema.org/draft-04/schema#" : nil
            }
        if let meta {
            for error in JSONSchemaValidator(dialect: dialect).validate(schema, against: ["$ref": .string(meta)]).prefix(maxProblems) {
                problems.append(
                    Problem(pointer: error.instancePointer, keyword: error.instancePointer.lastToken ?? error.keyword, message: error.message)
                )
            }
        }
        unresolvedReferences(in: schema, at: .root, document: schema, into: &problems)
        return Array(problems.prefix(maxProblems))
    }

    /// Keywords whose values are data, not schemas: a `$ref` inside them is not a reference.
    private static let dataKeywords: Set<String> = ["enum", "const", "default", "example", "examples"]
    /// Keywords whose values map names to schemas: their keys are names, never keywords.
    private static let schemaMaps: Set<String> = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]

    private static func unresolvedReferences(
        in value: JSONValue,
        at pointer: JSONPointer,
        document: JSONValue,
        namesSchemas: Bool = false,
        into problems: inout [Problem]
    ) {
        guard problems.count < maxProblems else { return }
        switch value {
        case .object(let object):
            if namesSchemas {
                for (name, member) in object {
                    unresolvedReferences(in: member, at: pointer.appending(name), document: document, into: &problems)
                }
                return
            }
            if case .string(let reference)? = object["$ref"], reference == "#" || reference.hasPrefix("#/") {
                if JSONPointer(reference).flatMap({ document.value(at: $0) }) == nil {
                    problems.append(
                        Problem(
                            pointer: pointer.appending("$ref"),
                            keyword: "$ref",
                            message: "\(reference) points at nothing in the schema (references are followed inside it only)"
                        )
                    )
                }
            }
            for (key, member) in object where !dataKeywords.contains(key) {
                unresolvedReferences(
                    in: member,
                    at: pointer.appending(key),
                    document: document,
                    namesSchemas: schemaMaps.contains(key),
                    into: &problems
                )
            }
        case .array(let items):
            for (index, item) in items.enumerated() {
                unresolvedReferences(in: item, at: pointer.appending(index), document: document, into: &problems)
            }
        default:
            return
        }
    }
}
