public import Foundation

/// The job that runs one plan against the project's target (or Assay's mock) and stores the
/// run, its findings and its gate verdict.
public struct RunPlanJob: Codable, Sendable, Hashable {
    /// The job kind in the queue.
    public static let kind = "run-plan"

    /// The project.
    public var projectID: UUID
    /// The plan version to run.
    public var planID: UUID
    /// Who asked (a token's name, or `pipeline`).
    public var requestedBy: String

    /// A run of `planID`.
    public init(projectID: UUID, planID: UUID, requestedBy: String) {
        self.projectID = projectID
        self.planID = planID
        self.requestedBy = requestedBy
    }
}
