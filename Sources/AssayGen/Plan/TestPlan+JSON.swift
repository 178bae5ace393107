public import AssayCore
import Foundation
import OrderedCollections

// The plan's JSON form (docs/plan.md). Written with JSONWriter in a fixed key order, so
// equal plans give equal bytes; read back strictly, naming the pointer of anything wrong.

extension TestPlan {
    /// The plan as a JSON document.
    public var json: JSONValue {
        var object: JSONObject = [
            "assayPlan": .integer(Self.formatVersion),
            "api": api.json,
            "strategy": .string(strategy.rawValue),
            "seed": seed <= UInt64(Int.max) ? .integer(Int(seed)) : .string(String(seed)),
            "suites": .array(suites.map(\.json)),
            "skipped": .array(skipped.map { ["operation": .string($0.operation), "reason": .string($0.reason)] }),
        ]
        if let load { object["load"] = load.json }
        if let settings { object["settings"] = settings.json }
        if !contracts.isEmpty { object["operations"] = .array(contracts.map(\.json)) }
        if let credentials {
            var table: JSONObject = [:]
            for scheme in credentials { table[scheme.name] = scheme.json }
            object["credentials"] = .object(table)
        }
        if !responses.isEmpty {
            var table: JSONObject = [:]
            for (operation, documented) in responses { table[operation] = .array(documented.map(\.json)) }
            object["responses"] = .object(table)
        }
        if let schemas { object["schemas"] = schemas.document }
        return .object(object)
    }

    /// The plan as pretty-printed UTF-8 JSON with a final newline: the bytes
    /// `JSONWriter(pretty: true)` gives for ``json``, with the suites rendered on every
    /// core (they are nearly all of a large plan).
    public func jsonBytes() -> [UInt8] {
        let writer = JSONWriter(pretty: true)
        guard suites.count > 1 else { return writer.bytes(json) + [0x0A] }
        var outline = self
        outline.suites = []
        guard case .object(let object) = outline.json else { return writer.bytes(json) + [0x0A] }
        // A suite sits at depth 2: plan object → "suites" array → suite.
        let rendered = ParallelMap.map(suites, transform: { suite -> [UInt8] in
            var bytes: [UInt8] = []
            writer.write(suite.json, into: &bytes, indent: 2)
            return bytes
        })
        var output: [UInt8] = []
        output.reserveCapacity(rendered.reduce(0) { $0 + $1.count } + 65_536)
        output.append(UInt8(ascii: "{"))
        for (offset, (key, value)) in object.enumerated() {
            if offset > 0 { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: "\n  ".utf8)
            writer.write(.string(key), into: &output, indent: 1)
            output.append(contentsOf: ": ".utf8)
            guard key == "suites" else {
                writer.write(value, into: &output, indent: 1)
                continue
            }
            output.append(UInt8(ascii: "["))
            for (index, bytes) in rendered.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                output.append(contentsOf: "\n    ".utf8)
                output += bytes
            }
            output.append(contentsOf: "\n  ]".utf8)
        }
        output.append(contentsOf: "\n}\n".utf8)
        return output
    }

    /// Reads a plan from its JSON form.
    /// - Throws: ``PlanError`` naming the pointer of the first problem.
    public init(json: JSONValue) throws(PlanError) {
        let reader = PlanReader(value: json, pointer: .root)
        let version = try reader.int("assayPlan")
        guard version <= Self.formatVersion, version >= 1 else {
            throw PlanError(.unsupportedVersion, "this plan has format version \(version); this Assay reads version \(Self.formatVersion)", at: JSONPointer(tokens: ["assayPlan"]))
        }
        let api = try reader.object("api")
        self.api = APIReference(
            title: try api.string("title"),
            version: try api.string("version"),
            source: try api.string("source"),
            baseURL: try api.optionalString("baseURL"),
            operationCount: try api.int("operations")
        )
        let strategyName = try reader.string("strategy")
        guard let strategy = GenerationStrategyKind(rawValue: strategyName) else {
            throw reader.error("unknown strategy '\(strategyName)'", key: "strategy")
        }
        self.strategy = strategy
        switch reader.value["seed"] {
        case .integer(let seed)? where seed >= 0: self.seed = UInt64(seed)
        case .string(let text)? where UInt64(text) != nil: self.seed = UInt64(text)!
        default: throw reader.error("the seed must be a non-negative integer", key: "seed")
        }
        self.suites = try reader.array("suites").map { entry throws(PlanError) in try TestSuite(reader: entry) }
        self.skipped = try reader.array("skipped").map { entry throws(PlanError) in
            SkippedOperation(operation: try entry.string("operation"), reason: try entry.string("reason"))
        }
        if let load = try reader.optionalObject("load") { self.load = try LoadProfile(reader: load) } else { self.load = nil }
        self.settings = try reader.optionalObject("settings").map { entry throws(PlanError) in try PlanSettings(reader: entry) }
        self.contracts = try (reader.optionalArray("operations") ?? []).map { entry throws(PlanError) in try OperationContract(reader: entry) }
        if let table = try reader.optionalObject("credentials") {
            var schemes: [CredentialScheme] = []
            for name in table.value.objectValue?.keys ?? [] {
                schemes.append(try CredentialScheme(name: name, reader: try table.object(name)))
            }
            self.credentials = schemes
        } else {
            self.credentials = nil
        }
        if let table = try reader.optionalObject("responses") {
            for operation in table.value.objectValue?.keys ?? [] {
                self.responses[operation] = try table.array(operation).map { entry throws(PlanError) in try DocumentedResponse(reader: entry) }
            }
        }
        switch reader.value["schemas"] {
        case nil, .null?: self.schemas = nil
        case .object(let document)?: self.schemas = SchemaBundle(document: .object(document))
        default: throw reader.error("\"schemas\" must be an object (a JSON Schema document)", key: "schemas")
        }
    }

    /// Reads a plan from JSON bytes.
    public init(jsonBytes: [UInt8]) throws(PlanError) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(jsonBytes)
        } catch {
            throw PlanError(.malformedPlan, "the plan is not valid JSON: \(error)")
        }
        try self.init(json: value)
    }
}

