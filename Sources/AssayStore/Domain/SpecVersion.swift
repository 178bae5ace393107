import FluentKit
public import Foundation

/// One version of a project's API description.
public struct SpecVersion: Sendable, Hashable, Codable, Identifiable {
    /// The version's id.
    public var id: UUID
    /// The project it belongs to.
    public var projectID: UUID
    /// 1, 2, 3… per project, in the order recorded.
    public var version: Int
    /// The SHA-256 of the description's bytes, in hex: the same bytes are one version.
    public var contentHash: String
    /// Where the description came from (a path, a URL, `webhook:github`).
    public var source: String
    /// The parsed summary (JSON text), if recorded.
    public var summary: String?
    /// When it was recorded.
    public var createdAt: Date

    init(_ model: SpecVersionModel) throws {
        guard let id = model.id else { throw StoreError.corruptRow("a spec version without an id") }
        self.id = id
        self.projectID = model.$project.id
        self.version = model.version
        self.contentHash = model.contentHash
        self.source = model.source
        self.summary = model.summary
        self.createdAt = model.createdAt ?? Date(timeIntervalSince1970: 0)
    }
}
