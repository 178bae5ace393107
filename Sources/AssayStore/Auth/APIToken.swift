import FluentKit
public import Foundation

/// An API token as stored: its secret is never kept, only its hash.
public struct APIToken: Sendable, Hashable, Codable, Identifiable {
    /// The token's id.
    public var id: UUID
    /// What it is for (`ci-github`).
    public var name: String
    /// The first characters of the secret, to recognise it in lists (`assay_Xy3kQ9`).
    public var prefix: String
    /// What it may do.
    public var scopes: Set<TokenScope>
    /// When it was created.
    public var createdAt: Date
    /// When it last authenticated a request (to the minute).
    public var lastUsedAt: Date?
    /// When it was revoked; a revoked token authenticates nothing.
    public var revokedAt: Date?

    /// Whether one of its scopes allows `required`.
    public func allows(_ required: TokenScope) -> Bool {
        scopes.contains { $0.allows(required) }
    }

    init(_ model: APITokenModel) throws {
        guard let id = model.id else { throw StoreError.corruptRow("an API token without an id") }
        self.id = id
        self.name = model.name
        self.prefix = model.prefix
        self.scopes = Set(model.scopes.split(separator: ",").compactMap { TokenScope(rawValue: String($0)) })
        self.createdAt = model.createdAt ?? Date(timeIntervalSince1970: 0)
        self.lastUsedAt = model.lastUsedAt
        self.revokedAt = model.revokedAt
    }
}