extension PlanSettings {
    var json: JSONValue {
        [
            "kinds": .array(kinds.map { .string($0.rawValue) }),
            "latencyBudgetMs": .integer(latencyBudgetMilliseconds),
            "maxValidationCases": .integer(maxValidationCasesPerOperation),
            "locale": .string(locale),
        ]
    }

    init(reader: PlanReader) throws(PlanError) {
        let kinds = try reader.array("kinds").map { entry throws(PlanError) -> CaseKind in
            let name = try entry.asString()
            guard let kind = CaseKind(rawValue: name) else { throw entry.error("unknown case kind '\(name)'", key: nil) }
            return kind
        }
        self.init(
            kinds: kinds,
            latencyBudgetMilliseconds: try reader.int("latencyBudgetMs"),
            maxValidationCasesPerOperation: try reader.int("maxValidationCases"),
            locale: try reader.string("locale")
        )
    }
}

extension APIReference {
    var json: JSONValue {
        var object: JSONObject = ["title": .string(title), "version": .string(version), "source": .string(source)]
        if let baseURL { object["baseURL"] = .string(baseURL) }
        object["operations"] = .integer(operationCount)
        return .object(object)
    }
}

extension TestSuite {
    var json: JSONValue {
        var object: JSONObject = ["name": .string(name)]
        if let description { object["description"] = .string(description) }
        object["cases"] = .array(cases.map(\.json))
        return .object(object)
    }

    init(reader: PlanReader) throws(PlanError) {
        self.init(
            name: try reader.string("name"),
            description: try reader.optionalString("description"),
            cases: try reader.array("cases").map { entry throws(PlanError) in try TestCase(reader: entry) }
        )
    }
}

extension TestCase {
    var json: JSONValue {
        var object: JSONObject = ["id": .string(id), "kind": .string(kind.rawValue), "title": .string(title), "description": .string(description)]
        if let rule { object["rule"] = .string(rule) }
        object["steps"] = .array(steps.map(\.json))
        return .object(object)
    }

    init(reader: PlanReader) throws(PlanError) {
        let kindName = try reader.string("kind")
        guard let kind = CaseKind(rawValue: kindName) else { throw reader.error("unknown case kind '\(kindName)'", key: "kind") }
        self.init(
            id: try reader.string("id"),
            kind: kind,
            title: try reader.string("title"),
            description: try reader.string("description"),
            rule: try reader.optionalString("rule"),
            steps: try reader.array("steps").map { entry throws(PlanError) in try TestStep(reader: entry) }
        )
    }
}

