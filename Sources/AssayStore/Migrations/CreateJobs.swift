import FluentKit

/// The durable job queue (see ``JobQueue``).
struct CreateJobs: AsyncMigration {
    var name: String { "assay.002.jobs" }

    func prepare(on database: any Database) async throws {
        try await database.schema("jobs")
            .field("id", .int64, .identifier(auto: true))
            .field("kind", .string, .required)
            .field("state", .string, .required)
            .field("priority", .int, .required)
            .field("payload", .string, .required)
            .field("result", .string)
            .field("idempotency_key", .string)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("run_at", .int64, .required)
            .field("locked_by", .string)
            .field("lease_token", .string)
            .field("locked_until", .int64)
            .field("last_error", .string)
            .field("created_at", .int64, .required)
            .field("updated_at", .int64, .required)
            .field("finished_at", .int64)
            // NULL keys never conflict: only jobs given a key are deduplicated.
            .unique(on: "kind", "idempotency_key", name: "jobs_idempotency_key")
            .create()
        try await StoreMigrations.createIndexes(
            [
                // claim: the ready jobs in claim order.
                "CREATE INDEX jobs_claim_idx ON jobs (priority DESC, run_at, id) WHERE state = 'queued'",
                // rescue: running jobs by lease expiry.
                "CREATE INDEX jobs_lease_idx ON jobs (locked_until) WHERE state = 'running'",
                // list by state (newest first) and purge by age.
                "CREATE INDEX jobs_state_id_idx ON jobs (state, id)",
                "CREATE INDEX jobs_state_updated_idx ON jobs (state, updated_at)",
                "CREATE INDEX jobs_kind_id_idx ON jobs (kind, id)",
            ],
            on: database
        )
    }

    func revert(on database: any Database) async throws {
        try await database.schema("jobs").delete()
    }
}
