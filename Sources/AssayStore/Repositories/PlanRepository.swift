public import FluentKit
import Foundation

/// Saves versions of a project's test plan, soft-deletes and restores them, each change
/// audited in the same transaction.
public struct PlanRepository: Sendable {
    /// The audit entity name of plans.
    public static let auditEntity = "plan"

    /// The store the plans are in.
    public let store: Store

    /// Plans in `store`.
    public init(store: Store) {
        self.store = store
    }

    /// Saves `content` as the project's next plan version.
    ///
    /// - Parameters:
    ///   - reason: Why the plan changed (recorded in the audit trail).
    ///   - actor: Who changed it.
    public func save(
        projectID: UUID,
        content: String,
        specVersionID: UUID? = nil,
        reason: String,
        actor: String
    ) async throws -> Plan {
        let trail = AuditTrail(store: store)
        return try await store.db().transaction { db in
            try await db.lockProjectForNumbering(projectID)
            // Deleted versions keep their numbers: a number always means the same content.
            let last = try await PlanModel.query(on: db).withDeleted().filter(\.$project.$id == projectID).max(\.$version) ?? 0
            let model = PlanModel()
            model.$project.id = projectID
            model.$specVersion.id = specVersionID
            model.version = last + 1
            model.content = content
            model.contentHash = SpecVersionRepository.contentHash(Data(content.utf8))
            try await model.create(on: db)
            let plan = try Plan(model)
            try await trail.record(
                entity: Self.auditEntity,
                entityID: plan.id.uuidString,
                action: "create",
                reason: reason,
                actor: actor,
                details: #"{"project":"\#(projectID.uuidString)","version":\#(plan.version)}"#,
                on: db
            )
            return plan
        }
    }

    /// The plan version with this id (deleted ones only when `includeDeleted`).
    public func get(_ id: UUID, includeDeleted: Bool = false) async throws -> Plan? {
        let query = try PlanModel.query(on: store.db()).filter(\.$id == id)
        if includeDeleted {
            query.withDeleted()
        }
        return try await query.first().map(Plan.init)
    }

    /// The project's newest live plan.
    public func latest(projectID: UUID) async throws -> Plan? {
        try await PlanModel.query(on: store.db()).filter(\.$project.$id == projectID).sort(\.$version, .descending).first().map(Plan.init)
    }

    /// The project's newest live plan generated from spec version `number` or an earlier one
    /// (the plan a regeneration of that version builds on).
    public func latest(projectID: UUID, upToSpecVersion number: Int) async throws -> Plan? {
        try await PlanModel.query(on: store.db())
            .join(SpecVersionModel.self, on: \PlanModel.$specVersion.$id == \SpecVersionModel.$id)
            .filter(\.$project.$id == projectID)
            .filter(SpecVersionModel.self, \.$version <= number)
            .sort(SpecVersionModel.self, \.$version, .descending)
            .sort(\.$version, .descending)
            .first()
            .map(Plan.init)
    }

    /// The project's plan versions, newest first, a page at a time.
    public func list(projectID: UUID, includeDeleted: Bool = false, after cursor: String? = nil, limit: Int = 50) async throws -> Page<Plan> {
        try await versions.list(projectID: projectID, includeDeleted: includeDeleted, after: cursor, limit: limit, Plan.init)
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

    private var versions: VersionedArtifacts<PlanModel> { VersionedArtifacts(store: store, auditEntity: Self.auditEntity) }
}
