import AssayCore
import AssayStore
import Crypto
import Foundation
import Hummingbird
import NIOCore
import OrderedCollections

/// `/api/v1/plans/{plan}/suite.zip` and `…/files`: the pytest suite emitted from a plan (by
/// the `spec-change` job), as a zip to download or as a list of its files.
struct SuiteRoutes: Sendable {
    let dependencies: ServerDependencies

    func register(on api: RouterGroup<AssayRequestContext>) {
        api.get("plans/:plan/suite.zip") { request, context in
            try await dependencies.authorize(request, .read)
            let found = try await self.suite(context)
            let top = "\(found.project.slug)-plan-\(found.plan.version)-pytest"
            var archive = ZipArchive()
            for file in found.files {
                try archive.add(path: "\(top)/\(file.path)", contents: file.contents, modified: found.suite.createdAt)
            }
            let bytes = archive.finish()
            return Response(
                status: .ok,
                headers: [.contentType: "application/zip", .contentDisposition: #"attachment; filename="\#(top).zip""#],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
            )
        }
        api.get("plans/:plan/files") { request, context in
            try await dependencies.authorize(request, .read)
            let found = try await self.suite(context)
            let items = found.files.map { file in
                SuiteFile(
                    path: file.path,
                    size: file.contents.count,
                    sha256: SHA256.hash(data: file.contents).hexString
                )
            }
            return try JSONResponse.encode(PageBody(items: items, nextCursor: nil))
        }
    }

    /// The plan a `{plan}` parameter names, its project, its newest pytest suite and the
    /// suite's files sorted by path; 404 when the plan or its suite does not exist.
    func suite(
        _ context: AssayRequestContext
    ) async throws -> (plan: Plan, project: Project, suite: EmittedSuite, files: [(path: String, contents: [UInt8])]) {
        let id = try dependencies.uuid(context, "plan", what: "plan")
        guard let plan = try await dependencies.plans.get(id) else { throw APIError.notFound("no plan '\(id)'") }
        guard let project = try await dependencies.projects.get(plan.projectID) else { throw APIError.notFound("no plan '\(id)'") }
        guard let suite = try await dependencies.suites.latest(planID: plan.id) else {
            throw APIError.notFound("plan '\(id)' has no pytest suite (it is emitted when the plan is generated from a spec version)")
        }
        // The spec-change job writes a JSON object of path to file text.
        guard let object = try? JSONValue.parse(Array(suite.files.utf8)).objectValue else {
            throw SuiteError(suite: suite.id, message: "its files are not a JSON object")
        }
        var files: [(path: String, contents: [UInt8])] = []
        for (path, value) in object {
            guard let text = value.stringValue else { throw SuiteError(suite: suite.id, message: "the file '\(path)' is not text") }
            files.append((path, Array(text.utf8)))
        }
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        return (plan, project, suite, files)
    }
}

/// One file of an emitted suite, as `GET /api/v1/plans/{plan}/files` lists it.
struct SuiteFile: Encodable, Sendable {
    /// Relative to the package's top directory.
    var path: String
    /// In bytes.
    var size: Int
    /// SHA-256 of the bytes, in lower-case hex.
    var sha256: String
}

/// A stored suite that cannot be read (a fault of the server: the job wrote it).
struct SuiteError: Error, CustomStringConvertible {
    var suite: UUID
    var message: String

    var description: String { "emitted suite \(suite): \(message)" }
}
