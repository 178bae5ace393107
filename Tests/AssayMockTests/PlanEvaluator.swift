import AssayCore
import AssayData
import Foundation
import OrderedCollections

@testable import AssayGen
@testable import AssayMock

/// Runs the steps of a ``TestPlan`` against a mock and checks each expectation: status,
/// content type, response schema, required headers, values read back, captures.
///
/// Requests are built the way the emitted pytest suite builds them (`conftest.py`): path
/// values through Python's `str` and `quote(safe="")`, query arrays repeated or
/// comma-joined, headers and cookies as text, JSON, form and multipart bodies, and
/// credentials per security scheme (configured, none, or `assay-invalid-credential`).
/// Test-only: the real runner is AssayRun.
struct PlanEvaluator: Sendable {
    let model: APIModel
    /// Response bodies are checked with formats asserted, and required `writeOnly`
    /// properties may be absent (OpenAPI: they never appear in responses).
    let validator: JSONSchemaValidator
    let lookup: SchemaLookup
    /// The configured credential of every scheme.
    static let credential = "assay-test-credential"

    init(model: APIModel) {
        self.model = model
        validator = JSONSchemaValidator(dialect: model.schemaDialect, assertFormats: true).prepared(for: model.document)
        lookup = SchemaLookup(model: model)
    }

    /// A case's result: the failures of its steps (empty when it passes).
    struct Outcome: Sendable {
        var testCase: TestCase
        var failures: [String]
        var passed: Bool { failures.isEmpty }
    }

    /// Runs a case in-process, each step through `send`.
    func run(_ testCase: TestCase, send: (MockRequest) -> MockResponse) -> Outcome {
        var captures: [String: JSONValue] = [:]
        var failures: [String] = []
        for (index, step) in testCase.steps.enumerated() {
            guard let request = request(for: step, captures: captures) else {
                failures.append("step \(index + 1): a captured value is missing")
                break
            }
            let response = send(request)
            let problems = check(step, response, elapsedMilliseconds: response.delayMilliseconds, captures: &captures)
            if !problems.isEmpty {
                failures += problems.map { "step \(index + 1) \(request.method) \(Self.shortTarget(request.target)): \($0)" }
                break
            }
        }
        return Outcome(testCase: testCase, failures: failures)
    }

    /// Runs a case over HTTP.
    func run(_ testCase: TestCase, on mock: LiveMock) async throws -> Outcome {
        var captures: [String: JSONValue] = [:]
        var failures: [String] = []
        for (index, step) in testCase.steps.enumerated() {
            guard let request = request(for: step, captures: captures) else {
                failures.append("step \(index + 1): a captured value is missing")
                break
            }
            let clock = ContinuousClock()
            let start = clock.now
            let response = try await mock.send(request)
            let elapsed = (clock.now - start).components
            let milliseconds = Int(elapsed.seconds) * 1_000 + Int(elapsed.attoseconds / 1_000_000_000_000_000)
            // Budgets scaled by 10, as ASSAY_LATENCY_FACTOR does for the runners: over HTTP on a
            // machine busy with other suites a request may take a second, which says nothing
            // about conformance (the slow mutant is judged in-process, by its added delay).
            let problems = check(step, response, elapsedMilliseconds: milliseconds / 10, captures: &captures)
            if !problems.isEmpty {
                failures += problems.map { "step \(index + 1) \(request.method) \(Self.shortTarget(request.target)): \($0)" }
                break
            }
        }
        return Outcome(testCase: testCase, failures: failures)
    }

    // MARK: - Requests

