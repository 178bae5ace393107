public import FluentKit
import SQLKit

/// The one migration set of the store, for SQLite and PostgreSQL alike, in the order applied.
///
/// Append new migrations at the end; never edit one that has shipped.
public enum StoreMigrations {
    /// Every migration, oldest first.
    public static var all: [any Migration] {
        [
            CreateProjects(),
            CreateJobs(),
            CreateWebhookDeliveries(),
            CreatePlansAndSuites(),
            CreateAuditEntries(),
            CreateRunsAndFindings(),
            CreateAPITokens(),
            AddProjectSettingsAndSpecContent(),
        ]
    }

    /// Runs `CREATE [UNIQUE] INDEX` statements (the same SQL on both backends).
    static func createIndexes(_ statements: [String], on database: any Database) async throws {
        let sql = try database.sql()
        for statement in statements {
            try await sql.raw("\(unsafeRaw: statement)").run()
        }
    }
}
