import AssayCore
import AssayData
import AssayStore
import Hummingbird
import Logging
import NIOCore
import OrderedCollections

/// `/api/v1/data`: test data from the data engine, as `assay data` makes it: a built-in
/// entity (`POST data/{entity}`) or any JSON Schema (`POST data/schema`), the same bytes for
/// the same seed. Read scope: nothing is stored.
///
/// Up to ``ServerConfiguration/dataStreamingThreshold`` records are one answer with a
/// length; more are streamed in chunks of ``recordsPerChunk`` records as they are generated
/// (chunked transfer encoding), NDJSON unless the client prefers a JSON array, so memory
/// stays at one chunk whatever the count. The first chunk is generated before the status is
/// sent, so a schema that fails at once is a 422, not a broken stream; a failure after it
/// (rare: a schema satisfiable only by chance) cuts the stream short and is logged.
struct DataRoutes: Sendable {
    let dependencies: ServerDependencies

    /// Records generated and written per chunk of a streamed answer.
    static let recordsPerChunk = 1_000
    static let ndjson = "application/x-ndjson"
    static let json = "application/json"

    func register(on api: RouterGroup<AssayRequestContext>) {
        let dependencies = self.dependencies
        let configuration = dependencies.configuration
        api.get("data") { request, _ in
            try await dependencies.authorize(request, .read)
            return JSONResponse.make(Self.catalog(configuration))
        }
        // A literal segment wins over `{entity}` in the router.
        api.post("data/schema") { request, context in
            try await dependencies.authorize(request, .read)
            let format = try Self.format(request)
            var request = request
            let body = try await DataRequest.read(
                &request,
                forSchema: true,
                maxCount: configuration.maxDataRecords,
                maxBody: configuration.maxJSONBody
            )
            let generator = try Self.schemaGenerator(body)
            return try Self.answer(generator, body, format: format, configuration: configuration, logger: context.logger)
        }
        api.post("data/:entity") { request, context in
            try await dependencies.authorize(request, .read)
            let name = context.parameters.get("entity") ?? ""
            let entity: any EntityGenerator.Type
            do {
                entity = try EntityCatalog.named(name)
            } catch {
                let known = EntityCatalog.names + ["schema"]
                throw APIError(
                    .notFound,
                    code: "unknown_entity",
                    message: "no entity '\(name)'; known entities: \(known.joined(separator: ", ")) (schema takes a JSON Schema)",
                    details: .object(["known": .array(known.map(JSONValue.string))])
                )
            }
            let format = try Self.format(request)
            var request = request
            let body = try await DataRequest.read(
                &request,
                forSchema: false,
                maxCount: configuration.maxDataRecords,
                maxBody: configuration.maxJSONBody
            )
            let generator = entity.init(context: EntityContext(seed: body.seed, locale: body.locale))
            return try Self.answer(generator, body, format: format, configuration: configuration, logger: context.logger)
        }
    }

    /// The built-in entities with their schemas, the locales and the limits.
    static func catalog(_ configuration: ServerConfiguration) -> JSONValue {
        let entities = EntityCatalog.all.map { type -> JSONValue in
            ["name": .string(type.entityName), "summary": .string(type.summary), "schema": type.schema]
        }
        return [
            "entities": .array(entities),
            "locales": .array(LocalePack.identifiers.map(JSONValue.string)),
            "maxRecords": .integer(configuration.maxDataRecords),
            "streamingThreshold": .integer(configuration.dataStreamingThreshold),
        ]
    }

    /// The format `Accept` prefers: the type it rates higher, or `nil` when it rates them the
    /// same (no `Accept`, `*/*`). 406 when it accepts neither.
    static func format(_ request: Request) throws -> DataFormat? {
        let accept = AcceptHeader(request.headers[values: .accept])
        let json = accept.quality(of: Self.json)
        let ndjson = accept.quality(of: Self.ndjson)
        guard json > 0 || ndjson > 0 else {
            throw APIError(
                .notAcceptable,
                code: "not_acceptable",
                message: "records are sent as \(Self.json) or \(Self.ndjson); Accept allows neither",
                details: .object(["available": [.string(Self.json), .string(Self.ndjson)]])
            )
        }
        if json == ndjson { return nil }
        return json > ndjson ? .json : .ndjson
    }

