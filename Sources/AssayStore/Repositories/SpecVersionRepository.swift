import Crypto
public import FluentKit
import Foundation

/// Records the versions of a project's API description.
public struct SpecVersionRepository: Sendable {
    /// The store the versions are in.
    public let store: Store

    /// A repository on `store`.
    public init(store: Store) {
        self.store = store
    }

    /// The SHA-256 of `content` in lowercase hex.
    public static func contentHash(_ content: Data) -> String {
        SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined()
    }

    /// Records `content` as the project's next version, unless the same bytes are already a version.
    ///
    /// - Returns: The version, and whether it is new.
    @discardableResult
    public func record(
        projectID: UUID,
        content: Data,
        source: String,
        summary: String? = nil,
        on database: (any Database)? = nil
    ) async throws -> (version: SpecVersion, inserted: Bool) {
        let hash = Self.contentHash(content)
        let work: @Sendable (any Database) async throws -> (SpecVersion, Bool) = { db in
            try await db.lockProjectForNumbering(projectID)
            if let existing = try await SpecVersionModel.query(on: db)
                .filter(\.$project.$id == projectID).filter(\.$contentHash == hash).first()
            {
                return (try SpecVersion(existing), false)
            }
            let last = try await SpecVersionModel.query(on: db).filter(\.$project.$id == projectID).max(\.$version) ?? 0
            let model = SpecVersionModel()
            model.$project.id = projectID
            model.version = last + 1
            model.contentHash = hash
            model.source = source
            model.summary = summary
            model.content = content
            try await model.create(on: db)
            return (try SpecVersion(model), true)
        }
        if let database, database.inTransaction {
            return try await work(database)
        }
        return try await (database ?? store.db()).transaction(work)
    }

    /// The project's versions, newest first, a page at a time.
    public func list(projectID: UUID, after cursor: String? = nil, limit: Int = 50) async throws -> Page<SpecVersion> {
        guard (1...1000).contains(limit) else { throw StoreError.invalidArgument("the page size must be from 1 to 1000, not \(limit)") }
        let query = try SpecVersionModel.query(on: store.db()).filter(\.$project.$id == projectID).sort(\.$version, .descending).limit(limit + 1)
        if let cursor {
            guard let before = Int(cursor) else { throw StoreError.invalidArgument("'\(cursor)' is not a spec version cursor") }
            query.filter(\.$version < before)
        }
        let models = try await query.all()
        let versions = try models.prefix(limit).map(SpecVersion.init)
        return Page(items: versions, nextCursor: models.count > limit ? versions.last.map { String($0.version) } : nil)
    }

    /// The version with this id, if any.
    public func get(_ id: UUID) async throws -> SpecVersion? {
        try await SpecVersionModel.find(id, on: store.db()).map(SpecVersion.init)
    }

    /// The project's version numbered `number`, if any.
    public func get(projectID: UUID, number: Int) async throws -> SpecVersion? {
        try await SpecVersionModel.query(on: store.db()).filter(\.$project.$id == projectID).filter(\.$version == number).first()
            .map(SpecVersion.init)
    }

    /// The bytes of the version with this id, if it exists and they were kept.
    public func content(of id: UUID) async throws -> Data? {
        try await SpecVersionModel.query(on: store.db()).filter(\.$id == id).field(\.$id).field(\.$content).first()?.content
    }

    /// The project's newest version, if any.
    public func latest(projectID: UUID) async throws -> SpecVersion? {
        try await SpecVersionModel.query(on: store.db()).filter(\.$project.$id == projectID).sort(\.$version, .descending).first()
            .map(SpecVersion.init)
    }
}
