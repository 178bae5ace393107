/// The verdict on a bearer token for one request.
public enum TokenVerification: Sendable, Hashable {
    /// The token is valid and allows the request.
    case allowed(APIToken)
    /// The token is valid but lacks the scope (HTTP 403).
    case insufficientScope(APIToken)
    /// The token was revoked (HTTP 401).
    case revoked
    /// No such token, or not a token at all (HTTP 401).
    case invalid

    /// The token, when it allows the request.
    public var allowedToken: APIToken? {
        if case .allowed(let token) = self { token } else { nil }
    }
}
