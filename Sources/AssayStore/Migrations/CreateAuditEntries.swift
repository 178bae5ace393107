import FluentKit

/// The audit trail: what changed on which entity, why and by whom.
struct CreateAuditEntries: AsyncMigration {
    var name: String { "assay.005.audit_entries" }

    func prepare(on database: any Database) async throws {
        // No foreign key: the trail outlives what it describes.
        try await database.schema("audit_entries")
            .id()
            .field("entity", .string, .required)
            .field("entity_id", .string, .required)
            .field("action", .string, .required)
            .field("reason", .string, .required)
            .field("actor", .string, .required)
            .field("details", .string)
            .field("at", .datetime, .required)
            .create()
        try await StoreMigrations.createIndexes(
            [
                "CREATE INDEX audit_entries_entity_idx ON audit_entries (entity, entity_id, at)",
                "CREATE INDEX audit_entries_at_idx ON audit_entries (at)",
            ],
            on: database
        )
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_entries").delete()
    }
}
