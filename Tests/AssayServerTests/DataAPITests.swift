import AssayCore
import AssayServer
import AssayStore
import AssayTestSupport
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import OrderedCollections
import Testing

/// `POST /api/v1/data/{entity}` and `POST /api/v1/data/schema` over real HTTP on both
/// databases: JSON arrays and NDJSON, streaming of large counts, the same bytes for the same
/// seed, every record valid, and the refusals.
struct DataAPITests {
    /// Every entity's records are valid against the schema the catalog gives for it.
    @Test(arguments: DatabaseBackend.allCases)
    func everyEntityAnswersAJSONArrayOfValidRecords(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: { $0.runsJobs = false }) { harness in
            let catalog = try await harness.send(.GET, "/api/v1/data", token: .read)
            #expect(catalog.status == 200)
            let object = try #require(try JSONValue.parse(catalog.body).objectValue)
            #expect(object["maxRecords"] == 1_000_000)
            #expect(object["streamingThreshold"] == 1_000)
            #expect(object["locales"]?.arrayValue?.contains("de_DE") == true)
            let entities = try #require(object["entities"]?.arrayValue)
            #expect(entities.compactMap { $0["name"]?.stringValue } == ["user", "product", "cart", "order", "payment", "review"])

            for entity in entities {
                let name = try #require(entity["name"]?.stringValue)
                let schema = try #require(entity["schema"])
                let answer = try await harness.send(.POST, "/api/v1/data/\(name)", token: .read, json: #"{"count": 25, "seed": 7}"#)
                #expect(answer.status == 200, "\(name): \(answer.text.prefix(300))")
                #expect(answer.headers.first(name: "Content-Type") == "application/json; charset=utf-8")
                #expect(answer.headers.first(name: "Content-Length") == "\(answer.body.count)", "a small answer is one body")
                let records = try #require(try JSONValue.parse(answer.body).arrayValue)
                #expect(records.count == 25)
                try Self.expectValid(records, against: schema, name)
            }
            // No body means the defaults (10 records, seed 1); plurals and any case name entities.
            let defaults = try await harness.send(.POST, "/api/v1/data/Orders", token: .read)
            #expect(defaults.status == 200, "\(defaults.text.prefix(300))")
            #expect(try JSONValue.parse(defaults.body).arrayValue?.count == 10)
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func theSameSeedGivesTheSameBytes(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: { $0.runsJobs = false }) { harness in
            let body = #"{"count": 200, "seed": 2026, "locale": "ja_JP"}"#
            let first = try await harness.send(.POST, "/api/v1/data/order", token: .read, json: body)
            let second = try await harness.send(.POST, "/api/v1/data/order", token: .read, json: body)
            #expect(first.status == 200)
            #expect(first.body == second.body)
            let otherSeed = try await harness.send(
                .POST,
                "/api/v1/data/order",
                token: .read,
                json: #"{"count": 200, "seed": 2027, "locale": "ja_JP"}"#
            )
            #expect(otherSeed.body != first.body)
            let otherLocale = try await harness.send(.POST, "/api/v1/data/order", token: .read, json: #"{"count": 200, "seed": 2026}"#)
            #expect(otherLocale.body != first.body)

            // Record k does not depend on the count or the format: the array's records are the
            // first lines of a streamed NDJSON answer, byte for byte.
            let streamed = try await Self.stream(harness, "/api/v1/data/order", json: #"{"count": 5000, "seed": 2026, "locale": "ja_JP"}"#)
            let lines = streamed.body.split(separator: UInt8(ascii: "\n"))
            #expect(lines.count == 5000)
            let arrayLines = first.body.split(separator: UInt8(ascii: "\n")).dropFirst().dropLast()
            #expect(arrayLines.count == 200)
            for (index, (arrayLine, line)) in zip(arrayLines, lines).enumerated() {
                let record = arrayLine.last == UInt8(ascii: ",") ? arrayLine.dropLast() : arrayLine
                #expect(Array(record) == Array(line), "record \(index)")
            }
            let again = try await Self.stream(harness, "/api/v1/data/order", json: #"{"count": 5000, "seed": 2026, "locale": "ja_JP"}"#)
            #expect(again.body == streamed.body)
        }
    }

    /// 200,000 users stream as NDJSON: the first bytes arrive long before the last, and every
    /// line is a valid user.
    @Test(.timeLimit(.minutes(3)), arguments: DatabaseBackend.allCases)
    func largeCountsStreamAsNDJSONFromTheFirstChunk(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: { $0.runsJobs = false }) { harness in
            let count = 200_000
            // A first request opens the client's connection, so the timing below is of the answer.
            #expect(try await harness.send(.POST, "/api/v1/data/user", token: .read).status == 200)
            let streamed = try await Self.stream(harness, "/api/v1/data/user", json: #"{"count": \#(count), "seed": 9}"#)
            #expect(streamed.status == 200)
            #expect(streamed.headers.first(name: "Content-Type") == "application/x-ndjson")
            #expect(streamed.headers.first(name: "Content-Length") == nil)
            #expect(streamed.headers.first(name: "Transfer-Encoding")?.lowercased() == "chunked")
            #expect(streamed.chunks > 10, "\(streamed.chunks) body parts")
            let first = try #require(streamed.firstChunk)
            #expect(first < streamed.total / 4, "first chunk after \(first), the whole after \(streamed.total)")
            let seconds = Double(streamed.total.components.seconds) + Double(streamed.total.components.attoseconds) / 1e18
            print(
                "data/user ×\(count) [\(backend)]: head \(streamed.head), first chunk \(first), total \(streamed.total), "
                    + "\(streamed.body.count) bytes, \(Int(Double(count) / seconds)) records/s"
            )

            let catalog = try JSONValue.parse(try await harness.send(.GET, "/api/v1/data", token: .read).body)
            let schema = try #require(catalog["entities"]?.arrayValue?.first { $0["name"] == "user" }?["schema"])
            let keys = Set(try #require(schema["properties"]?.objectValue).keys)
            let required = Set(try #require(schema["required"]?.arrayValue).compactMap(\.stringValue))
            let validator = JSONSchemaValidator(draft: .draft2020_12, assertFormats: true).prepared(for: schema)
            var lines = 0
            var ids = Set<String>()
            for line in streamed.body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast() {
                let record = try JSONValue.parse(Array(line))
                let members = Set(try #require(record.objectValue, "line \(lines)").keys)
                #expect(required.isSubset(of: members) && members.isSubset(of: keys), "line \(lines): \(members)")
                // The full schema (formats asserted) for a spread of them.
                if lines % 499 == 0 {
                    #expect(validator.isValid(record, against: schema), "line \(lines)")
                }
                ids.insert(record["id"]?.stringValue ?? "")
                lines += 1
            }
            #expect(streamed.body.last == UInt8(ascii: "\n"))
            #expect(lines == count)
            #expect(ids.count == count, "ids are distinct")
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func acceptChoosesBetweenAJSONArrayAndNDJSON(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: { $0.runsJobs = false }) { harness in
            // NDJSON asked for: even a few records.
            let few = try await harness.send(
                .POST,
                "/api/v1/data/review",
                token: .read,
                headers: [("Accept", "application/x-ndjson")],
                json: #"{"count": 3}"#
            )
            #expect(few.headers.first(name: "Content-Type") == "application/x-ndjson")
            #expect(few.text.split(separator: "\n").count == 3)
            #expect(few.text.hasPrefix("{") && few.text.hasSuffix("}\n"))

            // A JSON array asked for: even past the threshold, streamed.
            for accept in ["application/json", "application/json, */*;q=0.5"] {
                let many = try await Self.stream(harness, "/api/v1/data/product", json: #"{"count": 3000}"#, accept: accept)
                #expect(many.headers.first(name: "Content-Type") == "application/json; charset=utf-8", "\(accept)")
                #expect(many.headers.first(name: "Content-Length") == nil)
                #expect(try JSONValue.parse(many.body).arrayValue?.count == 3000, "\(accept)")
            }
            // No preference: the count decides.
            let anything = try await Self.stream(harness, "/api/v1/data/product", json: #"{"count": 3000}"#, accept: "*/*")
            #expect(anything.headers.first(name: "Content-Type") == "application/x-ndjson")
            let atThreshold = try await harness.send(.POST, "/api/v1/data/product", token: .read, json: #"{"count": 1000}"#)
            #expect(atThreshold.headers.first(name: "Content-Type") == "application/json; charset=utf-8")

            let csv = try await harness.send(.POST, "/api/v1/data/product", token: .read, headers: [("Accept", "text/csv")], json: #"{"count": 3}"#)
            #expect(csv.status == 406)
            #expect(try csv.errorCode() == "not_acceptable")
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func schemaRecordsAreValidAndFollowTheDirection(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: { $0.runsJobs = false }) { harness in
            let schemaText = """
                {"type": "object", "required": ["id", "email", "age", "tags"], "additionalProperties": false,
                 "properties": {
                   "id": {"type": "string", "format": "uuid", "readOnly": true},
                   "email": {"type": "string", "format": "email"},
                   "age": {"type": "integer", "minimum": 18, "maximum": 30},
                   "tags": {"type": "array", "items": {"$ref": "#/$defs/tag"}, "maxItems": 3},
                   "name": {"type": "string", "maxLength": 40}},
                 "$defs": {"tag": {"enum": ["a", "b", "c"]}}}
                """
            let schema = try JSONValue.parse(Array(schemaText.utf8))
            let answer = try await harness.send(
                .POST,
                "/api/v1/data/schema",
                token: .read,
                json: #"{"schema": \#(schemaText), "count": 300, "seed": 5}"#
            )
            #expect(answer.status == 200, "\(answer.text.prefix(500))")
            let records = try #require(try JSONValue.parse(answer.body).arrayValue)
            #expect(records.count == 300)
            try Self.expectValid(records, against: schema, "posted schema")

            // For a request, readOnly members are left out (the schema then fails only on them).
            let request = try await harness.send(
                .POST,
                "/api/v1/data/schema",
                token: .read,
                json: #"{"schema": \#(schemaText), "count": 20, "direction": "request"}"#
            )
            #expect(request.status == 200, "\(request.text.prefix(500))")
            let requestRecords = try #require(try JSONValue.parse(request.body).arrayValue)
            #expect(requestRecords.allSatisfy { $0["id"] == nil && $0["email"] != nil })

            let same = try await harness.send(
                .POST,
                "/api/v1/data/schema",
                token: .read,
                json: #"{"schema": \#(schemaText), "count": 300, "seed": 5}"#
            )
            #expect(same.body == answer.body)
        }
    }

    /// A schema that cannot be used is a 422 that says where in it.
    @Test(arguments: DatabaseBackend.allCases)
    func unusableSchemasAre422NamingWhere(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(backend, configure: { $0.runsJobs = false }) { harness in
            let cases: [(schema: String, code: String, pointer: String)] = [
                (#"{"type": "object", "properties": {"age": {"type": "integer", "minimum": "18"}}}"#, "invalid_schema", "/properties/age/minimum"),
                (#"{"type": "strin"}"#, "invalid_schema", "/type"),
                (##"{"type": "object", "properties": {"owner": {"$ref": "#/$defs/person"}}}"##, "invalid_schema", "/properties/owner/$ref"),
                (
                    #"{"type": "object", "properties": {"n": {"type": "integer", "exclusiveMinimum": true}}}"#, "invalid_schema",
                    "/properties/n/exclusiveMinimum"
                ),
                // The engine names this place in the value (/code), not in the schema.
                (
                    #"{"type": "object", "required": ["code"], "properties": {"code": {"type": "string", "minLength": 5, "maxLength": 2}}}"#,
                    "unsatisfiable", ""
                ),
                (#"{"type": "string", "pattern": "(unclosed"}"#, "unsupported_pattern", ""),
            ]
            for (schema, code, pointer) in cases {
                let answer = try await harness.send(.POST, "/api/v1/data/schema", token: .read, json: #"{"schema": \#(schema)}"#)
                #expect(answer.status == 422, "\(schema): \(answer.text)")
                #expect(try answer.errorCode() == code, "\(schema): \(answer.text)")
                let details = try #require((try answer.object()["error"] as? [String: Any])?["details"] as? [String: Any])
                #expect(details["field"] as? String == "schema")
                if !pointer.isEmpty {
                    #expect((details["schemaPointer"] as? String)?.hasPrefix(pointer) == true, "\(schema): \(details)")
                }
            }
            let unsatisfiable = try await harness.send(
                .POST,
                "/api/v1/data/schema",
                token: .read,
                json:
                    #"{"schema": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string", "minLength": 5, "maxLength": 2}}}}"#
            )
            #expect(unsatisfiable.text.contains("/code"), "\(unsatisfiable.text)")
            // Draft 4 spells exclusiveMinimum as a boolean, and is read so.
            let draft4 = try await harness.send(
                .POST,
                "/api/v1/data/schema",
                token: .read,
                json:
                    #"{"schema": {"$schema": "http://json-schema.org/draft-04/schema#", "type": "integer", "minimum": 3, "exclusiveMinimum": true, "maximum": 5}, "count": 20}"#
            )
            #expect(draft4.status == 200, "\(draft4.text)")
            #expect(try JSONValue.parse(draft4.body).arrayValue?.allSatisfy { $0 == 4 || $0 == 5 } == true, "\(draft4.text)")
        }
    }

    @Test(arguments: DatabaseBackend.allCases)
    func badRequestsAreRefusedWithTheirCause(backend: DatabaseBackend) async throws {
        try await ServerHarness.with(
            backend,
            configure: { configuration in
                configuration.runsJobs = false
                configuration.maxDataRecords = 5_000
                configuration.maxJSONBody = 4_096
            }
        ) { harness in
            #expect(try await harness.send(.POST, "/api/v1/data/user").status == 401)
            #expect(try await harness.send(.GET, "/api/v1/data").status == 401)

            let unknown = try await harness.send(.POST, "/api/v1/data/widget", token: .read, json: #"{"count": 2}"#)
            #expect(unknown.status == 404)
            #expect(try unknown.errorCode() == "unknown_entity")
            #expect(unknown.text.contains("user, product, cart, order, payment, review, schema"), "\(unknown.text)")

            for count in ["0", "-1", "5001", #""10""#, "1.5", "null", "1e30"] {
                let answer = try await harness.send(.POST, "/api/v1/data/user", token: .read, json: #"{"count": \#(count)}"#)
                #expect(answer.status == 400, "count \(count): \(answer.text)")
                #expect(answer.text.contains("from 1 to 5000"), "count \(count): \(answer.text)")
            }
            #expect(try await harness.send(.POST, "/api/v1/data/user", token: .read, json: #"{"count": 5000.0}"#).status == 200)
            let refusals: [(path: String, body: String, field: String)] = [
                ("user", #"{"seed": -1}"#, "seed"),
                ("user", #"{"seed": 1e300}"#, "seed"),
                ("user", #"{"locale": "xx_XX"}"#, "locale"),
                ("user", #"{"unique": ["email"]}"#, "unique"),
                ("user", #"{"colour": "red"}"#, "colour"),
                ("user", #"{"schema": {"type": "string"}}"#, "schema"),
                ("schema", #"{"count": 2}"#, "schema"),
                ("schema", #"{"schema": [1, 2]}"#, "schema"),
                ("schema", #"{"schema": {}, "direction": "sideways"}"#, "direction"),
            ]
            for (path, body, field) in refusals {
                let answer = try await harness.send(.POST, "/api/v1/data/\(path)", token: .read, json: body)
                #expect(answer.status == 400, "\(path) \(body): \(answer.text)")
                let details = (try answer.object()["error"] as? [String: Any])?["details"] as? [String: Any]
                #expect(details?["field"] as? String == field, "\(path) \(body): \(answer.text)")
            }
            let notJSON = try await harness.send(
                .POST,
                "/api/v1/data/user",
                token: .read,
                headers: [("Content-Type", "text/plain")],
                body: Array("count=3".utf8)
            )
            #expect(notJSON.status == 415)
            let broken = try await harness.send(.POST, "/api/v1/data/user", token: .read, json: #"{"count": "#)
            #expect(broken.status == 400)
            let large = try await harness.send(
                .POST,
                "/api/v1/data/schema",
                token: .read,
                json: #"{"schema": {"description": "\#(String(repeating: "x", count: 5_000))"}}"#
            )
            #expect(large.status == 413)
        }
    }

    /// Every record valid against `schema` (formats asserted).
    static func expectValid(_ records: [JSONValue], against schema: JSONValue, _ label: String) throws {
        let validator = JSONSchemaValidator(draft: .draft2020_12, assertFormats: true).prepared(for: schema)
        for (index, record) in records.enumerated() {
            let errors = validator.validate(record, against: schema)
            #expect(errors.isEmpty, "\(label) record \(index): \(errors.first.map { "\($0)" } ?? "")")
        }
    }

    /// A streamed answer, read as it arrives.
    struct Streamed {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]
        /// How many body parts the client received.
        var chunks: Int
        /// From sending the request to its head, its first body part, its end.
        var head: Duration
        var firstChunk: Duration?
        var total: Duration
    }

    /// POSTs `json` to `path` with a read token and reads the answer part by part (at most
    /// 256 MiB), timing it.
    static func stream(_ harness: ServerHarness, _ path: String, json: String, accept: String? = nil) async throws -> Streamed {
        var request = HTTPClientRequest(url: harness.baseURL + path)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(harness.tokens[.read]!)")
        request.headers.add(name: "Content-Type", value: "application/json")
        if let accept { request.headers.add(name: "Accept", value: accept) }
        request.body = .bytes(ByteBuffer(string: json))
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(120))
        let head = clock.now - start
        var body: [UInt8] = []
        var chunks = 0
        var firstChunk: Duration?
        for try await buffer in response.body {
            if firstChunk == nil { firstChunk = clock.now - start }
            chunks += 1
            body.append(contentsOf: buffer.readableBytesView)
            guard body.count <= 256 << 20 else { throw StreamError.tooLarge }
        }
        return Streamed(
            status: Int(response.status.code),
            headers: response.headers,
            body: body,
            chunks: chunks,
            head: head,
            firstChunk: firstChunk,
            total: clock.now - start
        )
    }

    enum StreamError: Error {
        case tooLarge
    }
}
