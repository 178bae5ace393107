import FluentKit

/// API bearer tokens (hashes only).
struct CreateAPITokens: AsyncMigration {
    var name: String { "assay.007.api_tokens" }

    func prepare(on database: any Database) async throws {
        try await database.schema("api_tokens")
            .id()
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("scopes", .string, .required)
            .field("created_at", .datetime)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await StoreMigrations.createIndexes(["CREATE INDEX api_tokens_created_idx ON api_tokens (created_at, id)"], on: database)
    }

    func revert(on database: any Database) async throws {
        try await database.schema("api_tokens").delete()
    }
}
