import FluentKit

/// Projects and the versions of their API descriptions.
struct CreateProjects: AsyncMigration {
    var name: String { "assay.001.projects" }

    func prepare(on database: any Database) async throws {
        try await database.schema("projects")
            .id()
            .field("slug", .string, .required)
            .field("name", .string, .required)
            .field("repository_url", .string)
            .field("created_at", .datetime)
            .field("updated_at", .datetime)
            .unique(on: "slug")
            .create()
        try await database.schema("spec_versions")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("version", .int, .required)
            .field("content_hash", .string, .required)
            .field("source", .string, .required)
            .field("summary", .string)
            .field("created_at", .datetime)
            .unique(on: "project_id", "version")
            .unique(on: "project_id", "content_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("spec_versions").delete()
        try await database.schema("projects").delete()
    }
}
