public import FluentKit
import Foundation

/// Saves versions of the suites emitted for a project, soft-deletes and restores them, each
/// change audited in the same transaction.
public struct EmittedSuiteRepository: Sendable {
    /// The audit entity name of emitted suites.
    public static let auditEntity = "suite"

    /// The store the suites are in.
    public let store: Store

    /// Suites in `store`.
    public init(store: Store) {
        self.store = store
    }

    /// Saves the files emitted from `planID` as the project's next suite version.
    ///
    /// - Parameters:
    ///   - files: The emitted files as a JSON object of path to content.
    ///   - reason: Why the suite changed (recorded in the audit trail).
    ///   - actor: Who changed it.
    /// - Throws: ``StoreError`` `notFound` when the plan does not exist (or is deleted).
    public func save(planID: UUID, framework: String, files: String, reason: String, actor: String) async throws -> EmittedSuite {
        let trail = AuditTrail(store: store)
        return try await store.db().transaction { db in
            guard let plan = try await PlanModel.find(planID, on: db) else { throw StoreError.notFound("plan \(planID)") }
            let projectID = plan.$project.id
            try await db.lockProjectForNumbering(projectID)
            let last = try await EmittedSuiteModel.query(on: db).withDeleted().filter(\.$project.$id == projectID).max(\.$version) ?? 0
            let model = EmittedSuiteModel()
            model.$project.id = projectID
            model.$plan.id = planID
            model.version = last + 1
            model.framework = framework
            model.files = files
            model.contentHash = SpecVersionRepository.contentHash(Data(files.utf8))
            try await model.create(on: db)
            let suite = try EmittedSuite(model)
            try await trail.record(
                entity: Self.auditEntity,
                entityID: suite.id.uuidString,
                action: "create",
                reason: reason,
                actor: actor,
                details: #"{"plan":"\#(planID.uuidString)","version":\#(suite.version)}"#,
                on: db
            )
            return suite
        }
    }

    /// The project's newest live suite.
    public func latest(projectID: UUID) async throws -> EmittedSuite? {
        try await EmittedSuiteModel.query(on: store.db()).filter(\.$project.$id == projectID).sort(\.$version, .descending).first()
            .map(EmittedSuite.init)
    }

    /// The project's suite versions, newest first, a page at a time.
    public func list(projectID: UUID, includeDeleted: Bool = false, after cursor: String? = nil, limit: Int = 50) async throws -> Page<EmittedSuite> {
        guard (1...1000).contains(limit) else { throw StoreError.invalidArgument("the page size must be from 1 to 1000, not \(limit)") }
        let query = try EmittedSuiteModel.query(on: store.db()).filter(\.$project.$id == projectID).sort(\.$version, .descending)
            .limit(limit + 1)
        if includeDeleted {
            query.withDeleted()
        }
        if let cursor {
            guard let before = Int(cursor) else { throw StoreError.invalidArgument("'\(cursor)' is not a suite cursor") }
            query.filter(\.$version < before)
        }
        let models = try await query.all()
        let suites = try models.prefix(limit).map(EmittedSuite.init)
        return Page(items: suites, nextCursor: models.count > limit ? suites.last.map { String($0.version) } : nil)
    }

    /// Soft-deletes a suite version.
    ///
    /// - Returns: Whether a live version was deleted.
    @discardableResult
    public func delete(_ id: UUID, reason: String, actor: String) async throws -> Bool {
        let trail = AuditTrail(store: store)
        return try await store.db().transaction { db in
            guard let model = try await EmittedSuiteModel.find(id, on: db) else { return false }
            try await model.delete(on: db)
            try await trail.record(entity: Self.auditEntity, entityID: id.uuidString, action: "delete", reason: reason, actor: actor, on: db)
            return true
        }
    }

    /// Restores a soft-deleted suite version.
    ///
    /// - Returns: Whether a deleted version was restored.
    @discardableResult
    public func restore(_ id: UUID, reason: String, actor: String) async throws -> Bool {
        let trail = AuditTrail(store: store)
        return try await store.db().transaction { db in
            guard let model = try await EmittedSuiteModel.query(on: db).withDeleted().filter(\.$id == id).first(), model.deletedAt != nil
            else {
                return false
            }
            try await model.restore(on: db)
            try await trail.record(entity: Self.auditEntity, entityID: id.uuidString, action: "restore", reason: reason, actor: actor, on: db)
            return true
        }
    }
}
