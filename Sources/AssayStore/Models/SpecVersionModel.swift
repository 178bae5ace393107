public import FluentKit
import Foundation

/// One version of a project's API description: its content hash, where it came from and a parsed summary.
///
/// The `spec_versions` table. Prefer the repositories; the model is public for queries they do not cover.
public final class SpecVersionModel: Model, @unchecked Sendable {
    public static let schema = "spec_versions"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "project_id") public var project: ProjectModel
    @Field(key: "version") public var version: Int
    @Field(key: "content_hash") public var contentHash: String
    @Field(key: "source") public var source: String
    @OptionalField(key: "summary") public var summary: String?
    /// The description's bytes; `nil` for versions recorded before they were kept.
    @OptionalField(key: "content") public var content: Data?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    /// An empty model, for Fluent.
    public init() {}
}
