public import Foundation

/// The job a webhook, an upload or an API call enqueues when a project's API description may
/// have changed: fetch it (unless it is already recorded), and when it is new, regenerate,
/// run, score, gate and store.
public struct SpecChangeJob: Codable, Sendable, Hashable {
    /// The job kind in the queue.
    public static let kind = "spec-change"

    /// The project.
    public var projectID: UUID
    /// What triggered it: `github`, `gitlab`, `apifox`, `apidog`, `generic`, `upload` or `api`.
    public var trigger: String
    /// The webhook delivery's id, when a webhook triggered it.
    public var deliveryID: String?
    /// GitHub/GitLab: the pushed commit, whose copy of the description is fetched.
    public var commit: String?
    /// GitHub/GitLab: the pushed ref (`refs/heads/main`).
    public var ref: String?
    /// Where to fetch the description, overriding the project's source (a generic webhook
    /// may name it).
    public var specURL: String?
    /// A version already recorded (an upload): no fetch.
    public var specVersionID: UUID?

    /// A job for `projectID` triggered by `trigger`.
    public init(
        projectID: UUID,
        trigger: String,
        deliveryID: String? = nil,
        commit: String? = nil,
        ref: String? = nil,
        specURL: String? = nil,
        specVersionID: UUID? = nil
    ) {
        self.projectID = projectID
        self.trigger = trigger
        self.deliveryID = deliveryID
        self.commit = commit
        self.ref = ref
        self.specURL = specURL
        self.specVersionID = specVersionID
    }
}
