import Foundation
import SQLKit
import AssayTestSupport
import Testing

@testable import AssayStore

struct TokenStoreTests {
    @Test(arguments: DatabaseBackend.allCases)
    func createVerifyScopesAndRevoke(backend: DatabaseBackend) async throws {
        try await TestDatabase.with(backend) { store in
            let tokens = TokenStore(store: store)
            let writer = try await tokens.create(name: "ci", scopes: [.write])
            let admin = try await tokens.create(name: "ops", scopes: [.admin])
            #expect(writer.secret.hasPrefix("assay_"))
            #expect(writer.secret.count == 6 + 43)
            #expect(writer.secret.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
            #expect(writer.secret != admin.secret)
            #expect(writer.secret.hasPrefix(writer.token.prefix))

            // Only the hash is stored.
            let stored = try await store.database.sql().raw("SELECT token_hash FROM api_tokens").all()
                .map { try $0.decode(column: "token_hash", as: String.self) }
            #expect(stored.count == 2)
            #expect(!stored.contains(writer.secret) && stored.contains(TokenStore.hash(writer.secret)))

            #expect(try await tokens.verify(writer.secret, requiring: .read).allowedToken?.id == writer.token.id)
            #expect(try await tokens.verify(writer.secret, requiring: .write).allowedToken?.name == "ci")
            #expect(
                try await tokens.verify(writer.secret, requiring: .admin)
                    == .insufficientScope(try #require(try await tokens.list().first { $0.name == "ci" }))
            )
            #expect(try await tokens.verify(admin.secret, requiring: .write).allowedToken != nil)
            #expect(try await tokens.verify(admin.secret, requiring: .admin).allowedToken != nil)

            #expect(try await tokens.verify("assay_" + String(repeating: "A", count: 43), requiring: .read) == .invalid)
            #expect(try await tokens.verify(String(writer.secret.dropLast()) + "x", requiring: .read) == .invalid)
            #expect(try await tokens.verify("Bearer nonsense", requiring: .read) == .invalid)
            #expect(try await tokens.verify("", requiring: .read) == .invalid)

            #expect(try await tokens.revoke(writer.token.id))
            #expect(try await tokens.revoke(writer.token.id) == false)
            #expect(try await tokens.verify(writer.secret, requiring: .read) == .revoked)
            let listed = try await tokens.list()
            #expect(listed.count == 2)
            #expect(listed.first { $0.name == "ci" }?.revokedAt != nil)
            #expect(listed.first { $0.name == "ops" }?.lastUsedAt != nil)
            await #expect(throws: StoreError.self) { _ = try await tokens.create(name: "x", scopes: []) }
            await #expect(throws: StoreError.self) { _ = try await tokens.create(name: " ", scopes: [.read]) }
        }
    }

    @Test func scopesImplyTheOnesBelow() {
        #expect(TokenScope.admin.allows(.write) && TokenScope.admin.allows(.read) && TokenScope.admin.allows(.admin))
        #expect(TokenScope.write.allows(.read) && !TokenScope.write.allows(.admin))
        #expect(!TokenScope.read.allows(.write))
        #expect(
            TokenStore.constantTimeEqual("abc", "abc") && !TokenStore.constantTimeEqual("abc", "abd") && !TokenStore.constantTimeEqual("abc", "ab")
        )
    }
}
