import ArgumentParser
import AssayStore
import Foundation

/// `assay migrate`: create or update the service's database schema.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Create or update the database schema of the Assay service (SQLite or PostgreSQL).",
        discussion: """
            The database is ASSAY_DATABASE_URL when set (postgres://user:password@host:port/db, \
            or a SQLite path), else assay.sqlite in the data directory (--data-dir). Migrations \
            are applied in order and only once; running it again changes nothing. --revert undoes \
            them all (every table and its data is dropped).

            Exit codes: 0 migrated; 2 unusable database address or database unreachable.

            Examples:
              assay migrate
              ASSAY_DATABASE_URL=postgres://assay@127.0.0.1:5432/assay assay migrate
            """
    )

    @OptionGroup var store: StoreOptions

    @Flag(help: "Undo every migration (drops Assay's tables and their data).")
    var revert = false

    func run() async throws {
        try await StoreCommandError.reporting {
            try await store.withStore(requireMigrations: false) { store in
                let location = store.configuration.location
                if revert {
                    try await store.revert()
                    print("reverted every migration of \(location)")
                } else {
                    let before = await store.migrationsApplied()
                    try await store.migrate()
                    print(before ? "\(location) is up to date" : "migrated \(location)")
                }
            }
        }
    }
}
