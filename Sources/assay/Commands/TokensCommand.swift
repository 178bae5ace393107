import ArgumentParser
import AssayCore
import AssayStore
import Foundation

/// `assay tokens`: API tokens of the service (bearer tokens, stored hashed).
struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Create, list and revoke the service's API tokens.",
        discussion: """
            A token is shown once, when it is created; the database keeps only its SHA-256 \
            hash. Scopes nest: admin allows write, write allows read.

            Exit codes: 0 done; 2 unusable input (unknown scope or token, database unreachable \
            or not migrated).
            """,
        subcommands: [Create.self, List.self, Revoke.self]
    )

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token and print it (the only time it is shown).",
            discussion: "Example: assay tokens create --name ci --scope write"
        )

        @Option(help: "What the token is for (shown by `assay tokens list`).")
        var name: String

        @Option(help: "read, write or admin.")
        var scope: String = "read"

        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await StoreCommandError.reporting {
                guard let scope = TokenScope(rawValue: scope) else {
                    throw StoreCommandError("unknown scope '\(scope)': the scopes are read, write and admin")
                }
                guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw StoreCommandError("--name must not be empty") }
                let created = try await store.withStore { store in
                    try await TokenStore(store: store).create(name: name, scopes: [scope])
                }
                FileHandle.standardError.write(Data("token \(created.token.id) '\(name)' (\(scope.rawValue)); store it now, it is not shown again:\n".utf8))
                print(created.secret)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the tokens (never their secrets).")

        @Flag(help: "JSON output.")
        var json = false

        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await StoreCommandError.reporting {
                let tokens = try await store.withStore { store in try await TokenStore(store: store).list() }
                if json {
                    let rows: [JSONValue] = tokens.map { token in
                        [
                            "id": .string(token.id.uuidString), "name": .string(token.name), "prefix": .string(token.prefix),
                            "scopes": .array(token.scopes.sorted().map { .string($0.rawValue) }),
                            "created": .string(ISO8601DateFormatter().string(from: token.createdAt)),
                            "lastUsed": token.lastUsedAt.map { .string(ISO8601DateFormatter().string(from: $0)) } ?? .null,
                            "revoked": token.revokedAt.map { .string(ISO8601DateFormatter().string(from: $0)) } ?? .null,
                        ]
                    }
                    print(JSONWriter(pretty: true).string(.array(rows)))
                    return
                }
                if tokens.isEmpty { print("no tokens") }
                for token in tokens {
                    let scopes = token.scopes.sorted().map(\.rawValue).joined(separator: ",")
                    let state = token.revokedAt == nil ? "active" : "revoked"
                    print("\(token.id)  \(token.prefix)…  \(scopes)  \(state)  \(token.name)")
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a token by its id (from `assay tokens list`).")

        @Argument(help: "The token's id.")
        var id: String

        @OptionGroup var store: StoreOptions

        func run() async throws {
            try await StoreCommandError.reporting {
                guard let uuid = UUID(uuidString: id) else { throw StoreCommandError("'\(id)' is not a token id (a UUID from `assay tokens list`)") }
                let revoked = try await store.withStore { store in try await TokenStore(store: store).revoke(uuid) }
                guard revoked else { throw StoreCommandError("no active token has the id \(id)") }
                print("revoked \(id)")
            }
        }
    }
}
