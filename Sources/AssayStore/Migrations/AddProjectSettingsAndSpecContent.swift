import FluentKit

/// What the service needs to act on a webhook alone: a project's settings (where its
/// description lives, what to test, its webhook secrets) and each spec version's bytes (so a
/// job can regenerate from a version without fetching it again).
struct AddProjectSettingsAndSpecContent: AsyncMigration {
    var name: String { "assay.008.project_settings_spec_content" }

    func prepare(on database: any Database) async throws {
        // Both are new optional columns: SQLite and PostgreSQL add them in place.
        try await database.schema("projects").field("settings", .string).update()
        try await database.schema("spec_versions").field("content", .data).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("spec_versions").deleteField("content").update()
        try await database.schema("projects").deleteField("settings").update()
    }
}
