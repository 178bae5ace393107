public import Foundation

/// The job `POST /api/v1/projects/{project}/generate` queues for a description too large to
/// generate within the request: generate, gate and store a plan from one spec version.
public struct GenerateJob: Codable, Sendable, Hashable {
    /// The job kind in the queue.
    public static let kind = "generate"

    /// The project.
    public var projectID: UUID
    /// The spec version to generate from.
    public var specVersionID: UUID
    /// The strategy tried first: `enhanced` (falling back to `standard`) or `standard`.
    public var strategy: String
    /// The seed; the project's when `nil`.
    public var seed: UInt64?
    /// Whether to plan against the project's previous plan.
    public var incremental: Bool
    /// Who asked (a token's name).
    public var requestedBy: String

    /// A generation of `specVersionID`.
    public init(projectID: UUID, specVersionID: UUID, strategy: String, seed: UInt64?, incremental: Bool, requestedBy: String) {
        self.projectID = projectID
        self.specVersionID = specVersionID
        self.strategy = strategy
        self.seed = seed
        self.incremental = incremental
        self.requestedBy = requestedBy
    }
}
