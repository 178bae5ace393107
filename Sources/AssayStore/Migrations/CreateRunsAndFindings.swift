import FluentKit

/// Runs, their findings and gate results.
struct CreateRunsAndFindings: AsyncMigration {
    var name: String { "assay.006.runs_findings_gates" }

    func prepare(on database: any Database) async throws {
        try await database.schema("runs")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("plan_id", .uuid, .references("plans", "id", onDelete: .setNull))
            .field("job_id", .int64, .references("jobs", "id", onDelete: .setNull))
            .field("number", .int, .required)
            .field("target", .string, .required)
            .field("status", .string, .required)
            .field("started_at", .datetime, .required)
            .field("finished_at", .datetime)
            .field("summary", .string)
            .unique(on: "project_id", "number")
            .create()
        try await database.schema("findings")
            .id()
            .field("run_id", .uuid, .required, .references("runs", "id", onDelete: .cascade))
            .field("operation", .string, .required)
            .field("check_name", .string, .required)
            .field("severity", .string, .required)
            .field("message", .string, .required)
            .field("fingerprint", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema("gate_results")
            .id()
            .field("project_id", .uuid, .required, .references("projects", "id", onDelete: .cascade))
            .field("run_id", .uuid, .references("runs", "id", onDelete: .cascade))
            .field("stage", .string, .required)
            .field("passed", .bool, .required)
            .field("score", .double)
            .field("details", .string)
            .field("created_at", .datetime)
            .create()
        try await StoreMigrations.createIndexes(
            [
                "CREATE INDEX runs_plan_idx ON runs (plan_id)",
                "CREATE INDEX runs_job_idx ON runs (job_id)",
                "CREATE INDEX findings_run_idx ON findings (run_id, severity)",
                "CREATE INDEX findings_fingerprint_idx ON findings (fingerprint)",
                "CREATE INDEX gate_results_project_idx ON gate_results (project_id, created_at)",
                "CREATE INDEX gate_results_run_idx ON gate_results (run_id)",
            ],
            on: database
        )
    }

    func revert(on database: any Database) async throws {
        try await database.schema("gate_results").delete()
        try await database.schema("findings").delete()
        try await database.schema("runs").delete()
    }
}
