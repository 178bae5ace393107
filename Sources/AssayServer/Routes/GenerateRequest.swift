import AssayCore
import AssayGen
import Hummingbird
import OrderedCollections

/// What `POST /api/v1/projects/{project}/generate` is asked for, read from an optional JSON
/// body: which spec version, the strategy tried first, the seed, and whether to plan against
/// the previous plan. No body means the latest version, enhanced, the project's seed,
/// incremental.
struct GenerateRequest: Sendable {
    /// The spec version's number; the latest when `nil`.
    var specVersion: Int?
    /// `enhanced` (falling back to `standard` when its gate fails) or `standard`.
    var strategy: GenerationStrategyKind = .enhanced
    /// The project's seed when `nil`.
    var seed: UInt64?
    /// Plan against the project's previous plan, when there is one.
    var incremental = true

    /// The members the body may have.
    static let members = ["specVersion", "strategy", "seed", "incremental"]
    /// The largest version number accepted (the description says so too).
    static let maxSpecVersion = Int(Int32.max)

    /// The request's options, from its body.
    ///
    /// - Throws: ``APIError`` 415 for a body that is not JSON, 413 past `maxBody`, 400 naming
    ///   the member that is unknown, of the wrong type or out of range.
    static func read(_ request: inout Request, maxBody: Int) async throws -> GenerateRequest {
        guard let object = try await request.optionalJSONObject(upTo: maxBody) else { return GenerateRequest() }
        return try GenerateRequest(object)
    }

    /// The options in `object`; see ``read(_:maxBody:)``.
    init(_ object: JSONObject) throws {
        if let unknown = object.keys.first(where: { !Self.members.contains($0) }) {
            throw APIError.unknownMember(unknown, allowed: Self.members)
        }
        if let value = object["specVersion"] {
            guard let number = value.intValue, (1...Self.maxSpecVersion).contains(number) else {
                throw APIError.invalidField(
                    "specVersion must be an integer from 1 to \(Self.maxSpecVersion)", field: "specVersion",
                    details: ["minimum": 1, "maximum": .integer(Self.maxSpecVersion)])
            }
            specVersion = number
        }
        if let value = object["strategy"] {
            guard let name = value.stringValue, let kind = GenerationStrategyKind(rawValue: name) else {
                throw APIError.invalidField("strategy must be enhanced or standard", field: "strategy", details: ["allowed": ["enhanced", "standard"]])
            }
            strategy = kind
        }
        if let value = object["seed"] {
            guard let number = value.intValue, number >= 0 else {
                throw APIError.invalidField("seed must be an integer from 0 to \(Int.max)", field: "seed", details: ["minimum": 0, "maximum": .integer(Int.max)])
            }
            seed = UInt64(number)
        }
        if let value = object["incremental"] {
            guard let flag = value.boolValue else { throw APIError.invalidField("incremental must be true or false", field: "incremental") }
            incremental = flag
        }
    }

    init() {}
}
