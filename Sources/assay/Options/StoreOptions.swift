import ArgumentParser
import AssayStore
import Foundation
import Logging

/// Where the service's database is, for the commands that use it (`migrate`, `jobs`,
/// `tokens`, and later `serve`): `ASSAY_DATABASE_URL` when set (a `postgres://` URL or a
/// SQLite path), else `assay.sqlite` in the data directory.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The directory of the default SQLite database (when ASSAY_DATABASE_URL is not set).",
        discussion: "Default: $ASSAY_DATA_DIR, else $XDG_DATA_HOME/assay, else ~/.local/share/assay."))
    var dataDir: String?

    /// The data directory in effect.
    var dataDirectory: String {
        let environment = ProcessInfo.processInfo.environment
        if let dataDir { return dataDir }
        if let directory = environment["ASSAY_DATA_DIR"], !directory.isEmpty { return directory }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/assay" }
        return FileManager.default.homeDirectoryForCurrentUser.path + "/.local/share/assay"
    }

    /// Runs `body` with the store open, shut down afterwards whatever happens. With
    /// `requireMigrations` (every command but `migrate`), a database without Assay's
    /// tables is refused with a clear message rather than failing on the first query.
    /// An unusable address or an unreachable database exits 2 with what was wrong.
    func withStore<Result>(requireMigrations: Bool = true, _ body: (Store) async throws -> Result) async throws -> Result {
        let configuration: StoreConfiguration
        do {
            configuration = try StoreConfiguration.fromEnvironment(dataDirectory: dataDirectory)
        } catch {
            throw StoreCommandError("\(error)")
        }
        // The command reports a failure itself, once; the drivers' own logs would repeat it.
        var logger = Logger(label: "assay.store")
        logger.logLevel = .critical
        let store: Store
        do {
            store = try await Store.open(configuration, logger: logger)
        } catch {
            throw StoreCommandError("cannot open the database \(configuration.location): \(Self.reason(error))")
        }
        do {
            if requireMigrations, !(await store.migrationsApplied()) {
                throw StoreCommandError("the database \(configuration.location) is not migrated: run `assay migrate` first")
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

extension StoreOptions {
    /// What went wrong, as specific as the driver allows: PostgreSQL's errors describe
    /// themselves generically unless reflected (which names the cause, never the password).
    static func reason(_ error: any Error) -> String {
        let plain = "\(error)"
        guard plain.contains("Generic description") else { return plain }
        return String(String(reflecting: error).prefix(400))
    }
}

/// A store command that cannot do what it was asked: printed as `error: …`, exit 2.
struct StoreCommandError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

extension StoreCommandError {
    /// Runs a command body, turning store and argument failures into `error: …` on
    /// standard error and exit status 2.
    static func reporting(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ExitCode {
            throw error
        } catch let error as StoreCommandError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitStatus.unusable
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            throw ExitStatus.unusable
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitStatus.unusable
        }
    }
}
