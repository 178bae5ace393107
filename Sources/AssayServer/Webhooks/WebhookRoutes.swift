import AssayCore
import AssayStore
import FluentKit
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import OrderedCollections

/// `POST /api/v1/webhooks/{source}?project=<slug>`: a sender says a project's API
/// description may have changed.
///
/// No bearer token: a delivery authenticates by its signature, made with the project's secret
/// for that source (`settings.webhookSecrets`). In order, each step refusing before the next
/// costs anything: the source (404), the project (400 without one, 404 unknown), its secret
/// (401 when none), the delivery id (400), the body within the source's limit (413), the
/// signature over the raw body (401), and only then the JSON (400). A verified change records
/// the delivery and its spec-change job in one transaction and answers 202 at once; the same
/// delivery again answers 200 with the first one's job; events that change nothing (a ping, a
/// push to another branch) answer 200 `ignored` and start nothing.
struct WebhookRoutes: Sendable {
    let dependencies: ServerDependencies
    /// Projects by slug, for a couple of seconds.
    let projects = WebhookProjectCache()
    let writer: WebhookDeliveryWriter

    init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
        self.writer = WebhookDeliveryWriter(dependencies: dependencies)
    }

    func register(on group: RouterGroup<AssayRequestContext>) {
        group.post("webhooks/:source") { request, context in
            try await self.receive(request, context: context)
        }
    }

    /// Answers one delivery and counts its outcome (for known sources only, so the metric's
    /// labels stay few whatever is posted).
    func receive(_ request: Request, context: AssayRequestContext) async throws -> Response {
        let name = context.parameters.get("source") ?? ""
        guard let source = WebhookSource(rawValue: name) else {
            let known = WebhookSource.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError.notFound("there is no webhook source '\(name.prefix(64))'; the sources are \(known)")
        }
        do {
            let (response, outcome) = try await accept(request, source: source, context: context)
            dependencies.metrics.recordWebhook(source: source.rawValue, outcome: outcome)
            return response
        } catch {
            dependencies.metrics.recordWebhook(source: source.rawValue, outcome: error is APIError ? "rejected" : "failed")
            throw error
        }
    }

    private func accept(_ request: Request, source: WebhookSource, context: AssayRequestContext) async throws -> (Response, String) {
        let project = try await project(request, source: source)
        guard let secret = project.settings.webhookSecrets[source.rawValue], !secret.isEmpty else {
            throw APIError.webhookNotConfigured(source, project: project.slug)
        }
        let deliveryID = try Self.deliveryID(request.headers, source: source)
        var request = request
        let limit = dependencies.configuration.webhookBodyLimit(for: source.rawValue)
        let buffer = try await request.readBody(limit: limit)
        let body = Array(buffer.readableBytesView)
        try source.verifier(tolerance: dependencies.configuration.webhookTimestampTolerance)
            .verify(headers: request.headers, body: body, secret: secret, now: Date())
        let event = try WebhookEvent.parse(source: source, headers: request.headers, body: body, followedRef: project.settings.specSource?.ref)
        let change: WebhookEvent.Change
        switch event {
        case .change(let named):
            change = named
        case .ignored(let reason):
            context.logger.info(
                "webhook ignored",
                metadata: ["source": .string(source.rawValue), "project": .string(project.slug), "reason": .string(reason)]
            )
            return (JSONResponse.make(["deliveryId": .string(deliveryID), "status": "ignored", "reason": .string(reason)]), "ignored")
        }
        let job = SpecChangeJob(
            projectID: project.id,
            trigger: source.rawValue,
            deliveryID: deliveryID,
            commit: change.commit,
            ref: change.ref,
            specURL: change.specURL
        )
        let delivery: WebhookDelivery
        let inserted: Bool
        do {
            (delivery, inserted) = try await writer.record(
                WebhookDeliveryRepository.NewDelivery(
                    source: source.rawValue,
                    deliveryID: Self.storedID(deliveryID, project: project),
                    projectID: project.id,
                    headers: Self.recordedHeaders(request.headers, source: source),
                    summary: Self.summary(change),
                    jobKind: SpecChangeJob.kind,
                    jobPayloadJSON: try Self.payload(job)
                )
            )
        } catch  where (error as? any DatabaseError)?.isConstraintFailure == true {
            // The project was deleted since it was read (and kept): its id is gone.
            projects.forget(project.slug)
            guard try await dependencies.projects.get(project.id) != nil else {
                throw APIError.notFound("there is no project '\(project.slug)' (it was deleted)")
            }
            throw error
        }
        let answer: JSONValue = [
            "deliveryId": .string(deliveryID),
            "jobId": delivery.jobID.map { .integer(Int($0)) } ?? .null,
            "status": inserted ? "accepted" : "duplicate",
        ]
        var headers = HTTPFields()
        if let jobID = delivery.jobID { headers[.location] = "/api/v1/jobs/\(jobID)" }
        if inserted {
            context.logger.info(
                "webhook accepted",
                metadata: ["source": .string(source.rawValue), "project": .string(project.slug), "job": .stringConvertible(delivery.jobID ?? 0)]
            )
        }
        return (JSONResponse.make(answer, status: inserted ? .accepted : .ok, headers: headers), inserted ? "accepted" : "duplicate")
    }

    /// The project `?project=` names.
    private func project(_ request: Request, source: WebhookSource) async throws -> Project {
        guard let slug = request.query("project"), !slug.isEmpty else {
            throw APIError.invalid(
                "the query parameter project is required: POST /api/v1/webhooks/\(source.rawValue)?project=<slug>",
                details: .object(["parameter": "project"])
            )
        }
        // A slug that cannot exist is not looked up.
        let repository = dependencies.projects
        guard slug.utf8.count <= 64, slug.utf8.allSatisfy(Self.isSlugByte),
            let project = try await projects.project(slug, load: { try await repository.get(slug: $0) })
        else {
            throw APIError.notFound("there is no project '\(slug.prefix(64))'")
        }
        return project
    }

    private static func isSlugByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
    }

    /// The sender's id of the delivery: 1 to 200 printable ASCII characters.
    static func deliveryID(_ headers: HTTPFields, source: WebhookSource) throws(APIError) -> String {
        let names = source.deliveryIDHeaders
        guard let id = names.lazy.compactMap({ headers[$0] }).first else {
            throw APIError.invalid(
                "the delivery has no id: send the \(names.map(\.rawName).joined(separator: " or ")) header",
                details: .object(["header": .string(names[0].rawName)])
            )
        }
        guard (1...200).contains(id.utf8.count), id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw APIError.invalid(
                "the delivery id must be 1 to 200 printable ASCII characters",
                details: .object(["header": .string(names[0].rawName)])
            )
        }
        return id
    }

    /// The key a delivery is deduplicated by, with its source: the sender's id within the
    /// project. Senders' ids are unique per sender, not across projects: GitHub gives every
    /// hook of one event the same `X-GitHub-Delivery`, and two generic senders may both
    /// count from 1.
    static func storedID(_ deliveryID: String, project: Project) -> String {
        "\(project.id.uuidString.lowercased())/\(deliveryID)"
    }

    /// The headers kept with the delivery (no secret, no signature), each at most 256 bytes.
    static func recordedHeaders(_ headers: HTTPFields, source: WebhookSource) -> [String: String] {
        var kept: [String: String] = [:]
        for name in source.recordedHeaders {
            if let value = headers[name] { kept[name.rawName] = String(decoding: value.utf8.prefix(256), as: UTF8.self) }
        }
        return kept
    }

    /// What the delivery said, as JSON text.
    static func summary(_ change: WebhookEvent.Change) -> String {
        var object: JSONObject = [:]
        if let event = change.event { object["event"] = .string(event) }
        if let ref = change.ref { object["ref"] = .string(ref) }
        if let commit = change.commit { object["commit"] = .string(commit) }
        if let specURL = change.specURL { object["specUrl"] = .string(specURL) }
        return JSONWriter().string(.object(object))
    }

    static func payload(_ job: SpecChangeJob) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(job), as: UTF8.self)
    }
}
