public import AssayStore
import Foundation
public import Logging
import SQLKit

/// Why a PostgreSQL test cannot run: it must fail, never skip, without a server.
public struct MissingPostgresError: Error, CustomStringConvertible {
    public var description: String {
        "ASSAY_TEST_POSTGRES_URL is not set: the PostgreSQL variant of the store tests needs a server "
            + "(scripts/test starts one; or export ASSAY_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:PORT/assay_test)"
    }
}

/// A fresh, empty database per test: a SQLite file in a new temporary directory, or a new
/// schema on the test PostgreSQL server (so tests run in parallel without sharing rows).
public enum TestDatabase {
    public static let logger: Logger = {
        var logger = Logger(label: "assay.store.tests")
        logger.logLevel = ProcessInfo.processInfo.environment["ASSAY_TEST_LOG"] == "1" ? .debug : .critical
        return logger
    }()

    /// Opens a store on `backend`, migrated unless `migrate` is false, runs `body`, then removes everything.
    public static func with<T>(
        _ backend: DatabaseBackend,
        migrate: Bool = true,
        _ body: (Store) async throws -> T
    ) async throws -> T {
        switch backend {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("assay-store-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            let store = try await Store.open(
                StoreConfiguration(location: .sqlite(path: directory.appendingPathComponent("assay.sqlite").path)),
                logger: logger
            )
            return try await run(store, migrate: migrate, body)
        case .postgres:
            guard let url = ProcessInfo.processInfo.environment["ASSAY_TEST_POSTGRES_URL"], !url.isEmpty else {
                throw MissingPostgresError()
            }
            // A few PostgreSQL tests at a time: each opens several connections, and the
            // server of scripts/test allows 100 in all.
            await postgresGate.enter()
            defer { Task { await postgresGate.leave() } }
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            var adminConfiguration = StoreConfiguration(location: try DatabaseLocation.parse(url))
            adminConfiguration.postgresConnectionsPerEventLoop = 1
            let admin = try await Store.open(adminConfiguration, logger: logger)
            do {
                try await admin.database.sql().raw("CREATE SCHEMA \(ident: schema)").run()
                var configuration = StoreConfiguration(location: try DatabaseLocation.parse(url))
                configuration.postgresSearchPath = [schema]
                configuration.postgresConnectionsPerEventLoop = 2
                let store = try await Store.open(configuration, logger: logger)
                let result = try await run(store, migrate: migrate, body)
                try await admin.database.sql().raw("DROP SCHEMA \(ident: schema) CASCADE").run()
                await admin.shutdown()
                return result
            } catch {
                try? await admin.database.sql().raw("DROP SCHEMA \(ident: schema) CASCADE").run()
                await admin.shutdown()
                throw error
            }
        }
    }

    private static func run<T>(_ store: Store, migrate: Bool, _ body: (Store) async throws -> T) async throws -> T {
        do {
            if migrate {
                try await store.migrate()
            }
            let result = try await body(store)
            await store.shutdown()
            return result
        } catch {
            await store.shutdown()
            throw error
        }
    }
}

/// Counts rows of a table (the tests' ground truth, independent of the code under test).
public func count(_ table: String, where condition: String = "1 = 1", in store: Store) async throws -> Int {
    let row = try await store.database.sql().raw("SELECT COUNT(*) AS n FROM \(ident: table) WHERE \(unsafeRaw: condition)").first()
    return try row?.decode(column: "n", as: Int.self) ?? -1
}

/// Lets at most `limit` holders in at once; the others wait in order.
public actor TestGate {
    private let limit: Int
    private var inside = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(limit: Int) {
        self.limit = limit
    }

    public func enter() async {
        if inside < limit {
            inside += 1
            return
        }
        // The leaver hands its place over, so `inside` stays the same.
        await withCheckedContinuation { waiting.append($0) }
    }

    public func leave() {
        if waiting.isEmpty {
            inside -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

/// The PostgreSQL tests running at once.
public let postgresGate = TestGate(limit: 4)
