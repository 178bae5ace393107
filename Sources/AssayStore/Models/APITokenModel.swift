public import FluentKit
import Foundation

/// A bearer token of the API: only its SHA-256 hash is stored.
///
/// The `api_tokens` table. Prefer the repositories; the model is public for queries they do not cover.
public final class APITokenModel: Model, @unchecked Sendable {
    public static let schema = "api_tokens"

    @ID(key: .id) public var id: UUID?
    @Field(key: "name") public var name: String
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "prefix") public var prefix: String
    @Field(key: "scopes") public var scopes: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "last_used_at") public var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    /// An empty model, for Fluent.
    public init() {}
}
