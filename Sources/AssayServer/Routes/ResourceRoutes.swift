import AssayStore
import Foundation
import OrderedCollections
import Logging
import AssayCore
import Hummingbird

/// The REST resources under `/api/v1`, each route checking its own scope: reads need
/// `read`, changes `write`, the queue and deletions `admin`.
struct ResourceRoutes: Sendable {
    let dependencies: ServerDependencies

    func register(on api: RouterGroup<AssayRequestContext>) {
        ProjectRoutes(dependencies: dependencies).register(on: api)
        SpecRoutes(dependencies: dependencies).register(on: api)
        GenerateRoutes(dependencies: dependencies).register(on: api)
        SuiteRoutes(dependencies: dependencies).register(on: api)
        RunRoutes(dependencies: dependencies).register(on: api)
        JobRoutes(dependencies: dependencies).register(on: api)
        DataRoutes(dependencies: dependencies).register(on: api)
    }
}

extension ServerDependencies {
    /// The token of `request` if it allows `scope`, else the 401/403 to answer.
    @discardableResult
    func authorize(_ request: Request, _ scope: TokenScope) async throws -> APIToken {
        try await BearerAuthMiddleware.authenticate(request, tokens: tokens, scope: scope)
    }

    /// The project a `{project}` path parameter names, by slug or id; 404 when none.
    func project(_ context: AssayRequestContext) async throws -> Project {
        let key = context.parameters.get("project") ?? ""
        let found: Project?
        if let id = UUID(uuidString: key) {
            found = try await projects.get(id)
        } else {
            found = try await projects.get(slug: key)
        }
        guard let found else { throw APIError.notFound("no project '\(key)'") }
        return found
    }

    /// A UUID path parameter; 404 when it is not one (no such resource can exist).
    func uuid(_ context: AssayRequestContext, _ name: String, what: String) throws -> UUID {
        let text = context.parameters.get(name) ?? ""
        guard let id = UUID(uuidString: text) else { throw APIError.notFound("no \(what) '\(text)'") }
        return id
    }
}
