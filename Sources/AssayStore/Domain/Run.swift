import FluentKit
public import Foundation

/// One execution of a plan against a target.
public struct Run: Sendable, Hashable, Codable, Identifiable {
    /// The run's id.
    public var id: UUID
    /// The project it belongs to.
    public var projectID: UUID
    /// 1, 2, 3… per project, in the order started.
    public var number: Int
    /// The plan version it ran, if recorded.
    public var planID: UUID?
    /// The job that ran it, if any.
    public var jobID: Int64?
    /// What it ran against (a base URL, `mock`).
    public var target: String
    /// Where it is: `running`, then whatever ``RunRepository/finish(_:status:summary:)`` says (`passed`, `failed`, `error`).
    public var status: String
    /// When it started.
    public var startedAt: Date
    /// When it finished.
    public var finishedAt: Date?
    /// Its report summary (JSON text).
    public var summary: String?

    init(_ model: RunModel) throws {
        guard let id = model.id else { throw StoreError.corruptRow("a run without an id") }
        self.id = id
        self.projectID = model.$project.id
        self.number = model.number
        self.planID = model.$plan.id
        self.jobID = model.jobID
        self.target = model.target
        self.status = model.status
        self.startedAt = model.startedAt
        self.finishedAt = model.finishedAt
        self.summary = model.summary
    }
}
