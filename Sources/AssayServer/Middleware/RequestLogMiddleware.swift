import AssayCore
import Foundation
import HTTPTypes
public import Hummingbird
import Logging

/// The outermost middleware: gives each request its id, times it, counts it in the metrics
/// and logs one line for it with the id, route, status and duration.
///
/// A client's `X-Request-Id` is kept when it is 1 to 128 printable ASCII characters, so a
/// trace can cross services; otherwise the server makes one. The answer carries it back.
public struct RequestLogMiddleware: RouterMiddleware {
    public typealias Context = AssayRequestContext

    /// Where requests are counted.
    public let metrics: ServerMetrics

    /// A middleware recording into `metrics`.
    public init(metrics: ServerMetrics) {
        self.metrics = metrics
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var context = context
        let requestID = Self.acceptable(request.headers[.xRequestID]) ?? Self.makeID()
        context.requestID = requestID
        context.logger[metadataKey: "request_id"] = .string(requestID)
        let route = context.endpointPath ?? "unmatched"
        let method = request.method.rawValue
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            // ErrorMiddleware answers every error; this is only reached for one thrown while
            // answering an error, and still gets a JSON body.
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            response = try APIError.internal(requestID: requestID).response(from: request, context: context)
        }
        response.headers[.xRequestID] = requestID
        let duration = ContinuousClock.now - start
        let status = Int(response.status.code)
        metrics.recordRequest(method: method, route: route, status: status, duration: duration)
        context.logger.log(
            level: status >= 500 ? .error : .info,
            "request",
            metadata: [
                "method": .string(method),
                "path": .string(request.uri.path),
                "route": .string(route),
                "status": .stringConvertible(status),
                "duration_ms": .string(String(format: "%.3f", duration.seconds * 1000)),
            ]
        )
        return response
    }

    static func acceptable(_ id: String?) -> String? {
        guard let id, (1...128).contains(id.utf8.count), id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        return id
    }

    static func makeID() -> String {
        UUID().uuidString.lowercased()
    }
}

extension HTTPField.Name {
    /// `X-Request-Id`.
    static let xRequestID = HTTPField.Name("X-Request-Id")!
}
