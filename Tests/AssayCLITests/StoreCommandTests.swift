import AssayStore
import Foundation
import Logging
import SQLKit
import Testing

/// `assay migrate`, `assay tokens` and `assay jobs` as an operator runs them: the built
/// binary against a real SQLite file and the real PostgreSQL `scripts/test` starts, with
/// what the commands did read back through the store.
@Suite struct StoreCommandTests {
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    /// A fresh, empty database for one test: a SQLite file in a temporary directory, or a
    /// database of its own on the test PostgreSQL server (dropped afterwards).
    static func withDatabase(_ backend: Backend, _ body: (_ url: String) async throws -> Void) async throws {
        switch backend {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("assay-cli-store-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: directory) }
            try await body(directory.appendingPathComponent("assay.sqlite").path)
        case .postgres:
            let server = try #require(
                ProcessInfo.processInfo.environment["ASSAY_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 },
                "ASSAY_TEST_POSTGRES_URL is not set: scripts/test starts a PostgreSQL server for these tests")
            let name = "assay_cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
            var components = try #require(URLComponents(string: server))
            components.path = "/" + name
            let url = try #require(components.string)
            var admin = StoreConfiguration(location: try DatabaseLocation.parse(server))
            admin.postgresConnectionsPerEventLoop = 1
            let store = try await Store.open(admin, logger: quietLogger)
            try await store.database.sql().raw("CREATE DATABASE \(ident: name)").run()
            do {
                try await body(url)
            } catch {
                try? await store.database.sql().raw("DROP DATABASE IF EXISTS \(ident: name)").run()
                await store.shutdown()
                throw error
            }
            try await store.database.sql().raw("DROP DATABASE IF EXISTS \(ident: name)").run()
            await store.shutdown()
        }
    }

    static let quietLogger: Logger = {
        var logger = Logger(label: "assay.test.store")
        logger.logLevel = .critical
        return logger
    }()

    /// Opens the database in-process, runs `body`, closes it (SQLite: before the CLI runs again).
    static func withStore<T>(_ url: String, _ body: (Store) async throws -> T) async throws -> T {
        let store = try await Store.open(StoreConfiguration(location: try DatabaseLocation.parse(url)), logger: quietLogger)
        do {
            let result = try await body(store)
            await store.shutdown()
            return result
        } catch {
            await store.shutdown()
            throw error
        }
    }

    static func assay(_ arguments: [String], url: String) throws -> AssayBinary.Output {
        try AssayBinary.run(arguments, environment: ["ASSAY_DATABASE_URL": url])
    }

    @Test(arguments: Backend.allCases)
    func migrateIsRequiredOnceAndIdempotent(backend: Backend) async throws {
        try await Self.withDatabase(backend) { url in
            let early = try Self.assay(["jobs", "list"], url: url)
            #expect(early.status == 2)
            #expect(early.stderr.contains("not migrated: run `assay migrate` first"), "\(early.stderr)")
            let first = try Self.assay(["migrate"], url: url)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.hasPrefix("migrated "))
            let again = try Self.assay(["migrate"], url: url)
            #expect(again.status == 0)
            #expect(again.stdout.contains("is up to date"))
            #expect(try await Self.withStore(url) { await $0.migrationsApplied() })
            let empty = try Self.assay(["jobs", "list"], url: url)
            #expect(empty.status == 0)
            #expect(empty.stdout == "no jobs\n")
        }
    }

    @Test(arguments: Backend.allCases)
    func tokensAreShownOnceStoredHashedAndRevocable(backend: Backend) async throws {
        try await Self.withDatabase(backend) { url in
            #expect(try Self.assay(["migrate"], url: url).status == 0)
            let created = try Self.assay(["tokens", "create", "--name", "ci", "--scope", "write"], url: url)
            #expect(created.status == 0, "\(created.stderr)")
            let secret = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(secret.hasPrefix("assay_") && secret.count > 30)
            let verdict = try await Self.withStore(url) { try await TokenStore(store: $0).verify(secret, requiring: .write) }
            let token = try #require(verdict.allowedToken)
            #expect(token.name == "ci")
            let admin = try await Self.withStore(url) { try await TokenStore(store: $0).verify(secret, requiring: .admin) }
            guard case .insufficientScope = admin else {
                Issue.record("a write token was not refused an admin action: \(admin)")
                return
            }

            let listed = try Self.assay(["tokens", "list", "--json"], url: url)
            #expect(listed.status == 0)
            #expect(listed.stdout.contains(token.id.uuidString) && listed.stdout.contains("\"write\""))
            #expect(!listed.stdout.contains(secret), "the list never shows a secret")

            let badScope = try Self.assay(["tokens", "create", "--name", "x", "--scope", "root"], url: url)
            #expect(badScope.status == 2)
            #expect(badScope.stderr.contains("unknown scope 'root'"))

            #expect(try Self.assay(["tokens", "revoke", token.id.uuidString], url: url).status == 0)
            #expect(try await Self.withStore(url) { try await TokenStore(store: $0).verify(secret, requiring: .read) } == .revoked)
            let twice = try Self.assay(["tokens", "revoke", token.id.uuidString], url: url)
            #expect(twice.status == 2)
            #expect(twice.stderr.contains("no active token"))
        }
    }

