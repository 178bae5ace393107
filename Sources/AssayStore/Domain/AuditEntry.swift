import FluentKit
public import Foundation

/// One change in the audit trail: what happened to which entity, why and by whom.
public struct AuditEntry: Sendable, Hashable, Codable, Identifiable {
    /// The entry's id.
    public var id: UUID
    /// The kind of entity (`plan`, `suite`, `token`).
    public var entity: String
    /// The entity's id.
    public var entityID: String
    /// What happened (`create`, `delete`, `restore`).
    public var action: String
    /// Why, in the actor's words.
    public var reason: String
    /// Who (a token name, `webhook:github`, `cli`).
    public var actor: String
    /// More detail (JSON text), if any.
    public var details: String?
    /// When.
    public var at: Date

    init(_ model: AuditEntryModel) throws {
        guard let id = model.id else { throw StoreError.corruptRow("an audit entry without an id") }
        self.id = id
        self.entity = model.entity
        self.entityID = model.entityID
        self.action = model.action
        self.reason = model.reason
        self.actor = model.actor
        self.details = model.details
        self.at = model.at
    }
}
