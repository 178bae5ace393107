import FluentKit
public import Foundation

/// One problem a run found.
public struct Finding: Sendable, Hashable, Codable, Identifiable {
    /// The finding's id.
    public var id: UUID
    /// The run that found it.
    public var runID: UUID
    /// The operation (`GET /pets/{id}`).
    public var operation: String
    /// The check that failed (a `FindingCheck` name).
    public var check: String
    /// `critical`, `high`, `medium`, `low`.
    public var severity: String
    /// What was wrong.
    public var message: String
    /// Stable across runs for the same problem (deduplication key).
    public var fingerprint: String
    /// When it was recorded.
    public var createdAt: Date

    init(_ model: FindingModel) throws {
        guard let id = model.id else { throw StoreError.corruptRow("a finding without an id") }
        self.id = id
        self.runID = model.$run.id
        self.operation = model.operation
        self.check = model.check
        self.severity = model.severity
        self.message = model.message
        self.fingerprint = model.fingerprint
        self.createdAt = model.createdAt ?? Date(timeIntervalSince1970: 0)
    }
}
