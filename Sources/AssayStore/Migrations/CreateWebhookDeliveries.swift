import FluentKit

/// Webhook deliveries, deduplicated by (source, delivery id).
struct CreateWebhookDeliveries: AsyncMigration {
    var name: String { "assay.003.webhook_deliveries" }

    func prepare(on database: any Database) async throws {
        try await database.schema("webhook_deliveries")
            .id()
            .field("project_id", .uuid, .references("projects", "id", onDelete: .cascade))
            .field("source", .string, .required)
            .field("delivery_id", .string, .required)
            .field("headers", .string, .required)
            .field("summary", .string)
            // A purged job leaves the delivery's record in place.
            .field("job_id", .int64, .references("jobs", "id", onDelete: .setNull))
            .field("received_at", .datetime, .required)
            .unique(on: "source", "delivery_id")
            .create()
        try await StoreMigrations.createIndexes(
            [
                "CREATE INDEX webhook_deliveries_received_idx ON webhook_deliveries (received_at, id)",
                "CREATE INDEX webhook_deliveries_project_idx ON webhook_deliveries (project_id, received_at)",
                "CREATE INDEX webhook_deliveries_job_idx ON webhook_deliveries (job_id)",
            ],
            on: database
        )
    }

    func revert(on database: any Database) async throws {
        try await database.schema("webhook_deliveries").delete()
    }
}