    /// The request a step sends, as the emitted suite sends it.
    func request(for step: TestStep, captures: [String: JSONValue]) -> MockRequest? {
        let template = step.request
        func resolve(_ value: PlanValue) -> JSONValue? {
            switch value {
            case .literal(let literal): return literal
            case .captured(let name): return captures[name]
            }
        }
        // A fragment (`/tags/{arn}#tagKeys`) is never sent, as requests drops it.
        var path = (model.servers.first.map { RouteTable.basePath(of: $0.defaultURL) } ?? "") + PathTemplateParts(template.path).sent
        for parameter in template.pathParameters {
            guard let value = resolve(parameter.value) else { return nil }
            path = path.replacingOccurrences(of: "{\(parameter.name)}", with: Self.quote(Self.pythonString(value)))
        }
        if let follow = template.follow {
            // A Location followed: the mock writes absolute paths (or URLs on its own host).
            guard let location = captures[follow]?.stringValue else { return nil }
            if let url = URL(string: location), url.host != nil {
                path = url.path + (url.query.map { "?" + $0 } ?? "")
            } else {
                path = location
            }
        }
        var query: [(String, String)] = []
        for parameter in template.query {
            guard let value = resolve(parameter.value) else { return nil }
            if case .array(let items) = value {
                if parameter.explode {
                    query += items.map { (parameter.name, $0.wireText) }
                } else {
                    query.append((parameter.name, items.map(\.wireText).joined(separator: ",")))
                }
            } else {
                query.append((parameter.name, value.wireText))
            }
        }
        var headers: [MockHeader] = [MockHeader("Accept", "application/json, */*;q=0.5")]
        for parameter in template.headers {
            guard let value = resolve(parameter.value) else { return nil }
            headers.append(MockHeader(parameter.name, value.wireText))
        }
        var cookies: [(String, String)] = []
        for parameter in template.cookies {
            guard let value = resolve(parameter.value) else { return nil }
            cookies.append((parameter.name, value.wireText))
        }
        addCredentials(template.credentials, headers: &headers, query: &query, cookies: &cookies)
        if !cookies.isEmpty { headers.append(MockHeader("Cookie", cookies.map { "\($0.0)=\($0.1)" }.joined(separator: "; "))) }
        var body: [UInt8] = []
        if let sent = template.body {
            guard let value = resolve(sent.value) else { return nil }
            switch sent.encoding {
            case .json:
                body = JSONWriter().bytes(value)
                headers.append(MockHeader("Content-Type", sent.contentType))
            case .form:
                let fields = RequestTemplate.Body.formFields(value)
                body = Array(fields.map { "\(Self.quotePlus($0.key))=\(Self.quotePlus($0.value.stringValue ?? ""))" }.joined(separator: "&").utf8)
                if !body.isEmpty { headers.append(MockHeader("Content-Type", "application/x-www-form-urlencoded")) }
            case .multipart:
                // requests sends no body at all for an empty `files` mapping.
                let fields = RequestTemplate.Body.formFields(value)
                guard !fields.isEmpty else { break }
                let boundary = "assayboundary7f3a"
                var text = ""
                for (name, field) in fields {
                    text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(field.stringValue ?? "")\r\n"
                }
                text += "--\(boundary)--\r\n"
                body = Array(text.utf8)
                headers.append(MockHeader("Content-Type", "multipart/form-data; boundary=\(boundary)"))
            case .text:
                body = Array(value.wireText.utf8)
                headers.append(MockHeader("Content-Type", sent.contentType))
            }
        }
        let queryText = query.map { "\(Self.quotePlus($0.0))=\(Self.quotePlus($0.1))" }.joined(separator: "&")
        // requests adds its parameters to a query the path already has with `&`.
        let joiner = path.contains("?") ? "&" : "?"
        return MockRequest(method: template.method.name, target: path + (queryText.isEmpty ? "" : joiner + queryText), headers: headers, body: body)
    }

    /// What conftest.py's `_credentials` adds for each scheme.
    private func addCredentials(
        _ mode: RequestTemplate.Credentials, headers: inout [MockHeader], query: inout [(String, String)], cookies: inout [(String, String)]
    ) {
        guard mode != .none else { return }
        let value = mode == .invalid ? "assay-invalid-credential" : Self.credential
        for scheme in model.securitySchemes.values {
            switch scheme.kind {
            case .apiKey(let name, let location):
                switch location {
                case .header:
                    headers.removeAll { $0.name.lowercased() == name.lowercased() }
                    headers.append(MockHeader(name, value))
                case .query:
                    query.removeAll { $0.0 == name }
                    query.append((name, value))
                case .cookie:
                    cookies.removeAll { $0.0 == name }
                    cookies.append((name, value))
                case .path: break
                }
            case .http(let kind, _):
                switch kind.lowercased() {
                case "bearer": setAuthorization("Bearer \(value)", &headers)
                case "basic": setAuthorization("Basic " + Data("\(value):\(value)".utf8).base64EncodedString(), &headers)
                default: break
                }
            case .oauth2, .openIDConnect:
                setAuthorization("Bearer \(value)", &headers)
            case .mutualTLS:
                break
            }
        }
    }

    private func setAuthorization(_ value: String, _ headers: inout [MockHeader]) {
        headers.removeAll { $0.name.lowercased() == "authorization" }
        headers.append(MockHeader("Authorization", value))
    }

    /// The target without most of a long query, for messages.
    static func shortTarget(_ target: String) -> String {
        target.count > 160 ? String(target.prefix(157)) + "…" : target
    }

