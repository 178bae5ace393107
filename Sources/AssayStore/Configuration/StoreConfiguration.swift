public import Foundation
public import Logging

/// How to open a ``Store``: where the database is and how its connections behave.
///
/// ```swift
/// let configuration = try StoreConfiguration.fromEnvironment(dataDirectory: "/var/lib/assay")
/// let store = try await Store.open(configuration)
/// ```
public struct StoreConfiguration: Sendable {
    /// The environment variable that selects the database.
    public static let environmentKey = "ASSAY_DATABASE_URL"
    /// The file name of the default SQLite database inside the data directory.
    public static let defaultSQLiteFileName = "assay.sqlite"

    /// Where the data lives.
    public var location: DatabaseLocation
    /// How long a SQLite connection waits for another process's write lock before failing.
    public var sqliteBusyTimeoutMilliseconds: Int = 5000
    /// PostgreSQL connections kept per event loop.
    public var postgresConnectionsPerEventLoop: Int = 4
    /// The PostgreSQL `search_path` for every connection (the schema tables are created in);
    /// `nil` keeps the server's default (`public`).
    public var postgresSearchPath: [String]?
    /// How long a request waits for a free connection from the pool.
    public var connectionPoolTimeout: Duration = .seconds(10)
    /// The level at which every SQL statement is logged.
    public var sqlLogLevel: Logger.Level = .debug

    /// A configuration for `location` with default settings.
    public init(location: DatabaseLocation) {
        self.location = location
    }

    /// The configuration `ASSAY_DATABASE_URL` selects, or a SQLite file in `dataDirectory`.
    ///
    /// - Parameters:
    ///   - environment: The variables to read; the process environment by default.
    ///   - dataDirectory: Where the default SQLite file (`assay.sqlite`) goes when the variable is unset or empty.
    /// - Throws: ``StoreConfigurationError`` when the variable is set to an unusable address.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment,
        dataDirectory: String
    ) throws(StoreConfigurationError) -> StoreConfiguration {
        if let value = environment[environmentKey], !value.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                return StoreConfiguration(location: try DatabaseLocation.parse(value))
            } catch {
                throw .init(code: error.code, message: "\(environmentKey): \(error.message)")
            }
        }
        return StoreConfiguration(location: .sqlite(path: defaultSQLitePath(in: dataDirectory)))
    }

    /// The default SQLite file inside `dataDirectory`.
    public static func defaultSQLitePath(in dataDirectory: String) -> String {
        URL(fileURLWithPath: dataDirectory, isDirectory: true).appendingPathComponent(defaultSQLiteFileName).path
    }
}
