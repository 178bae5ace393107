import FluentKit

/// Versioned, soft-deleted plans and the suites emitted from them.
struct CreatePlansAndSuites: AsyncMigration {
    var name: String { "assay.004.plans_and_suites" }

    func prepare(on database: any Database) async throws {
        try await database.schema("plans")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("spec_version_id", .uuid, .references("spec_versions", "id", onDelete: .setNull))
            .field("version", .int, .required)
            .field("content", .string, .required)
            .field("content_hash", .string, .required)
            .field("created_at", .datetime)
            .field("deleted_at", .datetime)
            .unique(on: "project_id", "version")
            .create()
        try await database.schema("emitted_suites")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("plan_id", .uuid, .required, .references("plans", "id", onDelete: .cascade))
            .field("version", .int, .required)
            .field("framework", .string, .required)
            .field("content_hash", .string, .required)
            .field("files", .string, .required)
            .field("created_at", .datetime)
            .field("deleted_at", .datetime)
            .unique(on: "project_id", "version")
            .create()
        try await StoreMigrations.createIndexes(
            [
                "CREATE INDEX plans_spec_version_idx ON plans (spec_version_id)",
                "CREATE INDEX emitted_suites_plan_idx ON emitted_suites (plan_id, version)",
            ],
            on: database
        )
    }

    func revert(on database: any Database) async throws {
        try await database.schema("emitted_suites").delete()
        try await database.schema("plans").delete()
    }
}
