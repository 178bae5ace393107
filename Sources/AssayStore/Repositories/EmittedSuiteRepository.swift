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
        try await versions.list(projectID: projectID, includeDeleted: includeDeleted, after: cursor, limit: limit, EmittedSuite.init)
    }

    /// Soft-deletes a version: hidden from lists, kept for the trail and restorable.
    ///
    /// - Returns: Whether a live version was deleted.
    @discardableResult
    public func delete(_ id: UUID, reason: String, actor: String) async throws -> Bool {
        try await versions.delete(id, reason: reason, actor: actor)
    }

    /// Restores a soft-deleted version.
    ///
    /// - Returns: Whether a deleted version was restored.
    @discardableResult
    public func restore(_ id: UUID, reason: String, actor: String) async throws -> Bool {
        try await versions.restore(id, reason: reason, actor: actor)
    }

    private var versions: VersionedArtifacts<EmittedSuiteModel> { VersionedArtifacts(store: store, auditEntity: Self.auditEntity) }
}
