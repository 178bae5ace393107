import AssayCore
import OrderedCollections
import AssayStore
public import Hummingbird
import Logging

/// Turns every error a route throws into `{"error": {"code", "message", "details"}}`.
///
/// ``APIError`` answers as it is; the store's `invalidArgument` is a 400 and its `notFound`
/// a 404; Hummingbird's own errors keep their status; anything else is a 500 whose cause is
/// logged under the request id and never shown to the client. A path that is routed for
/// other methods only is a 405 with `Allow`, not the router's 404.
public struct ErrorMiddleware: RouterMiddleware {
    public typealias Context = AssayRequestContext

    /// The routes, for telling "no such path" from "not this method".
    let routes: RouteTable

    init(routes: RouteTable) {
        self.routes = routes
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = routes.methods(forPath: request.uri.path)
            guard !allowed.isEmpty else { return try Self.apiError(for: error, context: context).response(from: request, context: context) }
            let refusal = APIError(
                .methodNotAllowed, code: "method_not_allowed",
                message: "\(request.method.rawValue) is not allowed on \(request.uri.path); allowed: \(allowed.joined(separator: ", "))",
                details: .object(["allowed": .array(allowed.map(JSONValue.string))]),
                headers: [.allow: allowed.joined(separator: ", ")])
            return try refusal.response(from: request, context: context)
        } catch {
            return try Self.apiError(for: error, context: context).response(from: request, context: context)
        }
    }

    static func apiError(for error: any Error, context: Context) -> APIError {
        switch error {
        case let error as APIError:
            return error
        case let error as StoreError where error.code == .invalidArgument:
            return APIError.invalid(error.message)
        case let error as StoreError where error.code == .notFound:
            return APIError.notFound(error.message)
        case let error as HTTPError:
            let code: String
            switch error.status {
            case .notFound: code = "not_found"
            case .methodNotAllowed: code = "method_not_allowed"
            case .contentTooLarge: code = "body_too_large"
            case .unsupportedMediaType: code = "unsupported_media_type"
            default: code = error.status.code < 500 ? "invalid_request" : "internal_error"
            }
            if error.status.code >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
                return APIError.internal(requestID: context.requestID)
            }
            let message = error.body ?? (error.status == .notFound ? "no route matches this method and path" : error.status.reasonPhrase)
            return APIError(error.status, code: code, message: message, headers: error.headers)
        case let error as DecodingError:
            return APIError.invalid("the body does not match what this route expects: \(Self.describe(error))")
        default:
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            return APIError.internal(requestID: context.requestID)
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.isEmpty ? "the body" : codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is required"
        @unknown default:
            return "\(error)"
        }
    }
}