    /// Python's `str` of a value: `True`, `1.5`, `['a', 'b']`.
    static func pythonString(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .bool(let bool): return bool ? "True" : "False"
        case .null: return "None"
        case .integer(let integer): return String(integer)
        case .double(let double): return double == double.rounded() && abs(double) < 1e16 ? String(format: "%.1f", double) : String(double)
        case .array, .object: return PythonLiteral.renderFlat(value)
        }
    }

    /// Python's `quote(text, safe="")`.
    static func quote(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80 && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || "_.-~".unicodeScalars.contains(scalar)) {
                result.unicodeScalars.append(scalar)
            } else {
                result += String(format: "%%%02X", byte)
            }
        }
        return result
    }

    /// Python's `quote_plus`, as `urlencode` writes query and form values.
    static func quotePlus(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { quote(String($0)) }.joined(separator: "+")
    }

    // MARK: - Checks

    /// The failures of a response against a step's expectations; captures are recorded.
    func check(_ step: TestStep, _ response: MockResponse, elapsedMilliseconds: Int, captures: inout [String: JSONValue]) -> [String] {
        let expect = step.expect
        var failures: [String] = []
        var shown = response.text.count > 300 ? String(response.text.prefix(300)) + "…" : response.text
        if let explanation = response.header("X-Assay-Mock-Error") { shown = explanation + " — " + shown }
        guard expect.status.accepts(response.status) else {
            return ["expected \(expect.status), got \(response.status): \(shown)"]
        }
        var body: JSONValue?
        if let type = expect.contentType, response.status != 204, !response.body.isEmpty {
            let received = MediaTypeText.bare(response.header("Content-Type") ?? "")
            if received != type { failures.append("expected Content-Type \(type), got \(received.isEmpty ? "none" : received)") }
            body = response.json
            if body == nil { failures.append("the body is not JSON: \(shown)") }
        }
        if let pointer = expect.schema, let body, let schema = model.document.value(at: pointer) {
            let errors = validator.validate(body, against: schema, schemaPointer: pointer).filter {
                !lookup.requiredErrorIsExempt($0, keyword: "writeOnly")
            }
            if !errors.isEmpty { failures.append("the body breaks the schema: \(errors.prefix(3).map(\.description).joined(separator: "; ")) — \(shown)") }
        }
        if let budget = expect.latencyBudgetMilliseconds, elapsedMilliseconds > budget {
            failures.append("took \(elapsedMilliseconds) ms, the budget is \(budget) ms")
        }
        for name in expect.headers where response.header(name) == nil {
            failures.append("missing response header \(name)")
        }
        // What the description documents for the status that came back, whatever the step expected.
        if step.sendsDocumentedMethod, let operation = model.operations.first(where: { $0.id == step.operation }),
            let documented = DocumentedResponse.matching(response.status, in: DocumentedResponse.responses(of: operation))
        {
            let received = MediaTypeText.bare(response.header("Content-Type") ?? "").lowercased()
            if response.status != 204, !response.body.isEmpty, !documented.mediaTypes.isEmpty, !documented.documents(mediaType: received) {
                failures.append("Content-Type \(received) is not documented for \(documented.status): \(documented.mediaTypes)")
            }
            for header in documented.headers {
                guard let text = response.header(header.name), let schema = model.document.value(at: header.schema) else { continue }
                if !HeaderValueReading.readings(text).contains(where: { validator.isValid($0, against: schema, schemaPointer: header.schema) }) {
                    failures.append("the \(header.name) header '\(text)' does not match its schema")
                }
            }
        }
        for check in expect.bodyValues {
            let expected: JSONValue?
            switch check.value {
            case .literal(let value): expected = value
            case .captured(let name): expected = captures[name]
            }
            let actual = (body ?? response.json)?.value(at: check.pointer)
            switch check.mode {
            case .equals:
                if actual == nil || expected == nil || !Self.jsonEqual(actual!, expected!) {
                    failures.append("expected \(check.pointer) to be \(expected.map { JSONWriter().string($0) } ?? "?"), got \(actual.map { JSONWriter().string($0) } ?? "nothing")")
                }
            case .differs:
                if let actual, let expected, Self.jsonEqual(actual, expected) {
                    failures.append("\(check.pointer) still holds \(JSONWriter().string(expected)) after a PUT that left it out")
                }
            case .notListed(let member):
                guard case .array(let items)? = actual else { break }
                if let expected, items.contains(where: { $0.value(at: member).map { Self.jsonEqual($0, expected) } ?? false }) {
                    failures.append("\(check.pointer) still lists \(JSONWriter().string(expected)) after the delete")
                }
            }
        }
        for capture in step.captures {
            switch capture.source {
            case .body(let pointer):
                if let value = (body ?? response.json)?.value(at: pointer) { captures[capture.name] = value } else { failures.append("no \(pointer) to capture") }
            case .header(let name):
                if let value = response.header(name) { captures[capture.name] = .string(value) } else { failures.append("no \(name) header to capture") }
            }
        }
        return failures
    }

    /// JSON equality as Python compares: numbers by value (`1 == 1.0`), booleans apart from numbers.
    static func jsonEqual(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.bool(let x), .bool(let y)): return x == y
        case (.bool, _), (_, .bool): return false
        case (.integer, .double), (.double, .integer), (.double, .double): return a.doubleValue == b.doubleValue
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy(jsonEqual)
        case (.object(let x), .object(let y)): return x.count == y.count && x.allSatisfy { key, value in y[key].map { jsonEqual(value, $0) } ?? false }
        default: return a == b
        }
    }
}
