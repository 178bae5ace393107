public import FluentKit
import Foundation

/// One version of the test files emitted from a plan (soft-deleted, audited).
///
/// The `emitted_suites` table. Prefer the repositories; the model is public for queries they do not cover.
public final class EmittedSuiteModel: Model, @unchecked Sendable {
    public static let schema = "emitted_suites"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "project_id") public var project: ProjectModel
    @Parent(key: "plan_id") public var plan: PlanModel
    @Field(key: "version") public var version: Int
    @Field(key: "framework") public var framework: String
    @Field(key: "content_hash") public var contentHash: String
    @Field(key: "files") public var files: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "deleted_at", on: .delete) public var deletedAt: Date?

    /// An empty model, for Fluent.
    public init() {}
}
