public import OrderedCollections
public import AssayCore
public import Hummingbird
import Foundation
import NIOCore

/// Reading request bodies with a route's own size limit and clear errors.
extension Request {
    /// The whole body, at most `limit` bytes. (Not Hummingbird's `collectBody(upTo:)`, which
    /// reports an oversize body in two different ways.)
    ///
    /// - Throws: ``APIError`` 413 when it is larger (the rest is not read), whether the
    ///   Content-Length says so up front or a body without one overflows while it streams in.
    public mutating func readBody(limit: Int) async throws -> ByteBuffer {
        if let declared = headers[.contentLength].flatMap(Int.init), declared > limit {
            throw APIError.tooLarge(limit: limit)
        }
        do {
            return try await body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw APIError.tooLarge(limit: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError.tooLarge(limit: limit)
        }
    }

    /// The body parsed as a JSON object, at most `limit` bytes.
    ///
    /// - Throws: ``APIError`` 415 when it is not JSON, 413 when too large, 400 when it is
    ///   empty, does not parse or is not an object.
    public mutating func jsonObject(upTo limit: Int = 1 << 20) async throws -> JSONObject {
        guard let object = try await optionalJSONObject(upTo: limit) else {
            try requireJSONContentType()
            throw APIError.invalid("the body is empty: send a JSON object")
        }
        return object
    }

    /// The body parsed as a JSON object, or `nil` when there is no body (every member of it
    /// optional); as ``jsonObject(upTo:)`` otherwise.
    public mutating func optionalJSONObject(upTo limit: Int = 1 << 20) async throws -> JSONObject? {
        let buffer = try await readBody(limit: limit)
        guard buffer.readableBytes > 0 else { return nil }
        try requireJSONContentType()
        let value: JSONValue
        do {
            value = try JSONValue.parse(Array(buffer.readableBytesView))
        } catch {
            throw APIError.invalid("the body is not valid JSON: \(error)")
        }
        guard let object = value.objectValue else {
            throw APIError.invalid("the body must be a JSON object")
        }
        return object
    }

    /// Refuses a body whose declared media type is not JSON.
    public func requireJSONContentType() throws {
        let type = headers[.contentType]
        let essence = type?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let essence, essence == "application/json" || (essence.hasPrefix("application/") && essence.hasSuffix("+json")) else {
            throw APIError.unsupportedMediaType(type, expected: ["application/json"])
        }
    }

    /// A query parameter, or `nil` when absent.
    public func query(_ name: String) -> String? {
        uri.queryParameters.get(name)
    }

    /// The `cursor` query parameter (a list's `nextCursor` passed back), or `nil`; longer than
    /// any cursor Assay makes is a 400 rather than a query that cannot match.
    public func cursor() throws -> String? {
        guard let text = query("cursor") else { return nil }
        guard text.utf8.count <= 200 else {
            throw APIError.invalid(
                "the query parameter cursor is longer than any cursor a list returns (at most 200 bytes)",
                details: .object(["parameter": "cursor"]))
        }
        return text
    }

    /// A boolean query parameter (`true` or `false`), or `nil` when absent; anything else is a 400.
    public func booleanQuery(_ name: String) throws -> Bool? {
        guard let text = query(name) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            throw APIError.invalid("the query parameter \(name) must be true or false, not '\(text.prefix(64))'", details: .object(["parameter": .string(name)]))
        }
    }

    /// The page size the `limit` query parameter asks for: `fallback` when absent, 1 to 1000.
    public func pageLimit(default fallback: Int = 50) throws -> Int {
        guard let text = query("limit") else { return fallback }
        guard let limit = Int(text), (1...1000).contains(limit) else {
            throw APIError.invalid(
                "the query parameter limit must be an integer from 1 to 1000, not '\(text)'",
                details: .object(["parameter": "limit"]))
        }
        return limit
    }
}

extension JSONObject {
    /// The string member `key`; `nil` when absent or null.
    ///
    /// - Throws: ``APIError`` 400 when present with another type.
    public func string(_ key: String, path: String = "") throws -> String? {
        switch self[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        default: throw APIError.invalid("\(path)\(key) must be a string", details: .object(["field": .string(path + key)]))
        }
    }

    /// The string member `key`, which must be present and non-empty.
    public func requiredString(_ key: String, path: String = "") throws -> String {
        guard let value = try string(key, path: path), !value.isEmpty else {
            throw APIError.invalid("\(path)\(key) is required", details: .object(["field": .string(path + key)]))
        }
        return value
    }
}

extension Request {
    /// The JSON body decoded as `T`, at most `limit` bytes.
    ///
    /// - Throws: ``APIError`` 415, 413, or 400 naming the field that does not fit.
    public mutating func decodeJSON<T: Decodable>(_ type: T.Type, upTo limit: Int = 1 << 20) async throws -> T {
        try requireJSONContentType()
        let buffer = try await readBody(limit: limit)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw APIError.invalid("the body does not match what this route expects: \(ErrorMiddleware.describe(error))")
        } catch {
            throw APIError.invalid("the body is not valid JSON")
        }
    }
}
