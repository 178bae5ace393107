import AssayCore
import AssayGen
import Foundation
import OrderedCollections

/// Checks a response against a step's expectation and takes its captures, in the order
/// and with the semantics of the emitted pytest's `assay_checks.py`: status, media type
/// and JSON, schema, headers, latency, read-back values, captures. The first failed check
/// ends the step.
struct StepChecker: Sendable {
    /// The plan's response schemas and a validator prepared for them.
    let schemas: SchemaBundle?
    let validator: JSONSchemaValidator
    /// What the description documents per status of each operation (``TestPlan/responses``).
    let responses: OrderedDictionary<String, [DocumentedResponse]>
    /// What latency budgets are multiplied by (``RunConfiguration/latencyFactor``).
    let latencyFactor: Double

    init(schemas: SchemaBundle?, responses: OrderedDictionary<String, [DocumentedResponse]> = [:], latencyFactor: Double = 1) {
        self.schemas = schemas
        self.responses = responses
        self.latencyFactor = latencyFactor
        validator = JSONSchemaValidator(draft: .draft2020_12).prepared(for: schemas?.document ?? .object([:]))
    }

    /// Checks `response`; returns the values the step captures.
    /// - Parameter earlier: the values earlier steps captured, which read-back checks compare to.
    func check(_ step: TestStep, request: WireRequest, response: WireResponse, earlier: [String: JSONValue] = [:]) throws(StepFailure) -> [String: JSONValue] {
        let expect = step.expect
        func describe() -> String { "\(request.method) \(request.url) -> \(response.status): \(response.excerpt())" }
        if response.truncated {
            throw StepFailure("the response is larger than the size limit: \(describe())", check: "request")
        }
        guard expect.status.accepts(response.status) else {
            let wanted = expect.status.codes.map(String.init) + expect.status.classes.map { "a \($0)xx" }
            throw StepFailure("expected \(wanted.joined(separator: " or ")), got \(response.status): \(describe())", check: "expect_status")
        }
        if let documented = expect.documented, !documented.accepts(response.status) {
            throw StepFailure(
                "\(response.status) is not documented for this answer (the description documents \(documented.codes.map(String.init).joined(separator: ", "))): \(describe())",
                check: "expect_documented")
        }
        let hasBody = response.status != 204 && !response.body.isEmpty
        var parsed: JSONValue?
        func json() throws(StepFailure) -> JSONValue {
            if let parsed { return parsed }
            do {
                let value = try JSONValue.parse(response.body)
                parsed = value
                return value
            } catch {
                throw StepFailure("the body is not JSON (\(error)): \(describe())", check: "expect_json")
            }
        }
        if let mediaType = expect.contentType, hasBody {
            let received = response.mediaType
            guard received == mediaType else {
                throw StepFailure("expected Content-Type \(mediaType), got \(received.isEmpty ? "none" : received): \(describe())", check: "expect_json")
            }
            _ = try json()
        }
        if let pointer = expect.schema, hasBody {
            let body = try json()
            guard let schema = schemas?.schema(at: pointer) else {
                throw StepFailure("the plan has no response schema at \(pointer)", check: "expect_schema")
            }
            let errors = validator.validate(body, against: schema, schemaPointer: pointer)
            if let error = errors.first {
                let place = error.instancePointer.tokens.isEmpty ? "/" : error.instancePointer.description
                throw StepFailure(
                    "the body does not match the response schema at \(place): \(error.message) (keyword \(error.keyword), schema \(pointer)): \(describe())",
                    check: "expect_schema")
            }
        }
        let missing = expect.headers.filter { response.header($0) == nil }
        if !missing.isEmpty {
            throw StepFailure("missing response headers \(missing.joined(separator: ", ")): \(describe())", check: "expect_headers")
        }
        if step.sendsDocumentedMethod, let documented = responses[step.operation].flatMap({ DocumentedResponse.matching(response.status, in: $0) }) {
            try checkDocumented(documented, response: response, hasBody: hasBody, describe: describe)
        }
        if let stated = expect.latencyBudgetMilliseconds, response.milliseconds > Double(stated) * latencyFactor {
            let budget = Int((Double(stated) * latencyFactor).rounded())
            throw StepFailure("took \(Int(response.milliseconds.rounded())) ms, the budget is \(budget) ms: \(describe())", check: "expect_within")
        }
        return try checkValuesAndCapture(step, json: json, describe: describe, response: response, earlier: earlier)
    }

