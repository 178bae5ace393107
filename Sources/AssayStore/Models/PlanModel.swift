public import FluentKit
import Foundation

/// One version of a project's test plan (soft-deleted, audited).
///
/// The `plans` table. Prefer the repositories; the model is public for queries they do not cover.
public final class PlanModel: Model, @unchecked Sendable {
    public static let schema = "plans"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "project_id") public var project: ProjectModel
    @OptionalParent(key: "spec_version_id") public var specVersion: SpecVersionModel?
    @Field(key: "version") public var version: Int
    @Field(key: "content") public var content: String
    @Field(key: "content_hash") public var contentHash: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "deleted_at", on: .delete) public var deletedAt: Date?

    /// An empty model, for Fluent.
    public init() {}
}
