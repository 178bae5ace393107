import OrderedCollections
public import AssayCore
public import HTTPTypes
public import Hummingbird
import NIOCore

/// An error the API answers with: a status and `{"error": {"code", "message", "details"}}`.
///
/// `code` is stable and machine-readable (`not_found`, `invalid_request`); `message` says in
/// a sentence what was wrong and where; `details` carries structured specifics (the field,
/// the limit) when there are any.
public struct APIError: Error, HTTPResponseError, CustomStringConvertible {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// The stable error code.
    public var code: String
    /// What went wrong, for a person.
    public var message: String
    /// Structured specifics, if any.
    public var details: JSONValue?
    /// Extra response headers (`WWW-Authenticate`, `Retry-After`).
    public var headers: HTTPFields

    /// An error of `status` with `code` and `message`.
    public init(_ status: HTTPResponse.Status, code: String, message: String, details: JSONValue? = nil, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers
    }

    public var description: String { "\(status.code) \(code): \(message)" }

    /// The error as JSON.
    public var json: JSONValue {
        var error: JSONObject = ["code": .string(code), "message": .string(message)]
        error["details"] = details ?? .object([:])
        return .object(["error": .object(error)])
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        let bytes = JSONWriter().bytes(json)
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension APIError {
    /// 400: the request is malformed or fails validation.
    public static func invalid(_ message: String, details: JSONValue? = nil) -> APIError {
        APIError(.badRequest, code: "invalid_request", message: message, details: details)
    }

    /// 400: one member of the body is wrong; `details.field` names it.
    static func invalidField(_ message: String, field: String, details more: JSONObject = [:]) -> APIError {
        var details = more
        details["field"] = .string(field)
        return invalid(message, details: .object(details))
    }

    /// 400: the body has a member the request does not take; `details` names it and the
    /// members allowed. `hint` follows the name (" (… is for another route)").
    static func unknownMember(_ name: String, allowed: [String], hint: String = "") -> APIError {
        invalid(
            "the body has no member '\(name)'\(hint); it takes \(allowed.joined(separator: ", "))",
            details: .object(["field": .string(name), "allowed": .array(allowed.map(JSONValue.string))]))
    }

    /// 404: nothing is found at this address.
    public static func notFound(_ message: String) -> APIError {
        APIError(.notFound, code: "not_found", message: message)
    }

    /// 409: the request conflicts with the current state.
    public static func conflict(_ message: String) -> APIError {
        APIError(.conflict, code: "conflict", message: message)
    }

    /// 413: the body is larger than this route accepts.
    public static func tooLarge(limit: Int) -> APIError {
        APIError(
            .contentTooLarge, code: "body_too_large",
            message: "the request body is larger than this route accepts (\(limit) bytes)",
            details: .object(["limitBytes": .integer(limit)]))
    }

    /// 415: the body's media type is not one this route reads.
    public static func unsupportedMediaType(_ got: String?, expected: [String]) -> APIError {
        APIError(
            .unsupportedMediaType, code: "unsupported_media_type",
            message: "the body must be \(expected.joined(separator: " or ")), not \(got ?? "untyped")",
            details: .object(["expected": .array(expected.map(JSONValue.string))]))
    }

    /// 401: no credentials, or credentials that are not valid.
    public static func unauthorized(_ message: String, challenge: String = #"Bearer realm="assay""#) -> APIError {
        var headers = HTTPFields()
        headers[.wwwAuthenticate] = challenge
        return APIError(.unauthorized, code: "unauthorized", message: message, headers: headers)
    }

    /// 403: valid credentials without the scope this route needs.
    public static func forbidden(_ message: String) -> APIError {
        APIError(.forbidden, code: "forbidden", message: message)
    }

    /// 503: a dependency is not available now.
    public static func unavailable(_ message: String, details: JSONValue? = nil) -> APIError {
        APIError(.serviceUnavailable, code: "unavailable", message: message, details: details)
    }

    /// 500: a fault of the server; the message names the request id to look for in the logs.
    public static func `internal`(requestID: String) -> APIError {
        APIError(
            .internalServerError, code: "internal_error",
            message: "the server failed to answer this request; its log has the cause under request id \(requestID)",
            details: .object(["requestId": .string(requestID)]))
    }
}
