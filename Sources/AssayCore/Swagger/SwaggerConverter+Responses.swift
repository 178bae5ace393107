import Foundation
import OrderedCollections

/// Responses and their headers.
///
/// A response's `schema` goes under `content`, once per `produces` media type, and each
/// entry of its `examples` map becomes the `example` of that media type. Headers get a
/// `schema` made of their value-describing members.
extension SwaggerConverter {
    /// The fields of a Swagger 2.0 Response object.
    static let responseFields: Set<String> = ["description", "schema", "headers", "examples"]

    /// The fields of a Swagger 2.0 Header object.
    static let headerFields: Set<String> = simpleSchemaFields.union(["description", "collectionFormat"])

    /// Converts an operation's `responses`; an operation without any gets a `default` one.
    mutating func convertResponses(_ value: JSONValue?, operationPointer: JSONPointer, produces: [String]) -> JSONObject {
        let pointer = operationPointer.appending("responses")
        var output = JSONObject()
        var extensions = JSONObject()
        if let value, let responses = object(value, at: pointer) {
            for (code, response) in responses {
                if Self.isExtension(code) {
                    extensions[code] = rewritingReferences(in: response)
                    continue
                }
                let responsePointer = pointer.appending(code)
                guard let status = statusCode(code, at: responsePointer) else { continue }
                guard output[status] == nil else {
                    warn("duplicate-response", "the status code \(status) has more than one response; only the first is kept", at: responsePointer)
                    continue
                }
                if let converted = convertResponse(response, at: responsePointer, produces: produces) {
                    output[status] = converted
                }
            }
        }
        if output.isEmpty {
            warn(
                "missing-responses",
                "the operation declares no responses; a default response is filled in",
                at: value == nil ? operationPointer : pointer
            )
            output["default"] = ["description": "Default response"]
        }
        for (key, value) in extensions {
            output[key] = value
        }
        return output
    }

    /// A response key as OpenAPI 3.0 writes it (`200`, `4XX`, `default`), or `nil` with a warning.
    private mutating func statusCode(_ code: String, at pointer: JSONPointer) -> String? {
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        let bytes = Array(trimmed.utf8)
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var status: String?
        if !bytes.isEmpty, bytes.count <= 3, bytes.allSatisfy(isDigit) {
            status = trimmed
        } else if trimmed.lowercased() == "default" {
            status = "default"
        } else if bytes.count == 3, bytes[0] >= UInt8(ascii: "1"), bytes[0] <= UInt8(ascii: "5"), trimmed.dropFirst().uppercased() == "XX" {
            status = trimmed.uppercased()
        }
        guard let status else {
            warn("invalid-status-code", "\"\(code)\" is not an HTTP status code, a range like 4XX, or default; the response is dropped", at: pointer)
            return nil
        }
        if status != code {
            warn("invalid-status-code", "the status code \"\(code)\" is read as \(status)", at: pointer)
        }
        return status
    }

    /// Converts a Response object (or a reference to one); `nil` (with a warning) when unusable.
    ///
    /// With `followComponents` (for a component, which cannot be a reference) a reference
    /// to a global response is replaced by a copy too.
    mutating func convertResponse(_ value: JSONValue, at pointer: JSONPointer, produces: [String], followComponents: Bool = false) -> JSONValue? {
        guard let response = object(value, at: pointer) else { return nil }
        if let referenceValue = response["$ref"] {
            return convertResponseReference(referenceValue, at: pointer.appending("$ref"), produces: produces, followComponents: followComponents)
        }
        var output = JSONObject()
        if let description = string(response["description"], at: pointer.appending("description")) {
            output["description"] = .string(description)
        } else {
            warn("missing-description", "the response has no description; an empty one is filled in", at: pointer)
            output["description"] = ""
        }
        if let value = response["headers"], let headers = object(value, at: pointer.appending("headers")) {
            var converted = JSONObject()
            for (name, header) in headers {
                if let header = convertHeader(header, at: pointer.appending("headers").appending(name)) {
                    converted[name] = header
                }
            }
            if !converted.isEmpty { output["headers"] = .object(converted) }
        }
        var content = JSONObject()
        var schema: JSONValue?
        if let value = response["schema"] {
            let converted = convertSchema(value, at: pointer.appending("schema"))
            schema = converted
            for mediaType in produces {
                content[mediaType] = ["schema": converted]
            }
        }
        if let value = response["examples"], let examples = object(value, at: pointer.appending("examples")) {
            for (mediaType, example) in examples {
                guard let mediaType = validMediaType(mediaType, at: pointer.appending("examples").appending(mediaType)) else { continue }
                var media = content[mediaType]?.objectValue ?? [:]
                if media.isEmpty, let schema { media["schema"] = schema }
                media["example"] = example
                content[mediaType] = .object(media)
            }
        }
        if !content.isEmpty { output["content"] = .object(content) }
        copyExtensions(of: response, into: &output, at: pointer, known: Self.responseFields)
        return .object(output)
    }

    /// A response `$ref`: a component reference, an external one kept, or a copy of a local target.
    private mutating func convertResponseReference(
        _ value: JSONValue,
        at pointer: JSONPointer,
        produces: [String],
        followComponents: Bool
    ) -> JSONValue? {
        guard case .string(let reference) = value else {
            warn("invalid-reference", "$ref should be a string but is \(Self.kind(of: value)); the response is dropped", at: pointer)
            return nil
        }
        guard reference.hasPrefix("#") else { return ["$ref": .string(reference)] }
        guard let target = JSONPointer(reference), let targetValue = sourceValue(at: target) else {
            warn("unresolved-reference", "\(reference) refers to nothing in this document; the response is dropped", at: pointer)
            return nil
        }
        if !followComponents, target.tokens.count == 2, target.tokens[0] == "responses" {
            let name = target.tokens[1]
            guard case .object = targetValue else {
                warn(
                    "unresolved-reference",
                    "\(reference) refers to a response that cannot be used (see its own warning); the response is dropped",
                    at: pointer
                )
                return nil
            }
            return ["$ref": .string("#/components/responses/" + (responseNames[name] ?? Self.sanitizedComponentName(name)))]
        }
        guard beginInlining(target, reference: reference, at: pointer) else { return nil }
        let copy = convertResponse(targetValue, at: target, produces: produces, followComponents: followComponents)
        endInlining()
        return copy
    }

    /// A response header: description, `schema`, and `style` for arrays.
    private mutating func convertHeader(_ value: JSONValue, at pointer: JSONPointer) -> JSONValue? {
        guard let header = object(value, at: pointer) else { return nil }
        var output = JSONObject()
        if let description = string(header["description"], at: pointer.appending("description")) {
            output["description"] = .string(description)
        }
        if header["type"]?.stringValue == "array", let format = header["collectionFormat"], format.stringValue != "csv" {
            warn(
                "unsupported-collection-format",
                "a header array is always comma-separated in OpenAPI 3.0; this collectionFormat is read as csv",
                at: pointer.appending("collectionFormat")
            )
        }
        output["schema"] = parameterSchema(header, at: pointer)
        if let example = header["x-example"] {
            output["example"] = example
        }
        copyExtensions(of: header, into: &output, at: pointer, known: Self.headerFields.union(["schema"]))
        return .object(output)
    }
}
