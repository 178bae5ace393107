import FluentKit
import Foundation
import SQLKit
import AssayTestSupport
import Testing

@testable import AssayStore

struct StoreTests {
    static let tables = [
        "projects", "spec_versions", "jobs", "webhook_deliveries", "plans", "emitted_suites", "audit_entries", "runs", "findings",
        "gate_results", "api_tokens",
    ]

    @Test(arguments: DatabaseBackend.allCases)
    func migrationsApplyAndRevert(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend, migrate: false) { store in
            #expect(store.backend == backend)
            #expect(await store.migrationsApplied() == false)
            try await store.migrate()
            #expect(await store.migrationsApplied())
            for table in Self.tables {
                #expect(try await count(table, in: store) == 0, "table \(table) exists and is empty")
            }
            // Applying again is a no-op.
            try await store.migrate()
            try await store.revert()
            #expect(await store.migrationsApplied() == false)
            await #expect(throws: (any Error).self) {
                _ = try await count("jobs", in: store)
            }
            try await store.migrate()
            #expect(await store.migrationsApplied())
        }
    }

    @Test func sqliteConnectionSettings() async throws {
        try await TestDatabase.with(.sqlite) { store in
            let settings = try #require(try await store.sqliteSettings())
            #expect(settings.journalMode == "wal")
            #expect(settings.busyTimeoutMilliseconds == 5000)
            #expect(settings.foreignKeys)
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func deletingAProjectCascadesToItsChildren(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let projects = ProjectRepository(store: store)
            let specs = SpecVersionRepository(store: store)
            let kept = try await projects.create(slug: "kept", name: "Kept")
            let gone = try await projects.create(slug: "gone", name: "Gone")
            _ = try await specs.record(projectID: kept.id, content: Data("a".utf8), source: "file:a.yaml")
            _ = try await specs.record(projectID: gone.id, content: Data("b".utf8), source: "file:b.yaml")
            _ = try await specs.record(projectID: gone.id, content: Data("c".utf8), source: "file:c.yaml")
            #expect(try await count("spec_versions", in: store) == 3)
            #expect(try await projects.delete(gone.id))
            #expect(try await count("spec_versions", in: store) == 1)
            #expect(try await specs.list(projectID: kept.id).items.count == 1)
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func foreignKeysAreEnforced(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let sql = try store.database.sql()
            await #expect(throws: (any Error).self) {
                try await sql.raw(
                    """
                    INSERT INTO spec_versions (id, project_id, version, content_hash, source)
                    VALUES (\(bind: UUID()), \(bind: UUID()), 1, 'h', 'nowhere')
                    """
                ).run()
            }
            #expect(try await count("spec_versions", in: store) == 0)
        }
    }
}
