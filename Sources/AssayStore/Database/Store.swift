public import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
public import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit

/// The database of the Assay service: opens it, migrates it, hands out `Database` handles.
///
/// SQLite (the default) runs on one event loop with one connection, so writes never contend
/// inside the process; the connection uses WAL, a busy timeout for other processes (the CLI
/// beside the server) and enforced foreign keys. PostgreSQL uses a pool on every loop of the
/// shared event loop group.
///
/// ```swift
/// let store = try await Store.open(.init(location: .sqlite(path: "/tmp/assay.sqlite")))
/// try await store.migrate()
/// let projects = ProjectRepository(store: store)
/// ...
/// await store.shutdown()
/// ```
public final class Store: Sendable {
    /// The configuration the store was opened with.
    public let configuration: StoreConfiguration
    /// Which kind of database this is.
    public let backend: DatabaseBackend
    /// The logger every database handle logs with.
    public let logger: Logger

    private let databases: Databases
    private let eventLoopGroup: any EventLoopGroup
    private let migrations: Migrations
    private let isShutDown = NIOLockedValueBox(false)
    /// Rung on every enqueue in this process; the job workers of this store wait on it.
    let jobDoorbell = Doorbell()

    private init(
        configuration: StoreConfiguration,
        backend: DatabaseBackend,
        databases: Databases,
        eventLoopGroup: any EventLoopGroup,
        logger: Logger
    ) {
        self.configuration = configuration
        self.backend = backend
        self.databases = databases
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
        self.migrations = Migrations()
        self.migrations.add(StoreMigrations.all)
    }

    /// Opens the database `configuration` describes and prepares its connections.
    ///
    /// Opening does not migrate: call ``migrate()`` (the server does before it starts workers).
    ///
    /// - Throws: ``StoreConfigurationError`` for unusable settings, or the driver's error when
    ///   the database cannot be reached.
    public static func open(_ configuration: StoreConfiguration, logger: Logger = Logger(label: "assay.store")) async throws -> Store {
        let poolTimeout = TimeAmount.nanoseconds(
            Int64(configuration.connectionPoolTimeout.components.seconds) * 1_000_000_000
                + configuration.connectionPoolTimeout.components.attoseconds / 1_000_000_000
        )
        switch configuration.location {
        case .sqlite(let path):
            guard configuration.sqliteBusyTimeoutMilliseconds >= 0 else {
                throw StoreConfigurationError.invalidSetting("sqliteBusyTimeoutMilliseconds", reason: "it must not be negative")
            }
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            // One loop, hence one connection (the SQLite driver keeps one per loop): a single
            // writer, and the per-connection PRAGMAs below reach every statement.
            let loop = MultiThreadedEventLoopGroup.singleton.next()
            let databases = Databases(threadPool: NIOThreadPool.singleton, on: loop)
            databases.use(
                .sqlite(
                    SQLiteConfiguration(storage: .file(path: path), enableForeignKeys: true),
                    connectionPoolTimeout: poolTimeout,
                    sqlLogLevel: configuration.sqlLogLevel
                ),
                as: .sqlite
            )
            let store = Store(configuration: configuration, backend: .sqlite, databases: databases, eventLoopGroup: loop, logger: logger)
            do {
                try await store.configureSQLiteConnection()
            } catch {
                await store.shutdown()
                throw error
            }
            return store
        case .postgres(let url):
            guard configuration.postgresConnectionsPerEventLoop >= 1 else {
                throw StoreConfigurationError.invalidSetting("postgresConnectionsPerEventLoop", reason: "it must be at least 1")
            }
            var sqlConfiguration: SQLPostgresConfiguration
            do {
                sqlConfiguration = try SQLPostgresConfiguration(url: url)
            } catch {
                throw StoreConfigurationError.invalidDatabaseURL(
                    DatabaseLocation.redacted(url),
                    reason: "the PostgreSQL driver refused it (\(error))"
                )
            }
            sqlConfiguration.searchPath = configuration.postgresSearchPath
            let group = MultiThreadedEventLoopGroup.singleton
            let databases = Databases(threadPool: NIOThreadPool.singleton, on: group)
            databases.use(
                .postgres(
                    configuration: sqlConfiguration,
                    maxConnectionsPerEventLoop: configuration.postgresConnectionsPerEventLoop,
                    connectionPoolTimeout: poolTimeout,
                    sqlLogLevel: configuration.sqlLogLevel
                ),
                as: .psql
            )
            let store = Store(configuration: configuration, backend: .postgres, databases: databases, eventLoopGroup: group, logger: logger)
            do {
                // Fail at open, not at first use, when the server is unreachable.
                try await store.database.sql().raw("SELECT 1").run()
            } catch {
                await store.shutdown()
                throw error
            }
            return store
        }
    }

