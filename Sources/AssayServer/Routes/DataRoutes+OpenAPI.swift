import AssayCore
import AssayData
import OrderedCollections

extension DataRoutes {
    /// The description of test data generation. The record schemas are the entities' own
    /// (`assay data --list --format json`), written in as JSON (which YAML reads as it is).
    static let openAPI: String = {
        var records = ""
        for type in EntityCatalog.all {
            var schema = type.schema.objectValue ?? [:]
            // The document's dialect is 2020-12 already.
            schema.removeValue(forKey: "$schema")
            records += "    \(recordSchemaName(type.entityName)): \(JSONWriter().string(.object(schema)))\n"
        }
        let anyRecord = EntityCatalog.names.map { name in
            ##"{ $ref: "#/components/schemas/\##(recordSchemaName(name))" }"##
        }.joined(separator: ", ")
        let entities = EntityCatalog.names.joined(separator: ", ")
        let locales = LocalePack.identifiers.joined(separator: ", ")
        return """
            paths:
              /api/v1/data:
                get:
                  operationId: getDataCatalog
                  tags: [data]
                  summary: The built-in entities with their record schemas, the locales and the limits
                  responses:
                    "200":
                      description: The catalog.
                      content:
                        application/json:
                          schema: { $ref: "#/components/schemas/DataCatalog" }
                    "401": { $ref: "#/components/responses/Unauthorized" }
              /api/v1/data/{entity}:
                parameters:
                  - name: entity
                    in: path
                    required: true
                    description: A built-in entity; the plural and any case work too (`users`, `Orders`).
                    schema: { type: string, enum: [\(entities)] }
                    example: user
                post:
                  operationId: generateEntityData
                  tags: [data]
                  summary: Generate records of a built-in entity
                  description: |
                    Records as `assay data ENTITY` writes them: realistic, valid against the
                    entity's schema (`GET /api/v1/data`), references between entities kept,
                    the same bytes for the same seed, locale and Assay version. Nothing is stored.

                    The answer's media type follows `Accept`: the one of `application/json` (an
                    array) and `application/x-ndjson` (one record per line) it rates higher;
                    rated the same (no `Accept`, `*/*`), a JSON array up to the streaming
                    threshold (`GET /api/v1/data`; 1,000 by default) and NDJSON beyond. Past
                    the threshold the answer is streamed (chunked) as the records are
                    generated: memory stays at one chunk of records whatever the count.
                  requestBody:
                    required: false
                    description: The options; no body means all the defaults.
                    content:
                      application/json:
                        schema: { $ref: "#/components/schemas/EntityDataRequest" }
                  responses:
                    "200":
                      description: The records.
                      content:
                        application/json:
                          schema:
                            type: array
                            minItems: 1
                            items: { $ref: "#/components/schemas/EntityRecord" }
                        application/x-ndjson:
                          schema: { type: string, description: "One record per line, each a JSON object followed by LF." }
                    "400": { $ref: "#/components/responses/BadRequest" }
                    "401": { $ref: "#/components/responses/Unauthorized" }
                    "404":
                      description: No such entity; the answer names the known ones.
                      content:
                        application/json:
                          schema: { $ref: "#/components/schemas/Error" }
                    "406": { $ref: "#/components/responses/NotAcceptable" }
                    "413": { $ref: "#/components/responses/TooLarge" }
                    "415": { $ref: "#/components/responses/UnsupportedMediaType" }
              /api/v1/data/schema:
                post:
                  operationId: generateSchemaData
                  tags: [data]
                  summary: Generate records from a JSON Schema
                  description: |
                    Values as `assay data --schema FILE` writes them: each valid against the
                    schema (2020-12, or draft 4 semantics when `$schema` names drafts 4 to 7),
                    with realistic values where property names suggest them, the same bytes for
                    the same seed. The schema is checked first: a keyword its draft's
                    meta-schema refuses, a `$ref` to nothing inside it, or constraints no value
                    can meet is a 422 naming where. `$ref`s are followed inside the schema only.

                    Media types and streaming as for `POST /api/v1/data/{entity}`.
                  requestBody:
                    required: true
                    content:
                      application/json:
                        schema: { $ref: "#/components/schemas/SchemaDataRequest" }
                  responses:
                    "200":
                      description: The values.
                      content:
                        application/json:
                          schema: { type: array, minItems: 1 }
                        application/x-ndjson:
                          schema: { type: string, description: "One value per line, each compact JSON followed by LF." }
                    "400": { $ref: "#/components/responses/BadRequest" }
                    "401": { $ref: "#/components/responses/Unauthorized" }
                    "406": { $ref: "#/components/responses/NotAcceptable" }
                    "413": { $ref: "#/components/responses/TooLarge" }
                    "415": { $ref: "#/components/responses/UnsupportedMediaType" }
                    "422":
                      description: |
                        The schema cannot be used: `details.schemaPointer` is where in it
                        (a JSON pointer; empty for the whole schema), `details.problems` every
                        place found.
                      content:
                        application/json:
                          schema: { $ref: "#/components/schemas/Error" }
            components:
              responses:
                NotAcceptable:
                  description: "`Accept` allows none of the media types the route answers in."
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Error" }
              schemas:
                EntityDataRequest:
                  type: object
                  additionalProperties: false
                  properties:
                    count: { $ref: "#/components/schemas/DataCount" }
                    seed: { $ref: "#/components/schemas/DataSeed" }
                    locale: { $ref: "#/components/schemas/DataLocale" }
                SchemaDataRequest:
                  type: object
                  required: [schema]
                  additionalProperties: false
                  properties:
                    schema:
                      type: object
                      description: The JSON Schema of one record.
                    count: { $ref: "#/components/schemas/DataCount" }
                    seed: { $ref: "#/components/schemas/DataSeed" }
                    locale: { $ref: "#/components/schemas/DataLocale" }
                    direction:
                      type: string
                      enum: [request, response, neutral]
                      default: neutral
                      description: "`request` leaves out `readOnly` properties, `response` leaves out `writeOnly` ones."
                DataCount:
                  type: integer
                  minimum: 1
                  maximum: 1000000
                  default: 10
                  examples: [10]
                  description: How many records (the server's limit; 1,000,000 unless configured otherwise).
                DataSeed:
                  type: integer
                  minimum: 0
                  maximum: 9223372036854775807
                  default: 1
                  description: The same seed gives the same bytes.
                DataLocale:
                  type: string
                  enum: [\(locales)]
                  default: en_US
                  description: Of names, addresses, phone numbers and currencies.
                DataCatalog:
                  type: object
                  required: [entities, locales, maxRecords, streamingThreshold]
                  properties:
                    entities:
                      type: array
                      items:
                        type: object
                        required: [name, summary, schema]
                        properties:
                          name: { type: string, enum: [\(entities)] }
                          summary: { type: string }
                          schema: { type: object, description: "The JSON Schema (2020-12) every record satisfies." }
                    locales:
                      type: array
                      items: { $ref: "#/components/schemas/DataLocale" }
                    maxRecords: { type: integer, minimum: 1, description: The largest `count`. }
                    streamingThreshold: { type: integer, minimum: 0, description: Counts above it are streamed. }
                EntityRecord:
                  anyOf: [\(anyRecord)]
            \(records)
            """
    }()

    /// `UserRecord` for `user`.
    static func recordSchemaName(_ entity: String) -> String {
        entity.prefix(1).uppercased() + entity.dropFirst() + "Record"
    }
}
