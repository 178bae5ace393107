public import FluentKit
import Foundation

/// The verdict of a quality gate for a project at a stage.
///
/// The `gate_results` table. Prefer the repositories; the model is public for queries they do not cover.
public final class GateResultModel: Model, @unchecked Sendable {
    public static let schema = "gate_results"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "project_id") public var project: ProjectModel
    @OptionalParent(key: "run_id") public var run: RunModel?
    @Field(key: "stage") public var stage: String
    @Field(key: "passed") public var passed: Bool
    @OptionalField(key: "score") public var score: Double?
    @OptionalField(key: "details") public var details: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    /// An empty model, for Fluent.
    public init() {}
}
