public import FluentKit
import Foundation

/// An API under test and the repository its suites are committed to.
///
/// The `projects` table. Prefer the repositories; the model is public for queries they do not cover.
public final class ProjectModel: Model, @unchecked Sendable {
    public static let schema = "projects"

    @ID(key: .id) public var id: UUID?
    @Field(key: "slug") public var slug: String
    @Field(key: "name") public var name: String
    @OptionalField(key: "repository_url") public var repositoryURL: String?
    /// ``ProjectSettings`` as JSON text; `nil` means the defaults.
    @OptionalField(key: "settings") public var settings: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) public var updatedAt: Date?

    /// An empty model, for Fluent.
    public init() {}
}