    /// What the description documents for the answer's status, whatever the step
    /// expected: the body's media type is one it lists, and each documented header that
    /// came back reads as its schema says.
    private func checkDocumented(_ documented: DocumentedResponse, response: WireResponse, hasBody: Bool, describe: () -> String) throws(StepFailure) {
        if hasBody && !documented.mediaTypes.isEmpty {
            let received = response.mediaType
            if !documented.documents(mediaType: received) {
                throw StepFailure(
                    "Content-Type \(received.isEmpty ? "none" : received) is not documented for \(documented.status) (the description documents \(documented.mediaTypes.joined(separator: ", "))): \(describe())",
                    check: "expect_documented_media")
            }
        }
        for header in documented.headers {
            guard let text = response.header(header.name), let schema = schemas?.schema(at: header.schema) else { continue }
            let readings = HeaderValueReading.readings(text)
            if !readings.contains(where: { validator.isValid($0, against: schema, schemaPointer: header.schema) }) {
                let reason = validator.validate(readings[0], against: schema, schemaPointer: header.schema).first.map { "\($0.message) (keyword \($0.keyword))" } ?? "no reading of it matches"
                throw StepFailure(
                    "the \(header.name) header '\(text.prefix(200))' does not match its schema \(header.schema): \(reason): \(describe())",
                    check: "expect_header_values")
            }
        }
    }

    private func checkValuesAndCapture(
        _ step: TestStep,
        json: () throws(StepFailure) -> JSONValue,
        describe: () -> String,
        response: WireResponse,
        earlier: [String: JSONValue]
    ) throws(StepFailure) -> [String: JSONValue] {
        var captures: [String: JSONValue] = [:]
        /// The value at `pointer` inside `root`, `nil` when nothing is there (array indices
        /// are digits only, as the emitted helpers read them).
        func lookup(_ pointer: JSONPointer, in root: JSONValue) -> JSONValue? {
            var current = root
            for token in pointer.tokens {
                switch current {
                case .array(let items):
                    guard let index = Int(token), token.allSatisfy(\.isNumber), index < items.count else { return nil }
                    current = items[index]
                case .object(let object):
                    guard let member = object[token] else { return nil }
                    current = member
                default: return nil
                }
            }
            return current
        }
        func value(at pointer: JSONPointer) throws(StepFailure) -> JSONValue {
            guard let found = lookup(pointer, in: try json()) else { throw StepFailure("no \(pointer) in the body: \(describe())", check: "capture_body") }
            return found
        }
        for check in step.expect.bodyValues {
            let expected: JSONValue
            switch check.value {
            case .literal(let literal): expected = literal
            case .captured(let name):
                guard let captured = earlier[name] else { throw StepFailure("no value was captured for '\(name)'", check: "expect_body_value") }
                expected = captured
            }
            switch check.mode {
            case .equals:
                let actual = try value(at: check.pointer)
                guard Self.sameValue(actual, expected, topLevel: true) else {
                    throw StepFailure(
                        "expected \(check.pointer) to be \(JSONWriter().string(expected)) as sent, got \(JSONWriter().string(actual)): \(describe())",
                        check: "expect_body_value")
                }
            case .differs:
                if let actual = lookup(check.pointer, in: try json()), Self.sameValue(actual, expected, topLevel: true) {
                    throw StepFailure(
                        "\(check.pointer) still holds \(JSONWriter().string(expected)), which the replacement left out: \(describe())",
                        check: "expect_body_differs")
                }
            case .notListed(let member):
                // No array there (an optional member left out) lists nothing.
                guard case .array(let items)? = lookup(check.pointer, in: try json()) else { continue }
                for (index, item) in items.enumerated() {
                    if let held = lookup(member, in: item), Self.sameValue(held, expected, topLevel: true) {
                        throw StepFailure(
                            "\(check.pointer)/\(index) still lists \(JSONWriter().string(expected)) after the delete: \(describe())",
                            check: "expect_not_listed")
                    }
                }
            }
        }
        for capture in step.captures {
            switch capture.source {
            case .body(let pointer):
                captures[capture.name] = try value(at: pointer)
            case .header(let name):
                guard let header = response.header(name) else { throw StepFailure("no \(name) header: \(describe())", check: "capture_header") }
                captures[capture.name] = .string(header)
            }
        }
        return captures
    }

    /// Python's `==` on decoded JSON, as the emitted check uses it: numbers by value
    /// (`1 == 1.0`); at the top level a boolean never equals a number.
    static func sameValue(_ a: JSONValue, _ b: JSONValue, topLevel: Bool = false) -> Bool {
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return x == y
        case (.bool(let x), .integer(let y)), (.integer(let y), .bool(let x)): return !topLevel && (x ? 1 : 0) == y
        case (.integer(let x), .integer(let y)): return x == y
        case (.integer(let x), .double(let y)), (.double(let y), .integer(let x)): return Double(x) == y
        case (.double(let x), .double(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.null, .null): return true
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { sameValue($0, $1) }
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.allSatisfy { key, value in y[key].map { sameValue(value, $0) } ?? false }
        default: return false
        }
    }
}
