public import AssayStore
import Foundation
public import Hummingbird

/// Lets a request through only with a bearer token that has `scope`.
///
/// No or an unknown token is 401 with a `WWW-Authenticate` challenge; a revoked token is 401;
/// a valid token without the scope is 403 naming the scope it needs. Tokens are checked
/// against their stored SHA-256 (``TokenStore``), never kept in clear.
public struct BearerAuthMiddleware: RouterMiddleware {
    public typealias Context = AssayRequestContext

    /// Where tokens are checked.
    public let tokens: TokenStore
    /// The scope the routes behind this middleware need.
    public let scope: TokenScope

    /// A middleware requiring `scope`.
    public init(tokens: TokenStore, scope: TokenScope) {
        self.tokens = tokens
        self.scope = scope
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.token = try await Self.authenticate(request, tokens: tokens, scope: scope)
        return try await next(request, context)
    }

    /// The token of `request` when it allows `scope`; otherwise the 401 or 403 to answer.
    public static func authenticate(_ request: Request, tokens: TokenStore, scope: TokenScope) async throws -> APIToken {
        guard let header = request.headers[.authorization] else {
            throw APIError.unauthorized("this route needs a bearer token with the \(scope.rawValue) scope (Authorization: Bearer assay_…)")
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIError.unauthorized("the Authorization header must be 'Bearer <token>'")
        }
        let secret = String(parts[1]).trimmingCharacters(in: .whitespaces)
        switch try await tokens.verify(secret, requiring: scope) {
        case .allowed(let token):
            return token
        case .insufficientScope(let token):
            throw APIError.forbidden(
                "the token '\(token.name)' has the scopes \(token.scopes.map(\.rawValue).sorted().joined(separator: ", ")); this route needs \(scope.rawValue)"
            )
        case .revoked:
            throw APIError.unauthorized("the bearer token was revoked", challenge: #"Bearer realm="assay", error="invalid_token""#)
        case .invalid:
            throw APIError.unauthorized("the bearer token is not valid", challenge: #"Bearer realm="assay", error="invalid_token""#)
        }
    }
}
