import Crypto
public import FluentKit
public import Foundation

/// Creates, verifies, lists and revokes API bearer tokens.
///
/// A token is `assay_` followed by 32 random bytes in base64url (no padding). Only its
/// SHA-256 is stored: a stolen database holds no usable token. Verification hashes the
/// presented token, looks the hash up (the index makes it one read) and compares the hashes
/// in constant time.
///
/// ```swift
/// let tokens = TokenStore(store: store)
/// let created = try await tokens.create(name: "ci", scopes: [.write])
/// print(created.secret)   // shown once
/// switch try await tokens.verify(bearer, requiring: .read) { ... }
/// ```
public struct TokenStore: Sendable {
    /// The prefix of every token.
    public static let tokenPrefix = "assay_"

    /// The store the tokens are in.
    public let store: Store
    /// How often `lastUsedAt` is written for a token in use.
    public var lastUsedResolution: TimeInterval = 60

    /// Tokens in `store`.
    public init(store: Store) {
        self.store = store
    }

    /// Creates a token with `scopes`.
    ///
    /// - Throws: ``StoreError`` `invalidArgument` for an empty name or no scope.
    public func create(name: String, scopes: Set<TokenScope>, on database: (any Database)? = nil) async throws -> CreatedToken {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 100 else { throw StoreError.invalidArgument("a token needs a name of 1 to 100 characters") }
        guard !scopes.isEmpty else { throw StoreError.invalidArgument("a token needs at least one scope (read, write or admin)") }
        let random = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let secret = Self.tokenPrefix + Self.base64URL(random)
        let model = APITokenModel()
        model.name = trimmed
        model.tokenHash = Self.hash(secret)
        model.prefix = String(secret.prefix(Self.tokenPrefix.count + 6))
        model.scopes = scopes.sorted().map(\.rawValue).joined(separator: ",")
        try await model.create(on: database ?? store.db())
        return CreatedToken(token: try APIToken(model), secret: secret)
    }

    /// Checks a bearer token for a request needing `scope`.
    ///
    /// Never throws for a malformed token (it is ``TokenVerification/invalid``); throws only
    /// for a database failure.
    public func verify(_ secret: String, requiring scope: TokenScope) async throws -> TokenVerification {
        guard secret.hasPrefix(Self.tokenPrefix), secret.count < 200 else { return .invalid }
        let hash = Self.hash(secret)
        guard let model = try await APITokenModel.query(on: store.db()).filter(\.$tokenHash == hash).first(),
            Self.constantTimeEqual(model.tokenHash, hash)
        else {
            return .invalid
        }
        guard model.revokedAt == nil else { return .revoked }
        let now = Date()
        if model.lastUsedAt.map({ now.timeIntervalSince($0) >= lastUsedResolution }) ?? true {
            model.lastUsedAt = now
            try await model.save(on: store.db())
        }
        let token = try APIToken(model)
        return token.allows(scope) ? .allowed(token) : .insufficientScope(token)
    }

    /// Revokes a token.
    ///
    /// - Returns: Whether a token with this id existed and was not already revoked.
    @discardableResult
    public func revoke(_ id: UUID) async throws -> Bool {
        guard let model = try await APITokenModel.find(id, on: store.db()), model.revokedAt == nil else { return false }
        model.revokedAt = Date()
        try await model.save(on: store.db())
        return true
    }

    /// Every token, oldest first (revoked ones included, marked).
    public func list() async throws -> [APIToken] {
        try await APITokenModel.query(on: store.db()).sort(\.$createdAt).sort(\.$id).all().map(APIToken.init)
    }

    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices {
            difference |= left[index] ^ right[index]
        }
        return difference == 0
    }
}
