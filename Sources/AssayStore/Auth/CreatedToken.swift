/// A token just created: the only time its secret is available.
public struct CreatedToken: Sendable, Hashable {
    /// The stored token.
    public var token: APIToken
    /// The bearer secret (`assay_…`): show it once; it cannot be recovered.
    public var secret: String
}
