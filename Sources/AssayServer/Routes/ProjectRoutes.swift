import AssayStore
import Foundation
import OrderedCollections
import AssayCore
import Hummingbird
import Logging

/// `/api/v1/projects`: create, list, read, change and delete projects.
struct ProjectRoutes: Sendable {
    let dependencies: ServerDependencies

    /// What `POST /projects` reads.
    struct NewProject: Decodable {
        var slug: String
        var name: String
        var repositoryURL: String?
        var settings: ProjectSettings?
    }

    /// What `PATCH /projects/{project}` reads: absent members keep their value; a `null`
    /// repository URL removes it.
    struct ProjectChange: Decodable {
        var name: String?
        /// `nil`: keep; `.some(nil)`: remove; `.some(url)`: replace.
        var repositoryURL: String??
        var settings: ProjectSettings?

        enum CodingKeys: String, CodingKey {
            case name, repositoryURL, settings
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            // Only the repository URL can be removed; a null name or settings is a mistake, not "keep".
            for key in [CodingKeys.name, .settings] where container.contains(key) {
                guard try container.decodeNil(forKey: key) else { continue }
                throw DecodingError.valueNotFound(
                    String.self, .init(codingPath: [key], debugDescription: "\(key.stringValue) cannot be null (leave it out to keep it)"))
            }
            name = try container.decodeIfPresent(String.self, forKey: .name)
            settings = try container.decodeIfPresent(ProjectSettings.self, forKey: .settings)
            if container.contains(.repositoryURL) {
                repositoryURL = .some(try container.decodeNil(forKey: .repositoryURL) ? nil : try container.decode(String.self, forKey: .repositoryURL))
            }
        }
    }

    func register(on api: RouterGroup<AssayRequestContext>) {
        let dependencies = self.dependencies
        api.get("projects") { request, _ in
            try await dependencies.authorize(request, .read)
            let page = try await dependencies.projects.list(after: try request.cursor(), limit: try request.pageLimit())
            return try JSONResponse.encode(PageBody(items: page.items.map(Self.view), nextCursor: page.nextCursor))
        }
        api.post("projects") { request, context in
            let token = try await dependencies.authorize(request, .write)
            var request = request
            let input = try await request.decodeJSON(NewProject.self, upTo: dependencies.configuration.maxJSONBody)
            guard !input.name.isEmpty, input.name.count <= 200 else {
                throw ProjectSettingsValidation.field("name", "must be 1 to 200 characters")
            }
            if let url = input.repositoryURL { try ProjectSettingsValidation.httpURL(url, field: "repositoryURL") }
            let settings = input.settings ?? ProjectSettings()
            try ProjectSettingsValidation.check(settings)
            if try await dependencies.projects.get(slug: input.slug) != nil {
                throw APIError.conflict("a project with the slug '\(input.slug)' already exists")
            }
            let project = try await dependencies.projects.create(slug: input.slug, name: input.name, repositoryURL: input.repositoryURL, settings: settings)
            context.logger.info("project created", metadata: ["project": .string(project.slug), "by": .string(token.name)])
            return try JSONResponse.encode(Self.view(project), status: .created, headers: [.location: "/api/v1/projects/\(project.slug)"])
        }
        api.get("projects/:project") { request, context in
            try await dependencies.authorize(request, .read)
            return try JSONResponse.encode(Self.view(try await dependencies.project(context)))
        }
        api.patch("projects/:project") { request, context in
            try await dependencies.authorize(request, .write)
            try request.requireJSONContentType()
            let project = try await dependencies.project(context)
            var request = request
            let change = try await request.decodeJSON(ProjectChange.self, upTo: dependencies.configuration.maxJSONBody)
            if let name = change.name, name.isEmpty || name.count > 200 {
                throw ProjectSettingsValidation.field("name", "must be 1 to 200 characters")
            }
            if let url = change.repositoryURL ?? nil { try ProjectSettingsValidation.httpURL(url, field: "repositoryURL") }
            var settings = change.settings
            if var new = settings {
                // "***" is what reads show: sending a read back keeps the stored secrets.
                for (source, secret) in new.webhookSecrets where secret == "***" {
                    new.webhookSecrets[source] = project.settings.webhookSecrets[source]
                }
                for (name, value) in new.targetCredentials where value == "***" {
                    new.targetCredentials[name] = project.settings.targetCredentials[name]
                }
                new.targetCredentials = new.targetCredentials.filter { !$0.value.isEmpty }
                if new.specSource?.accessToken == "***" { new.specSource?.accessToken = project.settings.specSource?.accessToken }
                new.webhookSecrets = new.webhookSecrets.filter { !$0.value.isEmpty }
                try ProjectSettingsValidation.check(new)
                settings = new
            }
            let updated = try await dependencies.projects.update(
                project.id, name: change.name, repositoryURL: change.repositoryURL, settings: settings)
            guard let updated else { throw APIError.notFound("no project '\(project.slug)'") }
            return try JSONResponse.encode(Self.view(updated))
        }
        api.delete("projects/:project") { request, context in
            let token = try await dependencies.authorize(request, .admin)
            let project = try await dependencies.project(context)
            try await dependencies.projects.delete(project.id)
            context.logger.notice("project deleted", metadata: ["project": .string(project.slug), "by": .string(token.name)])
            return Response(status: .noContent)
        }
        api.get("projects/:project/gates") { request, context in
            try await dependencies.authorize(request, .read)
            let project = try await dependencies.project(context)
            let results = try await dependencies.runs.gateResults(projectID: project.id, limit: try request.pageLimit())
            return try JSONResponse.encode(PageBody(items: results, nextCursor: nil))
        }
    }

    /// A project as the API shows it: secrets replaced by `***`.
    static func view(_ project: Project) -> Project {
        var shown = project
        shown.settings = project.settings.redacted
        return shown
    }
}
