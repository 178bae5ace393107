public import FluentKit
import Foundation

/// What changed on an entity, why and by whom.
///
/// The `audit_entries` table. Prefer the repositories; the model is public for queries they do not cover.
public final class AuditEntryModel: Model, @unchecked Sendable {
    public static let schema = "audit_entries"

    @ID(key: .id) public var id: UUID?
    @Field(key: "entity") public var entity: String
    @Field(key: "entity_id") public var entityID: String
    @Field(key: "action") public var action: String
    @Field(key: "reason") public var reason: String
    @Field(key: "actor") public var actor: String
    @OptionalField(key: "details") public var details: String?
    @Field(key: "at") public var at: Date

    /// An empty model, for Fluent.
    public init() {}
}
