import AssayCore
import Foundation
import Yams

/// The OpenAPI 3.1 description of the service, served at `GET /openapi.json`.
///
/// It is assembled from fragments that live beside the routes they describe
/// (`ProjectRoutes+OpenAPI.swift` and so on), so a route and its description change in one
/// place. Each fragment is YAML with `paths` and, optionally, `components`; ``base`` holds what
/// all share (info, security, errors, paging). Assembly refuses a path, method or component
/// described twice. `OpenAPIDocumentTests` keeps the result true: every route the router has is
/// described and every described operation is routed, the document loads without warnings in
/// Assay's own loader, and Assay's enhanced suite for it runs against a live server with no
/// server error and no response that breaks the description.
public enum OpenAPIDocument {
    /// Every fragment, in the order their paths are listed.
    static let fragments: [(name: String, yaml: String)] = [
        ("operations", OperationsRoutes.openAPI),
        ("projects", ProjectRoutes.openAPI),
        ("specs", SpecRoutes.openAPI),
        ("generate", GenerateRoutes.openAPI),
        ("suites", SuiteRoutes.openAPI),
        ("runs", RunRoutes.openAPI),
        ("jobs", JobRoutes.openAPI),
        ("webhooks", WebhookRoutes.openAPI),
        ("data", DataRoutes.openAPI),
    ]

    /// The document as JSON bytes (keys sorted), built once.
    public static let json: Result<[UInt8], OpenAPIDocumentError> = Result { try build() }.mapError {
        $0 as? OpenAPIDocumentError ?? OpenAPIDocumentError(fragment: "?", message: "\($0)")
    }

    /// Assembles ``base`` and the ``fragments`` into one JSON document.
    static func build() throws -> [UInt8] {
        guard var document = try Yams.load(yaml: base) as? [String: Any] else {
            throw OpenAPIDocumentError(fragment: "base", message: "is not a YAML mapping")
        }
        var paths = document["paths"] as? [String: Any] ?? [:]
        var components = document["components"] as? [String: Any] ?? [:]
        for (name, yaml) in fragments {
            let loaded: Any?
            do {
                loaded = try Yams.load(yaml: yaml)
            } catch {
                throw OpenAPIDocumentError(fragment: name, message: "is not valid YAML: \(error)")
            }
            guard let fragment = loaded as? [String: Any] else {
                throw OpenAPIDocumentError(fragment: name, message: "is not a YAML mapping")
            }
            for (path, item) in fragment["paths"] as? [String: Any] ?? [:] {
                guard let item = item as? [String: Any] else {
                    throw OpenAPIDocumentError(fragment: name, message: "path \(path) is not a mapping")
                }
                var merged = paths[path] as? [String: Any] ?? [:]
                for (method, operation) in item {
                    guard merged[method] == nil else {
                        throw OpenAPIDocumentError(fragment: name, message: "describes \(method) \(path) a second time")
                    }
                    merged[method] = operation
                }
                paths[path] = merged
            }
            for (section, entries) in fragment["components"] as? [String: Any] ?? [:] {
                guard let entries = entries as? [String: Any] else { continue }
                var merged = components[section] as? [String: Any] ?? [:]
                for (key, value) in entries {
                    guard merged[key] == nil else {
                        throw OpenAPIDocumentError(fragment: name, message: "defines components.\(section).\(key) a second time")
                    }
                    merged[key] = value
                }
                components[section] = merged
            }
        }
        document["paths"] = paths
        document["components"] = components
        var info = document["info"] as? [String: Any] ?? [:]
        info["version"] = AssayVersion.current
        document["info"] = info
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
        return Array(data)
    }

