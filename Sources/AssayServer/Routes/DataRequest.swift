import AssayCore
import AssayData
import Hummingbird
import OrderedCollections

/// What `POST /api/v1/data/{entity}` and `POST /api/v1/data/schema` are asked for: the
/// options of `assay data`, read from a JSON body (an absent body for an entity means all
/// the defaults).
///
/// `--unique` is not offered: which fields can be unique depends on the entity or on the
/// posted schema, which the OpenAPI description cannot tie to the body, so a body the
/// description calls valid would be refused.
struct DataRequest: Sendable {
    /// How many records (`--count`), from 1 to the configured maximum.
    var count = 10
    /// The seed (`--seed`): the same seed gives the same bytes.
    var seed: UInt64 = 1
    /// The locale (`--locale`).
    var locale: LocalePack = .enUS
    /// For schemas: which side of an exchange the records are for (`--direction`).
    var direction: GenerationOptions.Direction = .neutral
    /// For `schema` only: the JSON Schema to generate from.
    var schema: JSONValue?

    /// The members an entity's body may have.
    static let entityMembers = ["count", "seed", "locale"]
    /// The members a schema's body may have.
    static let schemaMembers = ["schema", "count", "seed", "locale", "direction"]

    /// The request's options, from its body.
    ///
    /// - Parameters:
    ///   - forSchema: the body is for `data/schema` (it must carry `schema`; `direction` is allowed).
    ///   - maxCount: the largest `count` accepted.
    ///   - maxBody: the largest body accepted, in bytes.
    /// - Throws: ``APIError`` 415 for a body that is not JSON, 413 past `maxBody`, 400 naming
    ///   the member that is missing, unknown or out of range.
    static func read(_ request: inout Request, forSchema: Bool, maxCount: Int, maxBody: Int) async throws -> DataRequest {
        // Entities take defaults for everything; a schema must be sent.
        let object = forSchema ? try await request.jsonObject(upTo: maxBody) : try await request.optionalJSONObject(upTo: maxBody) ?? [:]
        return try DataRequest(object, forSchema: forSchema, maxCount: maxCount)
    }

    /// The options in `object`; see ``read(_:forSchema:maxCount:maxBody:)``.
    init(_ object: JSONObject, forSchema: Bool, maxCount: Int) throws {
        let allowed = forSchema ? Self.schemaMembers : Self.entityMembers
        if let unknown = object.keys.first(where: { !allowed.contains($0) }) {
            let hint =
                unknown == "unique"
                ? " (unique fields are offered by `assay data --unique` only)"
                : !forSchema && (unknown == "schema" || unknown == "direction") ? " (\(unknown) is for POST /api/v1/data/schema)" : ""
            throw APIError.unknownMember(unknown, allowed: allowed, hint: hint)
        }
        if let value = object["count"] {
            guard let number = Self.integer(value), number >= 1, number <= maxCount else {
                throw APIError.invalidField("count must be an integer from 1 to \(maxCount)", field: "count", details: ["minimum": 1, "maximum": .integer(maxCount)])
            }
            count = number
        }
        if let value = object["seed"] {
            guard let number = Self.integer(value), number >= 0 else {
                throw APIError.invalidField("seed must be an integer from 0 to \(Int.max)", field: "seed", details: ["minimum": 0, "maximum": .integer(Int.max)])
            }
            seed = UInt64(number)
        }
        if let value = object["locale"] {
            guard let name = value.stringValue, let pack = try? LocalePack.named(name) else {
                throw APIError.invalidField(
                    "locale must be one of \(LocalePack.identifiers.joined(separator: ", "))",
                    field: "locale",
                    details: ["known": .array(LocalePack.identifiers.map(JSONValue.string))]
                )
            }
            locale = pack
        }
        if let value = object["direction"] {
            guard let text = value.stringValue, let parsed = GenerationOptions.Direction(rawValue: text) else {
                throw APIError.invalidField("direction must be request, response or neutral", field: "direction")
            }
            direction = parsed
        }
        if forSchema {
            guard let value = object["schema"] else {
                throw APIError.invalidField("schema is required: the JSON Schema to generate records from", field: "schema")
            }
            guard case .object = value else { throw APIError.invalidField("schema must be a JSON Schema object", field: "schema") }
            schema = value
        }
    }

    /// An integer, also when written with a fraction of zero (`10.0`), as JSON Schema counts it.
    private static func integer(_ value: JSONValue) -> Int? {
        switch value {
        case .integer(let number): return number
        case .double(let number): return Int(exactly: number)
        default: return nil
        }
    }
}
