import AssayCore
import AssayStore
import FluentKit
import Foundation
import Logging
import Hummingbird
import NIOCore
import OrderedCollections

/// `/api/v1/projects/{project}/specs` and `…/plans`: the versions of a project's description
/// (uploaded, or fetched from a URL by a job) and the plans generated from them.
struct SpecRoutes: Sendable {
    let dependencies: ServerDependencies

    static let specMediaTypes = [
        "application/yaml", "application/x-yaml", "text/yaml", "application/json", "application/vnd.oai.openapi",
        "application/vnd.oai.openapi+json", "text/plain",
    ]

    func register(on api: RouterGroup<AssayRequestContext>) {
        let dependencies = self.dependencies
        api.get("projects/:project/specs") { request, context in
            try await dependencies.authorize(request, .read)
            let project = try await dependencies.project(context)
            let page = try await dependencies.specs.list(projectID: project.id, after: try request.cursor(), limit: try request.pageLimit())
            return try JSONResponse.encode(PageBody(items: page.items, nextCursor: page.nextCursor))
        }
        api.post("projects/:project/specs") { request, context in
            let token = try await dependencies.authorize(request, .write)
            // The request is judged before the project is looked up: a 415 says the same
            // whatever the project.
            let type = try Self.specMediaType(request)
            let project = try await dependencies.project(context)
            var request = request
            return try await self.upload(&request, type: type, project: project, actor: token.name)
        }
        api.get("projects/:project/specs/:version") { request, context in
            try await dependencies.authorize(request, .read)
            let version = try await self.version(context)
            return try JSONResponse.encode(version)
        }
        api.get("projects/:project/specs/:version/content") { request, context in
            try await dependencies.authorize(request, .read)
            let version = try await self.version(context)
            guard let content = try await dependencies.specs.content(of: version.id) else {
                throw APIError.notFound("version \(version.version) was recorded without its content")
            }
            let isJSON = content.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{")
            return Response(
                status: .ok,
                headers: [.contentType: isJSON ? "application/json" : "application/yaml"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: content)))
        }
        api.get("projects/:project/plans") { request, context in
            try await dependencies.authorize(request, .read)
            let project = try await dependencies.project(context)
            let page = try await dependencies.plans.list(
                projectID: project.id, includeDeleted: try request.booleanQuery("deleted") ?? false, after: try request.cursor(), limit: try request.pageLimit())
            return try JSONResponse.encode(PageBody(items: page.items.map(PlanSummary.init), nextCursor: page.nextCursor))
        }
        api.get("plans/:plan") { request, context in
            try await dependencies.authorize(request, .read)
            let id = try dependencies.uuid(context, "plan", what: "plan")
            guard let plan = try await dependencies.plans.get(id) else { throw APIError.notFound("no plan '\(id)'") }
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: plan.content)))
        }
    }

    /// The version a `{version}` parameter names (its number) in the `{project}`.
    func version(_ context: AssayRequestContext) async throws -> SpecVersion {
        let project = try await dependencies.project(context)
        let text = context.parameters.get("version") ?? ""
        guard let number = Int(text), number >= 1 else { throw APIError.notFound("no spec version '\(text)' (versions are numbered from 1)") }
        guard let version = try await dependencies.specs.get(projectID: project.id, number: number) else {
            throw APIError.notFound("project '\(project.slug)' has no spec version \(number)")
        }
        return version
    }

    /// Records an uploaded description (after checking it loads) and queues its processing;
    /// or, for `{"url": …}`, queues a job that fetches it.
    func upload(_ request: inout Request, type: String, project: Project, actor: String) async throws -> Response {
        let buffer = try await request.readBody(limit: dependencies.configuration.maxSpecBody)
        let bytes = Array(buffer.readableBytesView)
        guard !bytes.isEmpty else { throw APIError.invalid("the body is empty: send the API description, or {\"url\": …}") }
        if type == "application/json", let object = try? JSONValue.parse(bytes).objectValue, object["openapi"] == nil, object["swagger"] == nil {
            guard let url = object["url"]?.stringValue, object.count == 1 else {
                throw APIError.invalid("a JSON body is an OpenAPI or Swagger document, or {\"url\": \"https://…\"} naming one")
            }
            try ProjectSettingsValidation.httpURL(url, field: "url")
            let job = try await dependencies.queue.enqueue(
                kind: SpecChangeJob.kind, payload: SpecChangeJob(projectID: project.id, trigger: "api", specURL: url))
            return try JSONResponse.encode(
                AcceptedJob(jobID: job.job.id, status: "queued"), status: .accepted, headers: [.location: "/api/v1/jobs/\(job.job.id)"])
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw APIError.invalid("the description is not UTF-8 text")
        }
        let loaded: SpecLoader.Result
        do {
            loaded = try await SpecLoader(options: LoadOptions(fetch: FetchPolicy(allowPrivateAddresses: false))).load(.text(text, name: "upload"))
        } catch {
            throw APIError(
                .unprocessableContent, code: "invalid_spec", message: "the description cannot be used: \(error)",
                details: .object(["source": "upload"]))
        }
        let summary = Self.summary(loaded.model)
        let content = Data(bytes)
        let dependencies = self.dependencies
        let outcome = try await dependencies.store.database.transaction { db -> (SpecVersion, Bool, Int64?) in
            let (version, inserted) = try await dependencies.specs.record(
                projectID: project.id, content: content, source: "upload:\(actor)", summary: summary, on: db)
            guard inserted else { return (version, false, nil) }
            let job = try await dependencies.queue.enqueue(
                kind: SpecChangeJob.kind,
                payload: SpecChangeJob(projectID: project.id, trigger: "upload", specVersionID: version.id),
                idempotencyKey: "spec:\(version.id.uuidString)", on: db)
            return (version, true, job.job.id)
        }
        if outcome.1 { dependencies.queue.wake() }
        return try JSONResponse.encode(
            UploadedSpec(specVersion: outcome.0, created: outcome.1, jobID: outcome.2, warnings: loaded.warnings.prefix(50).map { "\($0)" }),
            status: outcome.1 ? .created : .ok,
            headers: [.location: "/api/v1/projects/\(project.slug)/specs/\(outcome.0.version)"])
    }

    /// The bare media type of an upload, if it is one a description is sent as; else 415.
    static func specMediaType(_ request: Request) throws -> String {
        let type = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let type, specMediaTypes.contains(type) else {
            throw APIError.unsupportedMediaType(request.headers[.contentType], expected: specMediaTypes)
        }
        return type
    }

    /// The parsed summary stored with a version.
    static func summary(_ model: APIModel) -> String {
        JSONWriter().string([
            "title": .string(model.info.title), "version": .string(model.info.version),
            "format": .string("\(model.sourceFormat)"), "operations": .integer(model.operations.count),
            "schemas": .integer(model.schemas.count),
        ])
    }
}

/// The answer to an upload.
struct UploadedSpec: Encodable, Sendable {
    var specVersion: SpecVersion
    /// False when the same bytes were already a version (nothing queued).
    var created: Bool
    var jobID: Int64?
    var warnings: [String]
}

/// A job accepted for later.
struct AcceptedJob: Encodable, Sendable {
    var jobID: Int64
    var status: String
}

/// A plan version without its (large) content.
struct PlanSummary: Encodable, Sendable {
    var id: UUID
    var projectID: UUID
    var specVersionID: UUID?
    var version: Int
    var contentHash: String
    var createdAt: Date
    var deletedAt: Date?

    init(_ plan: Plan) {
        id = plan.id
        projectID = plan.projectID
        specVersionID = plan.specVersionID
        version = plan.version
        contentHash = plan.contentHash
        createdAt = plan.createdAt
        deletedAt = plan.deletedAt
    }
}