    /// What every fragment shares.
    static let base = """
        openapi: 3.1.0
        info:
          title: Assay service API
          version: "0"
          summary: Test data, API test suites, runs and quality gates, driven by API descriptions.
          description: |
            Assay keeps each project's API description, generates a test plan and a pytest suite
            from every new version, runs the plan against the project's target (or Assay's own
            mock of the description), scores and gates it, and keeps runs and findings.

            Authentication is a bearer token (`assay tokens create`) with a scope: `read` for
            reads, `write` for changes, `admin` for the job queue and deletions. Webhooks
            authenticate by their signature only. Every error is
            `{"error": {"code", "message", "details"}}`. Lists are pages of
            `{"items", "nextCursor"}`: pass `nextCursor` back as `cursor` until it is null.
          license:
            name: Apache-2.0
            identifier: Apache-2.0
        servers:
          - url: /
        security:
          - bearer: []
        tags:
          - name: operations
            description: Health, readiness, status and metrics (no token).
          - name: projects
          - name: specs
            description: Versions of a project's API description, and the plans generated from them.
          - name: runs
          - name: jobs
            description: The durable job queue (admin scope).
          - name: webhooks
            description: Change notifications from API design tools and Git hosts (signature only).
        paths: {}
        components:
          securitySchemes:
            bearer:
              type: http
              scheme: bearer
              description: A token made by `assay tokens create --scope read|write|admin`.
          parameters:
            Project:
              name: project
              in: path
              required: true
              description: The project's slug or id.
              schema:
                type: string
                minLength: 1
                maxLength: 64
            Cursor:
              name: cursor
              in: query
              required: false
              description: The `nextCursor` of the previous page.
              schema:
                type: string
                maxLength: 200
            NumberCursor:
              name: cursor
              in: query
              required: false
              description: The `nextCursor` of the previous page (these lists page by number).
              schema:
                type: string
                pattern: "^[0-9]{1,18}$"
            Limit:
              name: limit
              in: query
              required: false
              description: The page size.
              schema:
                type: integer
                minimum: 1
                maximum: 1000
                default: 50
          responses:
            BadRequest:
              description: The request is malformed or fails validation; the message names what and where.
              content:
                application/json:
                  schema: { $ref: "#/components/schemas/Error" }
            Unauthorized:
              description: No token, or an unknown or revoked one.
              headers:
                WWW-Authenticate:
                  schema: { type: string }
              content:
                application/json:
                  schema: { $ref: "#/components/schemas/Error" }
            Forbidden:
              description: The token lacks the scope this route needs.
              content:
                application/json:
                  schema: { $ref: "#/components/schemas/Error" }
            NotFound:
              description: Nothing is found at this address.
              content:
                application/json:
                  schema: { $ref: "#/components/schemas/Error" }
            Conflict:
              description: The request conflicts with the current state.
              content:
                application/json:
                  schema: { $ref: "#/components/schemas/Error" }
            TooLarge:
              description: The body is larger than this route accepts.
              content:
                application/json:
                  schema: { $ref: "#/components/schemas/Error" }
            UnsupportedMediaType:
              description: The body's media type is not one this route reads.
              content:
                application/json:
                  schema: { $ref: "#/components/schemas/Error" }
          schemas:
            Error:
              type: object
              required: [error]
              properties:
                error:
                  type: object
                  required: [code, message, details]
                  properties:
                    code:
                      type: string
                      description: Stable and machine-readable, e.g. `not_found`, `invalid_request`.
                    message:
                      type: string
                      description: What was wrong and where, for a person.
                    details:
                      type: object
                      description: Structured specifics (the field, the limit), when there are any.
            AcceptedJob:
              type: object
              required: [jobID, status]
              properties:
                jobID:
                  type: integer
                  format: int64
                status:
                  type: string
                  enum: [queued, duplicate]
        """
}

/// The OpenAPI document could not be assembled (a programming error: the fragments are code).
public struct OpenAPIDocumentError: Error, CustomStringConvertible {
    /// The fragment at fault.
    public var fragment: String
    /// What is wrong with it.
    public var message: String

    public var description: String { "the OpenAPI fragment '\(fragment)' \(message)" }
}