    @Test(arguments: Backend.allCases)
    func deadJobsAreListedRetriedAndPurged(backend: Backend) async throws {
        try await Self.withDatabase(backend) { url in
            #expect(try Self.assay(["migrate"], url: url).status == 0)
            // A job that fails its only attempt: dead.
            func killOneJob(_ key: String) async throws -> Int64 {
                try await Self.withStore(url) { store in
                    let queue = JobQueue(store: store)
                    let kind = "regenerate-" + key
                    let enqueued = try await queue.enqueue(kind: kind, maxAttempts: 1)
                    let claimed = try #require(try await queue.claim(workerID: "test", lease: .seconds(30), kinds: [kind]).first)
                    #expect(claimed.id == enqueued.job.id)
                    #expect(try await queue.fail(claimed, error: "spec fetch failed: 503") == .dead)
                    return claimed.id
                }
            }
            let id = try await killOneJob("a")

            let dead = try Self.assay(["jobs", "list", "--state", "dead", "--json"], url: url)
            #expect(dead.status == 0, "\(dead.stderr)")
            #expect(dead.stdout.contains("\"id\": \(id)") && dead.stdout.contains("spec fetch failed: 503"), "\(dead.stdout)")
            let stats = try Self.assay(["jobs", "stats"], url: url)
            #expect(stats.stdout.contains("dead: 1"))

            let retried = try Self.assay(["jobs", "retry", String(id)], url: url)
            #expect(retried.status == 0, "\(retried.stderr)")
            let job = try #require(try await Self.withStore(url) { try await JobQueue(store: $0).job(id) })
            #expect(job.state == .queued && job.attempts == 0)
            let notDead = try Self.assay(["jobs", "retry", String(id)], url: url)
            #expect(notDead.status == 2)
            #expect(notDead.stderr.contains("is queued, not dead"))
            let missing = try Self.assay(["jobs", "retry", "987654"], url: url)
            #expect(missing.status == 2)
            #expect(missing.stderr.contains("job 987654 not found"))

            let live = try Self.assay(["jobs", "purge", "--older-than", "0s", "--states", "queued"], url: url)
            #expect(live.status == 2)
            #expect(live.stderr.contains("never purged"))
            let second = try await killOneJob("b")
            let purged = try Self.assay(["jobs", "purge", "--older-than", "0s"], url: url)
            #expect(purged.status == 0)
            #expect(purged.stdout == "purged 1 job(s)\n")
            #expect(try await Self.withStore(url) { try await JobQueue(store: $0).job(second) } == nil)
            #expect(try await Self.withStore(url) { try await JobQueue(store: $0).job(id) }?.state == .queued)
        }
    }

    @Test func anUnusableDatabaseAddressSaysWhatIsWrong() throws {
        let port = try AssayBinary.run(["migrate"], environment: ["ASSAY_DATABASE_URL": "postgres://u:secret@127.0.0.1:99999/x"])
        #expect(port.status == 2)
        #expect(port.stderr.contains("the port 99999"))
        #expect(!port.stderr.contains("secret"), "the password is never echoed")
        // Nothing listens on port 1 of 127.0.0.1.
        let down = try AssayBinary.run(["migrate"], environment: ["ASSAY_DATABASE_URL": "postgres://u:secret@127.0.0.1:1/x"])
        #expect(down.status == 2)
        #expect(down.stderr.contains("cannot open the database") && down.stderr.contains("Connection refused"), "\(down.stderr)")
        #expect(!down.stderr.contains("secret"))
    }
}
