public import FluentKit
import Foundation

/// One execution of a plan against a target.
///
/// The `runs` table. Prefer the repositories; the model is public for queries they do not cover.
public final class RunModel: Model, @unchecked Sendable {
    public static let schema = "runs"

    @ID(key: .id) public var id: UUID?
    @Parent(key: "project_id") public var project: ProjectModel
    @OptionalParent(key: "plan_id") public var plan: PlanModel?
    @OptionalField(key: "job_id") public var jobID: Int64?
    @Field(key: "number") public var number: Int
    @Field(key: "target") public var target: String
    @Field(key: "status") public var status: String
    @Field(key: "started_at") public var startedAt: Date
    @OptionalField(key: "finished_at") public var finishedAt: Date?
    @OptionalField(key: "summary") public var summary: String?

    /// An empty model, for Fluent.
    public init() {}
}
