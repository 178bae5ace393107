import FluentKit
public import Foundation

/// An API under test and the repository its suites go to.
public struct Project: Sendable, Hashable, Codable, Identifiable {
    /// The project's id.
    public var id: UUID
    /// Its unique, URL-safe name (`payments-api`).
    public var slug: String
    /// Its display name.
    public var name: String
    /// Where its emitted suites are committed, if known.
    public var repositoryURL: String?
    /// How the service treats it.
    public var settings: ProjectSettings
    /// When it was created.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    init(_ model: ProjectModel) throws {
        guard let id = model.id else { throw StoreError.corruptRow("a project without an id") }
        self.id = id
        self.slug = model.slug
        self.name = model.name
        self.repositoryURL = model.repositoryURL
        self.settings = try ProjectSettings.decode(model.settings)
        self.createdAt = model.createdAt ?? Date(timeIntervalSince1970: 0)
        self.updatedAt = model.updatedAt ?? self.createdAt
    }
}