    /// A record generator for the request's schema, once the schema is checked.
    static func schemaGenerator(_ body: DataRequest) throws -> any RecordGenerator {
        let schema = body.schema ?? .object([:])
        let dialect = PostedSchema.dialect(of: schema)
        let problems = PostedSchema.problems(schema, dialect: dialect)
        if let first = problems.first {
            let place = first.pointer.tokens.isEmpty ? "the schema" : "schema\(first.pointer)"
            throw APIError(
                .unprocessableContent,
                code: "invalid_schema",
                message: "the schema cannot be used: \(place): \(first.message)",
                details: .object(["field": "schema", "schemaPointer": .string(first.pointer.description), "problems": .array(problems.map(\.json))])
            )
        }
        let options = GenerationOptions(direction: body.direction, locale: body.locale)
        let generator = SchemaValueGenerator(document: schema, dialect: dialect, options: options)
        do {
            return try SchemaRecordGenerator(generator: generator, schemaAt: .root)
        } catch {
            throw mapped(error)
        }
    }

    /// The records: one body when the first chunk is the last, else a stream.
    static func answer(
        _ generator: any RecordGenerator,
        _ body: DataRequest,
        format preferred: DataFormat?,
        configuration: ServerConfiguration,
        logger: Logger
    ) throws -> Response {
        let streamed = body.count > configuration.dataStreamingThreshold
        // Without a preference, a count small enough for one body is a JSON array.
        let format = preferred ?? (streamed ? .ndjson : .json)
        let contentType = format == .ndjson ? Self.ndjson : "\(Self.json); charset=utf-8"
        var producer = DataChunkProducer(
            generator: generator,
            count: body.count,
            seed: body.seed,
            format: format,
            batchSize: streamed ? recordsPerChunk : body.count
        )
        let first: DataChunk
        do {
            // A producer always makes at least one chunk.
            first = try producer.next() ?? DataChunk(index: 0, firstRecord: 0, recordCount: 0, bytes: [], isFinal: true)
        } catch {
            throw mapped(error)
        }
        if first.isFinal {
            return Response(status: .ok, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: ByteBuffer(bytes: first.bytes)))
        }
        let rest = producer
        let count = body.count
        return Response(
            status: .ok,
            headers: [.contentType: contentType],
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(bytes: first.bytes))
                var producer = rest
                do {
                    while let chunk = try producer.next() {
                        try await writer.write(ByteBuffer(bytes: chunk.bytes))
                    }
                } catch {
                    // The status is sent: all that is left is to end the body without its
                    // last chunk, which a client sees as an incomplete transfer.
                    logger.error(
                        "data stream ended early",
                        metadata: ["error": "\(error)", "records": .stringConvertible(count)]
                    )
                    throw error
                }
                try await writer.finish(nil)
            }
        )
    }

    /// A data engine error as the API answers it: an unknown entity 404, a locale 400, a
    /// schema that cannot be used 422 with where in it.
    static func apiError(_ error: DataError) -> APIError {
        var details: JSONObject = ["reasons": .array(error.details.map(JSONValue.string))]
        // The engine gives the root when it knows no better place; the message names the
        // place in the value then.
        if let pointer = error.schemaPointer, !pointer.tokens.isEmpty {
            details["schemaPointer"] = .string(pointer.description)
        }
        switch error.code {
        case .unknownEntity:
            return APIError(.notFound, code: error.code.rawValue, message: error.message, details: .object(details))
        case .unknownLocale:
            details["field"] = "locale"
            return APIError(.badRequest, code: error.code.rawValue, message: error.message, details: .object(details))
        case .unsatisfiable, .unsupportedPattern, .invalidSchema, .unknownComponent, .uniqueness:
            details["field"] = "schema"
            let place = error.schemaPointer.map { $0.tokens.isEmpty ? "" : " (at schema\($0))" } ?? ""
            return APIError(.unprocessableContent, code: error.code.rawValue, message: error.message + place, details: .object(details))
        case .io:
            return APIError(.internalServerError, code: "internal_error", message: error.message)
        }
    }

    /// `error` as ``apiError(_:)`` answers it when it is the data engine's.
    static func mapped(_ error: any Error) -> any Error {
        (error as? DataError).map { apiError($0) } ?? error
    }
}