extension TestStep {
    var json: JSONValue {
        var object: JSONObject = ["operation": .string(operation)]
        if let operationID { object["operationId"] = .string(operationID) }
        object["request"] = request.json
        if !captures.isEmpty {
            object["captures"] = .array(
                captures.map { capture in
                    switch capture.source {
                    case .body(let pointer): ["name": .string(capture.name), "body": .string(pointer.description)]
                    case .header(let name): ["name": .string(capture.name), "header": .string(name)]
                    }
                })
        }
        object["expect"] = expect.json
        if let reports { object["reports"] = .string(reports) }
        return .object(object)
    }

    init(reader: PlanReader) throws(PlanError) {
        var captures: [Capture] = []
        for entry in try reader.optionalArray("captures") ?? [] {
            let name = try entry.string("name")
            if let header = try entry.optionalString("header") {
                captures.append(Capture(name: name, source: .header(header)))
            } else {
                captures.append(Capture(name: name, source: .body(try entry.pointer("body"))))
            }
        }
        self.init(
            operation: try reader.string("operation"),
            operationID: try reader.optionalString("operationId"),
            request: try RequestTemplate(reader: try reader.object("request")),
            captures: captures,
            expect: try Expectation(reader: try reader.object("expect")),
            reports: try reader.optionalString("reports")
        )
    }
}

extension RequestTemplate {
    var json: JSONValue {
        var object: JSONObject = ["method": .string(method.name), "path": .string(path)]
        for (key, parameters) in [("pathParameters", pathParameters), ("query", query), ("headers", headers), ("cookies", cookies)]
        where !parameters.isEmpty {
            object[key] = .array(parameters.map(\.json))
        }
        if let body {
            var entry: JSONObject = ["contentType": .string(body.contentType), "encoding": .string(body.encoding.rawValue)]
            body.value.write(into: &entry)
            object["body"] = .object(entry)
        }
        object["credentials"] = .string(credentials.rawValue)
        if let follow { object["follow"] = .string(follow) }
        return .object(object)
    }

    init(reader: PlanReader) throws(PlanError) {
        let methodName = try reader.string("method")
        guard let method = HTTPMethod(rawValue: methodName.lowercased()) else { throw reader.error("unknown method '\(methodName)'", key: "method") }
        func parameters(_ key: String) throws(PlanError) -> [Parameter] {
            try (reader.optionalArray(key) ?? []).map { entry throws(PlanError) in
                Parameter(name: try entry.string("name"), value: try PlanValue(reader: entry), explode: try entry.optionalBool("explode") ?? true)
            }
        }
        var body: Body?
        if let entry = try reader.optionalObject("body") {
            let encodingName = try entry.string("encoding")
            guard let encoding = Body.Encoding(rawValue: encodingName) else { throw entry.error("unknown body encoding '\(encodingName)'", key: "encoding") }
            body = Body(contentType: try entry.string("contentType"), encoding: encoding, value: try PlanValue(reader: entry))
        }
        let credentialsName = try reader.optionalString("credentials") ?? Credentials.configured.rawValue
        guard let credentials = Credentials(rawValue: credentialsName) else {
            throw reader.error("unknown credentials '\(credentialsName)'", key: "credentials")
        }
        self.init(
            method: method,
            path: try reader.string("path"),
            pathParameters: try parameters("pathParameters"),
            query: try parameters("query"),
            headers: try parameters("headers"),
            cookies: try parameters("cookies"),
            body: body,
            credentials: credentials,
            follow: try reader.optionalString("follow")
        )
    }
}

extension RequestTemplate.Parameter {
    var json: JSONValue {
        var object: JSONObject = ["name": .string(name)]
        value.write(into: &object)
        if !explode { object["explode"] = false }
        return .object(object)
    }
}

extension PlanValue {
    /// `"value": …` for a literal, `"capture": "name"` for a captured value.
    func write(into object: inout JSONObject) {
        switch self {
        case .literal(let value): object["value"] = value
        case .captured(let name): object["capture"] = .string(name)
        }
    }

    init(reader: PlanReader) throws(PlanError) {
        if let name = try reader.optionalString("capture") {
            self = .captured(name)
        } else if let value = reader.value["value"] {
            self = .literal(value)
        } else {
            throw reader.error("a value needs \"value\" or \"capture\"", key: nil)
        }
    }
}

extension StatusExpectation {
    /// `{"codes": [...], "classes": [...]}`, each only when not empty.
    var json: JSONValue {
        var object: JSONObject = [:]
        if !codes.isEmpty { object["codes"] = .array(codes.map { .integer($0) }) }
        if !classes.isEmpty { object["classes"] = .array(classes.map { .integer($0) }) }
        return .object(object)
    }

