import FluentKit
public import Foundation

/// The verdict of a quality gate for a project at a stage.
public struct GateResult: Sendable, Hashable, Codable, Identifiable {
    /// The result's id.
    public var id: UUID
    /// The project it judged.
    public var projectID: UUID
    /// The run it judged, if any.
    public var runID: UUID?
    /// The stage (`pr`, `merge`, `release`).
    public var stage: String
    /// Whether the gate passed.
    public var passed: Bool
    /// The overall score, if computed.
    public var score: Double?
    /// The conditions and their outcomes (JSON text).
    public var details: String?
    /// When it was recorded.
    public var createdAt: Date

    init(_ model: GateResultModel) throws {
        guard let id = model.id else { throw StoreError.corruptRow("a gate result without an id") }
        self.id = id
        self.projectID = model.$project.id
        self.runID = model.$run.id
        self.stage = model.stage
        self.passed = model.passed
        self.score = model.score
        self.details = model.details
        self.createdAt = model.createdAt ?? Date(timeIntervalSince1970: 0)
    }
}