    /// A handle on the database for one unit of work (cheap: handles share the pool).
    ///
    /// Pass it, or the `Database` a `transaction` closure receives, to the repositories and
    /// the ``JobQueue`` so their writes join the caller's transaction.
    ///
    /// Inside a transaction, use the transaction's `Database` only: SQLite has one connection,
    /// so a second handle waits for the transaction to end (and times out).
    ///
    /// Using it after ``shutdown()`` is a programming error and traps; the repositories and
    /// the queue throw ``StoreError/shutDown`` instead.
    public var database: any Database {
        guard let database = try? db() else {
            preconditionFailure("AssayStore: the store was used after shutdown()")
        }
        return database
    }

    /// A database handle, or ``StoreError/shutDown`` after ``shutdown()``.
    func db() throws(StoreError) -> any Database {
        guard let database = databases.database(logger: logger, on: eventLoopGroup.any()) else {
            throw StoreError.shutDown
        }
        return database
    }

    /// Applies every migration not yet applied (creating the migration log on first use).
    public func migrate() async throws {
        let migrator = try makeMigrator()
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Reverts every applied migration, dropping the store's tables.
    public func revert() async throws {
        let migrator = try makeMigrator()
        try await migrator.setupIfNeeded().get()
        try await migrator.revertAllBatches().get()
    }

    /// Whether every migration of this version of Assay is applied (what `/ready` reports).
    ///
    /// Never throws: an unreachable database means "not ready".
    public func migrationsApplied() async -> Bool {
        do {
            let migrator = try makeMigrator()
            try await migrator.setupIfNeeded().get()
            return try await migrator.previewPrepareBatch().get().isEmpty
        } catch {
            logger.warning("migration check failed", metadata: ["error": "\(String(reflecting: error))"])
            return false
        }
    }

    /// Closes every connection. The store cannot be used afterwards.
    public func shutdown() async {
        isShutDown.withLockedValue { $0 = true }
        await databases.shutdownAsync()
    }

    private func makeMigrator() throws(StoreError) -> Migrator {
        // The migrator force-unwraps its database handles: refuse before it can.
        guard !isShutDown.withLockedValue({ $0 }) else { throw StoreError.shutDown }
        return Migrator(databases: databases, migrations: migrations, logger: logger, on: eventLoopGroup.any(), migrationLogLevel: .debug)
    }

    /// WAL and the busy timeout are connection settings (WAL also persists in the file);
    /// `foreign_keys` is already set on connect by the driver and checked here.
    private func configureSQLiteConnection() async throws {
        let sql = try database.sql()
        let timeout = configuration.sqliteBusyTimeoutMilliseconds
        try await sql.raw("PRAGMA journal_mode = WAL").run()
        try await sql.raw("PRAGMA busy_timeout = \(unsafeRaw: String(timeout))").run()
        try await sql.raw("PRAGMA synchronous = NORMAL").run()
        let settings = try await sqlitePragmas()
        guard settings.foreignKeys, settings.journalMode == "wal" else {
            throw StoreError(
                code: .invalidArgument,
                message: "SQLite refused the settings (journal_mode=\(settings.journalMode), foreign_keys=\(settings.foreignKeys))"
            )
        }
    }

    /// The connection settings SQLite reports, for tests and diagnostics; `nil` on PostgreSQL.
    public func sqliteSettings() async throws -> SQLiteSettings? {
        backend == .sqlite ? try await sqlitePragmas() : nil
    }

    private func sqlitePragmas() async throws -> SQLiteSettings {
        let sql = try database.sql()
        let mode = try await sql.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self) ?? ""
        let timeout = try await sql.raw("PRAGMA busy_timeout").first()?.decode(column: "timeout", as: Int.self) ?? 0
        let foreignKeys = try await sql.raw("PRAGMA foreign_keys").first()?.decode(column: "foreign_keys", as: Int.self) ?? 0
        return SQLiteSettings(journalMode: mode.lowercased(), busyTimeoutMilliseconds: timeout, foreignKeys: foreignKeys == 1)
    }
}
