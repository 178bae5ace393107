import FluentKit
import Foundation

/// A table of numbered, soft-deleted versions of a project's artifact (plans, emitted
/// suites): what listing, deleting and restoring them need to know of its model.
protocol VersionedArtifactModel: Model where IDValue == UUID {
    /// The project the version belongs to.
    static var projectIDField: KeyPath<Self, FieldProperty<Self, UUID>> { get }
    /// The version number, from 1 per project.
    static var versionField: KeyPath<Self, FieldProperty<Self, Int>> { get }
    /// When the version was soft-deleted; `nil` while live.
    var deletedAt: Date? { get }
}

extension PlanModel: VersionedArtifactModel {
    static var projectIDField: KeyPath<PlanModel, FieldProperty<PlanModel, UUID>> { \.$project.$id }
    static var versionField: KeyPath<PlanModel, FieldProperty<PlanModel, Int>> { \.$version }
}

extension EmittedSuiteModel: VersionedArtifactModel {
    static var projectIDField: KeyPath<EmittedSuiteModel, FieldProperty<EmittedSuiteModel, UUID>> { \.$project.$id }
    static var versionField: KeyPath<EmittedSuiteModel, FieldProperty<EmittedSuiteModel, Int>> { \.$version }
}

/// Listing, soft-deleting and restoring the versions of one artifact table, each change
/// audited in its transaction: written once for ``PlanRepository`` and
/// ``EmittedSuiteRepository``.
struct VersionedArtifacts<Row: VersionedArtifactModel> {
    let store: Store
    /// The audit trail's entity name (`plan`, `suite`).
    let auditEntity: String

    /// The project's versions, newest first, a page at a time; the cursor is a version number.
    func list<Item>(
        projectID: UUID,
        includeDeleted: Bool,
        after cursor: String?,
        limit: Int,
        _ item: (Row) throws -> Item
    ) async throws -> Page<Item> {
        guard (1...1000).contains(limit) else { throw StoreError.invalidArgument("the page size must be from 1 to 1000, not \(limit)") }
        let query = try Row.query(on: store.db()).filter(Row.projectIDField == projectID).sort(Row.versionField, .descending).limit(limit + 1)
        if includeDeleted {
            query.withDeleted()
        }
        if let cursor {
            guard let before = Int(cursor) else { throw StoreError.invalidArgument("'\(cursor)' is not a \(auditEntity) cursor") }
            query.filter(Row.versionField < before)
        }
        let rows = try await query.all()
        let items = try rows.prefix(limit).map(item)
        let last = rows.prefix(limit).last.map { $0[keyPath: Row.versionField].value }
        return Page(items: items, nextCursor: rows.count > limit ? last.flatMap { $0 }.map(String.init) : nil)
    }

    /// Soft-deletes a version. Returns whether a live version was deleted.
    func delete(_ id: UUID, reason: String, actor: String) async throws -> Bool {
        let trail = AuditTrail(store: store)
        return try await store.db().transaction { db in
            guard let row = try await Row.find(id, on: db) else { return false }
            try await row.delete(on: db)
            try await trail.record(entity: auditEntity, entityID: id.uuidString, action: "delete", reason: reason, actor: actor, on: db)
            return true
        }
    }

    /// Restores a soft-deleted version. Returns whether a deleted version was restored.
    func restore(_ id: UUID, reason: String, actor: String) async throws -> Bool {
        let trail = AuditTrail(store: store)
        return try await store.db().transaction { db in
            guard let row = try await Row.query(on: db).withDeleted().filter(\Row._$id == id).first(), row.deletedAt != nil else {
                return false
            }
            try await row.restore(on: db)
            try await trail.record(entity: auditEntity, entityID: id.uuidString, action: "restore", reason: reason, actor: actor, on: db)
            return true
        }
    }
}
