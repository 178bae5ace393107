public import FluentKit
import Foundation

/// Creates, finds, lists and deletes projects.
public struct ProjectRepository: Sendable {
    /// The store the projects are in.
    public let store: Store

    /// A repository on `store`.
    public init(store: Store) {
        self.store = store
    }

    /// Creates a project.
    ///
    /// - Parameters:
    ///   - slug: 1–64 characters of `a-z`, `0-9` and `-`, unique.
    ///   - database: A transaction to join, or the store's database when `nil`.
    /// - Throws: ``StoreError`` `invalidArgument` for a bad or taken slug.
    public func create(
        slug: String,
        name: String,
        repositoryURL: String? = nil,
        settings: ProjectSettings = ProjectSettings(),
        on database: (any Database)? = nil
    ) async throws -> Project {
        guard (1...64).contains(slug.count), slug.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) else {
            throw StoreError.invalidArgument("the project slug '\(slug)' must be 1 to 64 characters of a-z, 0-9 and -")
        }
        let db = try database ?? store.db()
        if try await ProjectModel.query(on: db).filter(\.$slug == slug).first() != nil {
            throw StoreError.invalidArgument("a project with the slug '\(slug)' already exists")
        }
        let model = ProjectModel()
        model.slug = slug
        model.name = name
        model.repositoryURL = repositoryURL
        model.settings = try settings.encoded()
        try await model.create(on: db)
        return try Project(model)
    }

    /// The project with this id, if any.
    public func get(_ id: UUID, on database: (any Database)? = nil) async throws -> Project? {
        try await ProjectModel.find(id, on: database ?? store.db()).map(Project.init)
    }

    /// The project with this slug, if any.
    public func get(slug: String, on database: (any Database)? = nil) async throws -> Project? {
        try await ProjectModel.query(on: database ?? store.db()).filter(\.$slug == slug).first().map(Project.init)
    }

    /// Projects in slug order, a page at a time.
    ///
    /// - Parameters:
    ///   - cursor: The `nextCursor` of the previous page.
    ///   - limit: The page size (1–1000).
    public func list(after cursor: String? = nil, limit: Int = 50) async throws -> Page<Project> {
        guard (1...1000).contains(limit) else { throw StoreError.invalidArgument("the page size must be from 1 to 1000, not \(limit)") }
        let query = try ProjectModel.query(on: store.db()).sort(\.$slug).limit(limit + 1)
        if let cursor {
            query.filter(\.$slug > cursor)
        }
        let models = try await query.all()
        let projects = try models.prefix(limit).map(Project.init)
        return Page(items: projects, nextCursor: models.count > limit ? projects.last?.slug : nil)
    }

    /// Changes a project's name, repository or settings (a `nil` argument keeps the old value).
    ///
    /// - Returns: The project as changed, or `nil` when there is none with this id.
    public func update(
        _ id: UUID,
        name: String? = nil,
        repositoryURL: String?? = nil,
        settings: ProjectSettings? = nil,
        on database: (any Database)? = nil
    ) async throws -> Project? {
        let db = try database ?? store.db()
        guard let model = try await ProjectModel.find(id, on: db) else { return nil }
        if let name { model.name = name }
        if let repositoryURL { model.repositoryURL = repositoryURL }
        if let settings { model.settings = try settings.encoded() }
        try await model.update(on: db)
        return try Project(model)
    }

    /// Deletes a project and, by cascade, everything that belongs to it.
    ///
    /// - Returns: Whether the project existed.
    @discardableResult
    public func delete(_ id: UUID, on database: (any Database)? = nil) async throws -> Bool {
        let db = try database ?? store.db()
        guard let model = try await ProjectModel.find(id, on: db) else { return false }
        try await model.delete(on: db)
        return true
    }
}
