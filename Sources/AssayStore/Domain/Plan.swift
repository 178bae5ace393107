import FluentKit
public import Foundation

/// One version of a project's test plan.
public struct Plan: Sendable, Hashable, Codable, Identifiable {
    /// The version's id.
    public var id: UUID
    /// The project it belongs to.
    public var projectID: UUID
    /// The spec version it was planned from, if recorded.
    public var specVersionID: UUID?
    /// 1, 2, 3… per project; deleted versions keep their numbers.
    public var version: Int
    /// The plan (its JSON form).
    public var content: String
    /// SHA-256 of `content`, in hex.
    public var contentHash: String
    /// When it was saved.
    public var createdAt: Date
    /// When it was (soft-)deleted; `nil` while live.
    public var deletedAt: Date?

    init(_ model: PlanModel) throws {
        guard let id = model.id else { throw StoreError.corruptRow("a plan without an id") }
        self.id = id
        self.projectID = model.$project.id
        self.specVersionID = model.$specVersion.id
        self.version = model.version
        self.content = model.content
        self.contentHash = model.contentHash
        self.createdAt = model.createdAt ?? Date(timeIntervalSince1970: 0)
        self.deletedAt = model.deletedAt
    }
}
