import AssayCore
public import AssayGen
import Foundation
import OrderedCollections

extension Finding {
    /// A shell command that sends the failing request again (credentials masked: put
    /// yours back in). Earlier steps of a flow come first, one command each.
    public var curl: String {
        (earlierRequests + [request]).map(Self.curl).joined(separator: "\n")
    }

    static func curl(_ request: WireRequest) -> String {
        var parts = ["curl -sS -i -X \(request.method) \(shellQuoted(request.url))"]
        for header in request.headers { parts.append("-H \(shellQuoted("\(header.name): \(header.value)"))") }
        if !request.body.isEmpty { parts.append("--data-binary \(shellQuoted(String(decoding: request.body, as: UTF8.self)))") }
        return parts.joined(separator: " \\\n  ")
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A standalone pytest module that replays the requests and asserts what the check
    /// found wrong, with requests (and jsonschema for a schema finding) only.
    /// - Parameter schemas: the plan's response schemas, for a schema finding.
    public func pytest(schemas: SchemaBundle?) -> String {
        var lines = [
            "\"\"\"" + PythonLiteral.docstring("Reproduces \(check.rawValue) on \(operation) (Assay case \(caseIDs[0])). \(check.summary)"),
            "",
            "Credentials were masked in this file: put yours back where it says [redacted].",
            "\"\"\"",
            "",
            "import requests",
        ]
        let schemaPointer = check == .schemaMismatch ? expectation.schema : nil
        let headerSchemas = check == .malformedHeader ? (documented?.headers ?? []) : []
        if let pointer = schemaPointer, let subset = schemas?.subset([pointer]) {
            lines += [
                "from fractions import Fraction",
                "from jsonschema import Draft202012Validator, validators",
                "from jsonschema.exceptions import ValidationError, best_match",
                "from referencing import Registry, Resource",
                "from referencing.jsonschema import DRAFT202012",
                "",
                "SCHEMAS = " + PythonLiteral.render(subset.document),
                "",
                "",
                "def _multiple_of(validator, divisor, instance, schema):",
                "    if validator.is_type(instance, \"number\") and Fraction(repr(instance)) % Fraction(repr(divisor)) != 0:",
                "        yield ValidationError(f\"{instance!r} is not a multiple of {divisor!r}\")",
            ]
        }
        if !headerSchemas.isEmpty, let subset = schemas?.subset(headerSchemas.map(\.schema)) {
            lines += [
                "import re",
                "from jsonschema import Draft202012Validator",
                "from referencing import Registry, Resource",
                "from referencing.jsonschema import DRAFT202012",
                "",
                "SCHEMAS = " + PythonLiteral.render(subset.document),
                "",
                "",
            ] + DocumentedResponse.pythonHeaderReadings.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        lines += ["", "", "def test_\(PythonName.snake(check.rawValue + " " + caseIDs[0]).prefix(80))():"]
        lines += PythonName.wrap(PythonLiteral.docstring(message), width: 88, indent: "    ").enumerated().map { index, line in
            index == 0 ? "    \"\"\"" + line.dropFirst(4) : line
        }
        lines.append("    \"\"\"")
        for request in earlierRequests + [request] {
            lines.append("    response = requests.request(")
            lines.append("        \(PythonLiteral.string(request.method)),")
            lines.append("        \(PythonLiteral.string(request.url)),")
            let headers = JSONValue.object(.init(request.headers.map { ($0.name, JSONValue.string($0.value)) }, uniquingKeysWith: { $1 }))
            lines.append("        headers=\(PythonLiteral.render(headers, indent: 8)),")
            if !request.body.isEmpty {
                lines.append("        data=\(PythonLiteral.string(String(decoding: request.body, as: UTF8.self))).encode(),")
            }
            lines.append("        allow_redirects=False,")
            lines.append("        timeout=30,")
            lines.append("    )")
        }
        lines += assertion(schemaPointer: schemaPointer, headerSchemas: headerSchemas)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The assertion of the last response that fails as the run failed.
    private func assertion(schemaPointer: JSONPointer?, headerSchemas: [DocumentedResponse.Header]) -> [String] {
        let status = expectation.status
        let accepted = "response.status_code in \(PythonLiteral.tuple(status.codes)) or response.status_code // 100 in \(PythonLiteral.tuple(status.classes))"
        let statusLine = "    assert \(accepted), f\"expected \(status), got {response.status_code}: {response.text[:600]}\""
        switch check {
        case .undocumentedStatus:
            let codes = expectation.documented?.codes ?? []
            return ["    assert response.status_code in \(PythonLiteral.tuple(codes)), f\"{response.status_code} is not documented: {response.text[:600]}\""]
        case .wrongContentType:
            let media = PythonLiteral.string(expectation.contentType ?? "application/json")
            return [
                "    received = response.headers.get(\"Content-Type\", \"\").split(\";\")[0].strip().lower()",
                "    assert received == \(media), f\"expected Content-Type {\(media)}, got {received or 'none'}\"",
                "    response.json()",
            ]
        case .schemaMismatch:
            guard let pointer = schemaPointer else { return [statusLine] }
            return [
                "    registry = Registry().with_resource(\"urn:assay:schemas\", Resource.from_contents(SCHEMAS, default_specification=DRAFT202012))",
                "    validator_class = validators.extend(Draft202012Validator, {\"multipleOf\": _multiple_of})",
                "    reference = {\"$ref\": \"urn:assay:schemas#\" + \(PythonLiteral.string(Self.fragment(pointer)))}",
                "    error = best_match(validator_class(reference, registry=registry).iter_errors(response.json()))",
                "    assert error is None, f\"the body does not match its schema at /{'/'.join(map(str, error.absolute_path))}: {error.message}\"",
            ]
        case .undocumentedContentType:
            let media = PythonLiteral.renderFlat(.array((documented?.mediaTypes ?? []).map(JSONValue.string)))
            return [
                "    received = response.headers.get(\"Content-Type\", \"\").split(\";\")[0].strip().lower()",
                "    documented = \(media)",
                "    assert not response.content or any(",
                "        media.split(\";\")[0].strip().lower() in (received, \"*/*\", \"*\")",
                "        or (media.endswith(\"/*\") and received.startswith(media.split(\";\")[0].strip().lower()[:-1]))",
                "        for media in documented",
                "    ), f\"Content-Type {received or 'none'} is not documented: {documented}\"",
            ]
        case .malformedHeader:
            var lines = ["    registry = Registry().with_resource(\"urn:assay:schemas\", Resource.from_contents(SCHEMAS, default_specification=DRAFT202012))"]
            for header in headerSchemas {
                let name = PythonLiteral.string(header.name)
                let reference = PythonLiteral.string("urn:assay:schemas#" + Self.fragment(header.schema))
                lines += [
                    "    if \(name) in response.headers:",
                    "        validator = Draft202012Validator({\"$ref\": \(reference)}, registry=registry)",
                    "        text = response.headers[\(name)]",
                    "        assert any(validator.is_valid(reading) for reading in _header_readings(text)), f\"\(header.name): {text!r} does not match its schema\"",
                ]
            }
            return lines
        case .missingHeader:
            return ["    missing = [name for name in \(PythonLiteral.renderFlat(.array(expectation.headers.map(JSONValue.string)))) if name not in response.headers]",
                    "    assert not missing, f\"missing response headers {missing}\""]
        case .latencyBudget:
            let budget = expectation.latencyBudgetMilliseconds ?? 0
            return ["    elapsed = response.elapsed.total_seconds() * 1000",
                    "    assert elapsed <= \(budget), f\"took {elapsed:.0f} ms, the budget is \(budget) ms\""]
        case .valueNotStored, .nonIdempotentPut, .putNotReplacing, .deleteNoEffect:
            // A pointer token as a Python subscript key: an index or a quoted member name.
            func key(_ token: String) -> String { Int(token).map(String.init) ?? PythonLiteral.string(token) }
            func subscripts(_ tokens: some Sequence<String>) -> String { tokens.map { "[\(key($0))]" }.joined() }
            var lines = ["    body = response.json()"]
            for check in expectation.bodyValues {
                guard case .literal(let value) = check.value else { continue }
                let path = subscripts(check.pointer.tokens)
                let expected = PythonLiteral.renderFlat(value)
                switch check.mode {
                case .equals:
                    lines.append("    assert body\(path) == \(expected), f\"\(check.pointer) is {body\(path)!r}\"")
                case .differs:
                    let last = check.pointer.tokens.last.map(key) ?? "None"
                    lines.append(
                        "    assert \(last) not in body\(subscripts(check.pointer.tokens.dropLast())) or body\(path) != \(expected), f\"\(check.pointer) still holds {body\(path)!r}\"")
                case .notListed(let member):
                    let inner = member.tokens.map { token in ".get(\(PythonLiteral.string(token)), {})" }.joined()
                    lines.append("    listed = [item for item in body\(path) if isinstance(item, dict) and item\(inner) == \(expected)]")
                    lines.append("    assert not listed, f\"still listed after the delete: {listed!r}\"")
                }
            }
            return lines.count > 1 ? lines : [statusLine]
        default:
            return [statusLine]
        }
    }


    /// A JSON pointer as a URI fragment (percent-encoding what a fragment cannot hold).
    static func fragment(_ pointer: JSONPointer) -> String {
        RequestBuilder.percentEncoded(pointer.description, keep: fragmentBytes)
    }

    /// What a URI fragment holds unencoded (RFC 3986: pchar, `/` and `?`, less `?` here).
    private static let fragmentBytes = ByteSet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/!$&'()*+,;=:@")
}
