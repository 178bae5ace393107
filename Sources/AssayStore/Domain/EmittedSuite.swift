import FluentKit
public import Foundation

/// One version of the test files emitted from a plan.
public struct EmittedSuite: Sendable, Hashable, Codable, Identifiable {
    /// The version's id.
    public var id: UUID
    /// The project it belongs to.
    public var projectID: UUID
    /// The plan version it was emitted from.
    public var planID: UUID
    /// 1, 2, 3… per project; deleted versions keep their numbers.
    public var version: Int
    /// The test framework (`pytest`).
    public var framework: String
    /// SHA-256 of `files`, in hex.
    public var contentHash: String
    /// The emitted files (a JSON object of path to content).
    public var files: String
    /// When it was emitted.
    public var createdAt: Date
    /// When it was (soft-)deleted; `nil` while live.
    public var deletedAt: Date?

    init(_ model: EmittedSuiteModel) throws {
        guard let id = model.id else { throw StoreError.corruptRow("an emitted suite without an id") }
        self.id = id
        self.projectID = model.$project.id
        self.planID = model.$plan.id
        self.version = model.version
        self.framework = model.framework
        self.contentHash = model.contentHash
        self.files = model.files
        self.createdAt = model.createdAt ?? Date(timeIntervalSince1970: 0)
        self.deletedAt = model.deletedAt
    }
}
