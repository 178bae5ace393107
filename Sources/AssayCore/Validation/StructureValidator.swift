import Foundation
import OpenAPIKit
import OpenAPIKit30
import OpenAPIKitCompat
import OrderedCollections

/// Checks a normalized OpenAPI 3.x document against OpenAPIKit: decoding (the shape of
/// every object) and OpenAPIKit's validator (rules the types cannot express).
///
/// OpenAPI 3.0 documents are decoded with OpenAPIKit30 and converted to 3.1 with
/// OpenAPIKitCompat before validation, so one validator serves every source. What it
/// finds are warnings: lenient loading goes on, `--strict` fails. OpenAPIKit's types stay
/// inside this file; nothing outside AssayCore sees them.
enum StructureValidator {
    /// The warnings OpenAPIKit has about `document` (written `version`).
    static func check(_ document: JSONValue, format: SpecFormat, source: String) -> [Diagnostic] {
        let bytes = Data(JSONWriter().bytes(withoutPayloads(document, at: .root)))
        let decoder = JSONDecoder()
        do {
            let document31: OpenAPIKit.OpenAPI.Document
            switch format {
            case .openAPI31:
                document31 = try decoder.decode(OpenAPIKit.OpenAPI.Document.self, from: bytes)
            case .openAPI30, .swagger2:
                let document30 = try decoder.decode(OpenAPIKit30.OpenAPI.Document.self, from: bytes)
                document31 = document30.convert(to: .v3_1_1)
            }
            do {
                try document31.validate(using: Validator().withoutValidating(\.operationsContainResponses), strict: false)
                return []
            } catch let collection as OpenAPIKit.ValidationErrorCollection {
                return collection.values.map { error in
                    Diagnostic(
                        .warning,
                        code: "openapi-structure",
                        "OpenAPI validation: \(error.reason)",
                        source: source,
                        pointer: pointer(from: error.codingPath)
                    )
                }
            } catch {
                return [Diagnostic(.warning, code: "openapi-structure", "OpenAPI validation failed: \(error)", source: source)]
            }
        } catch {
            let openAPIError = OpenAPIKit.OpenAPI.Error(from: error)
            return [
                Diagnostic(
                    .warning,
                    code: "openapi-structure",
                    "not a valid OpenAPI document: \(openAPIError.localizedDescription)",
                    source: source,
                    pointer: pointer(from: openAPIError.codingPath)
                )
            ]
        }
    }

    /// `document` with example, default and extension payloads replaced by `null`.
    ///
    /// OpenAPIKit decodes every payload as `AnyCodable`, trying one type after another with a
    /// coding path rebuilt at each step: on Stripe's description that is 60% of the time of a
    /// check whose subject is the structure, which payloads do not have.
    static func withoutPayloads(_ value: JSONValue, at pointer: JSONPointer) -> JSONValue {
        switch value {
        case .object(let object):
            let isNameMap = ReferenceScope.isNameMap(pointer)
            var copy = JSONObject(minimumCapacity: object.count)
            for (key, member) in object {
                if !isNameMap, key != "enum", key != "const", ReferenceScope.isData(key: key, value: member, in: pointer) {
                    copy[key] = member.arrayValue.map { .array(Array(repeating: .null, count: $0.count)) } ?? .null
                } else {
                    copy[key] = withoutPayloads(member, at: pointer.appending(key))
                }
            }
            return .object(copy)
        case .array(let array):
            return .array(array.enumerated().map { withoutPayloads($0.element, at: pointer.appending($0.offset)) })
        default:
            return value
        }
    }

    private static func pointer(from codingPath: [any CodingKey]) -> JSONPointer {
        JSONPointer(tokens: codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue })
    }
}
