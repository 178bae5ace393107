public import FluentKit
import Foundation

/// Appends to and reads the audit trail (entries are never changed or deleted).
public struct AuditTrail: Sendable {
    /// The store the trail is in.
    public let store: Store

    /// The trail in `store`.
    public init(store: Store) {
        self.store = store
    }

    /// Appends an entry; pass the transaction of the change it describes so both commit together.
    @discardableResult
    public func record(
        entity: String,
        entityID: String,
        action: String,
        reason: String,
        actor: String,
        details: String? = nil,
        on database: (any Database)? = nil
    ) async throws -> AuditEntry {
        let model = AuditEntryModel()
        model.entity = entity
        model.entityID = entityID
        model.action = action
        model.reason = reason
        model.actor = actor
        model.details = details
        model.at = Date()
        try await model.create(on: try database ?? store.db())
        return try AuditEntry(model)
    }

    /// The entries of one entity, oldest first.
    public func entries(entity: String, entityID: String) async throws -> [AuditEntry] {
        try await AuditEntryModel.query(on: try store.db())
            .filter(\.$entity == entity).filter(\.$entityID == entityID)
            .sort(\.$at).all().map(AuditEntry.init)
    }
}