    init(reader: PlanReader) throws(PlanError) {
        self.init(
            codes: try (reader.optionalArray("codes") ?? []).map { entry throws(PlanError) in try entry.asInt() },
            classes: try (reader.optionalArray("classes") ?? []).map { entry throws(PlanError) in try entry.asInt() })
    }
}

extension Expectation {
    var json: JSONValue {
        var object: JSONObject = ["status": status.json]
        if let documented { object["documentedStatus"] = documented.json }
        if let contentType { object["contentType"] = .string(contentType) }
        if let schema { object["schema"] = .string(schema.description) }
        if !headers.isEmpty { object["headers"] = .array(headers.map { .string($0) }) }
        if let latencyBudgetMilliseconds { object["latencyBudgetMs"] = .integer(latencyBudgetMilliseconds) }
        if !bodyValues.isEmpty {
            object["bodyValues"] = .array(
                bodyValues.map { entry in
                    var item: JSONObject = ["pointer": .string(entry.pointer.description)]
                    entry.value.write(into: &item)
                    switch entry.mode {
                    case .equals: break
                    case .differs: item["mode"] = "differs"
                    case .notListed(let member):
                        item["mode"] = "notListed"
                        item["member"] = .string(member.description)
                    }
                    return .object(item)
                })
        }
        return .object(object)
    }

    init(reader: PlanReader) throws(PlanError) {
        let statusReader = try reader.object("status")
        let status = try StatusExpectation(reader: statusReader)
        guard !status.codes.isEmpty || !status.classes.isEmpty else { throw statusReader.error("an expectation needs status codes or classes", key: nil) }
        let documented = try reader.optionalObject("documentedStatus").map { entry throws(PlanError) in try StatusExpectation(reader: entry) }
        self.init(
            status: status,
            contentType: try reader.optionalString("contentType"),
            schema: try reader.optionalString("schema") == nil ? nil : try reader.pointer("schema"),
            headers: try (reader.optionalArray("headers") ?? []).map { entry throws(PlanError) in try entry.asString() },
            latencyBudgetMilliseconds: try reader.optionalInt("latencyBudgetMs"),
            bodyValues: try (reader.optionalArray("bodyValues") ?? []).map { entry throws(PlanError) in
                let mode: BodyValue.Mode
                switch try entry.optionalString("mode") {
                case nil, "equals": mode = .equals
                case "differs": mode = .differs
                case "notListed": mode = .notListed(member: try entry.pointer("member"))
                case let other?: throw entry.error("unknown body value mode '\(other)' (equals, differs, notListed)", key: "mode")
                }
                return BodyValue(pointer: try entry.pointer("pointer"), value: try PlanValue(reader: entry), mode: mode)
            },
            documented: documented
        )
    }
}

extension LoadProfile {
    var json: JSONValue {
        [
            "concurrency": .integer(concurrency),
            "durationSeconds": .integer(durationSeconds),
            "maxRequests": .integer(maxRequests),
            "mix": .array(mix.map { ["case": .string($0.caseID), "weight": .integer($0.weight)] }),
        ]
    }

    init(reader: PlanReader) throws(PlanError) {
        self.init(
            concurrency: try reader.int("concurrency"),
            durationSeconds: try reader.int("durationSeconds"),
            maxRequests: try reader.int("maxRequests"),
            mix: try reader.array("mix").map { entry throws(PlanError) in (try entry.string("case"), try entry.int("weight")) }
        )
    }
}

extension DocumentedResponse {
    /// `{"status": "400", "mediaTypes": [...], "headers": {"X-Rate-Limit": "/paths/..."}}`.
    var json: JSONValue {
        var object: JSONObject = ["status": .string(status), "mediaTypes": .array(mediaTypes.map { .string($0) })]
        if !headers.isEmpty {
            var table: JSONObject = [:]
            for header in headers { table[header.name] = .string(header.schema.description) }
            object["headers"] = .object(table)
        }
        return .object(object)
    }

    init(reader: PlanReader) throws(PlanError) {
        let status = try reader.string("status")
        let mediaTypes = try reader.array("mediaTypes").map { entry throws(PlanError) in try entry.asString() }
        var headers: [Header] = []
        if let table = try reader.optionalObject("headers") {
            for name in table.value.objectValue?.keys ?? [] { headers.append(Header(name: name, schema: try table.pointer(name))) }
        }
        self.init(status: status, mediaTypes: mediaTypes, headers: headers)
    }
}
