public import AssayCore
import Foundation
import OrderedCollections

/// Renders a ``TestPlan`` as a pytest package a team commits: one module per suite, a
/// `conftest.py` with the base URL and credentials from the environment, `assay_checks.py`
/// with the assertions, and `pytest.ini` with a marker per case kind.
///
/// One test function per case, so `pytest --collect-only` counts exactly the plan's cases.
/// Values are written inline; no secret, no sleep, no randomness at run time.
public struct PytestEmitter: Sendable {
    /// The API's security schemes, for the credentials `conftest.py` reads.
    public var securitySchemes: [SecurityScheme]
    /// Written into each module's header: "Assay 0.3.0".
    public var generator: String

    public init(securitySchemes: [SecurityScheme], generator: String = "Assay") {
        self.securitySchemes = securitySchemes
        self.generator = generator
    }

    /// Every file of the package.
    public func files(for plan: TestPlan) -> [EmittedFile] {
        var files = [
            EmittedFile(path: "conftest.py", contents: conftest(for: plan)),
            EmittedFile(path: "assay_checks.py", contents: PytestSupportFiles.checks),
            EmittedFile(path: "pytest.ini", contents: PytestSupportFiles.pytestIni),
        ]
        var modules: Set<String> = ["conftest", "assay_checks"]
        var named: [(path: String, suite: TestSuite)] = []
        for suite in plan.suites where !suite.cases.isEmpty {
            var module = "test_" + PythonName.snake(suite.name)
            if module.count > 60 { module = String(module.prefix(60)) }
            var unique = module
            var counter = 2
            while modules.contains(unique) {
                unique = "\(module)_\(counter)"
                counter += 1
            }
            modules.insert(unique)
            named.append((unique + ".py", suite))
        }
        // Modules are independent text: rendered on every core, kept in suite order.
        let contents = ParallelMap.map(named.map(\.suite), transform: { self.module(for: $0, plan: plan) })
        for (entry, text) in zip(named, contents) { files.append(EmittedFile(path: entry.path, contents: text)) }
        return files
    }

    // MARK: - conftest.py

    func conftest(for plan: TestPlan) -> String {
        var lines: [String] = []
        let base = plan.api.baseURL.flatMap { $0.hasPrefix("http://") || $0.hasPrefix("https://") ? $0 : nil } ?? "http://127.0.0.1:8080"
        lines.append("DEFAULT_BASE_URL = \(PythonLiteral.string(base))")
        lines.append("")
        lines.append("# Each scheme of the API: how its credential is sent and the variables it is read from.")
        lines.append("SECURITY_SCHEMES = {")
        for scheme in securitySchemes {
            guard let entry = credentialEntry(scheme) else { continue }
            lines.append("    \(PythonLiteral.string(scheme.name)): \(PythonLiteral.renderFlat(entry)),")
        }
        lines.append("}")
        return PytestSupportFiles.conftestHead + lines.joined(separator: "\n") + "\n" + PytestSupportFiles.conftestTail
    }

    /// `ASSAY_AUTH_PETSTORE_KEY`: the environment variable prefix of a scheme.
    static func environmentPrefix(_ scheme: String) -> String {
        "ASSAY_AUTH_" + PythonName.snake(scheme).uppercased()
    }

    /// The `SECURITY_SCHEMES` entry of a scheme; `nil` for schemes a test cannot satisfy
    /// from the environment (OpenID Connect discovery, mutual TLS, OAuth2 without a
    /// client-credentials flow).
    func credentialEntry(_ scheme: SecurityScheme) -> JSONValue? {
        let prefix = Self.environmentPrefix(scheme.name)
        switch scheme.kind {
        case .apiKey(let name, let location):
            return ["type": "apiKey", "in": .string(location.rawValue), "name": .string(name), "env": [.string(prefix)]]
        case .http(let kind, _):
            switch kind.lowercased() {
            case "bearer": return ["type": "bearer", "env": [.string(prefix + "_TOKEN")]]
            case "basic": return ["type": "basic", "env": [.string(prefix + "_USERNAME"), .string(prefix + "_PASSWORD")]]
            default: return nil
            }
        case .oauth2(let flows):
            guard case .object(let flow)? = flows["clientCredentials"], case .string(let tokenURL)? = flow["tokenUrl"] else {
                // Other flows need a person at a browser: a token obtained beforehand is used.
                return ["type": "bearer", "env": [.string(prefix + "_TOKEN")]]
            }
            let scopes = flow["scopes"]?.objectValue.map { Array($0.keys) } ?? []
            return [
                "type": "oauth2", "token_url": .string(tokenURL), "token_url_env": .string(prefix + "_TOKEN_URL"),
                "scopes": .array(scopes.map { .string($0) }),
                "env": [.string(prefix + "_CLIENT_ID"), .string(prefix + "_CLIENT_SECRET")],
            ]
        case .openIDConnect:
            return ["type": "bearer", "env": [.string(prefix + "_TOKEN")]]
        case .mutualTLS:
            return nil
        }
    }

    // MARK: - test modules

    func module(for suite: TestSuite, plan: TestPlan) -> String {
        var header = "Tests of \(suite.name)"
        if let description = suite.description?.trimmingCharacters(in: .whitespacesAndNewlines), !description.isEmpty {
            header += ": " + (description.split(separator: "\n").first.map(String.init) ?? description)
        }
        var lines: [String] = []
        lines.append("\"\"\"" + PythonLiteral.docstring(header))
        lines.append("")
        lines += PythonName.wrap(
            PythonLiteral.docstring(
                "Generated by \(generator) from \(plan.api.title) \(plan.api.version) (strategy \(plan.strategy.rawValue), seed \(plan.seed)). "
                    + "Regenerate with `assay generate` rather than editing."),
            width: 88, indent: "")
        lines.append("\"\"\"")
        lines.append("")
        lines.append("import pytest")
        lines.append("")
        let needed = helpers(for: suite)
        lines.append("from assay_checks import " + needed.joined(separator: ", "))
        var names: Set<String> = []
        for testCase in suite.cases {
            lines.append("")
            lines.append("")
            lines += function(for: testCase, names: &names)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The `assay_checks` names a module uses, in a fixed order.
    func helpers(for suite: TestSuite) -> [String] {
        var used: Set<String> = ["expect_status"]
        for step in suite.cases.flatMap(\.steps) {
            if step.expect.contentType != nil { used.insert("expect_json") }
            if !step.expect.headers.isEmpty { used.insert("expect_headers") }
            if step.expect.latencyBudgetMilliseconds != nil { used.insert("expect_within") }
            if !step.expect.bodyValues.isEmpty { used.insert("expect_body_value") }
            for capture in step.captures {
                switch capture.source {
                case .body: used.insert("capture_body")
                case .header: used.insert("capture_header")
                }
            }
        }
        return ["capture_body", "capture_header", "expect_body_value", "expect_headers", "expect_json", "expect_status", "expect_within"].filter(used.contains)
    }

    /// The function name of a case: `test_` and the case id in snake case, unique in the module.
    static func functionName(_ testCase: TestCase, names: inout Set<String>) -> String {
        var base = "test_" + PythonName.snake(testCase.id)
        if base.count > 100 { base = String(base.prefix(100)) }
        while base.hasSuffix("_") { base.removeLast() }
        var name = base
        var counter = 2
        while names.contains(name) {
            name = "\(base)_\(counter)"
            counter += 1
        }
        names.insert(name)
        return name
    }

    func function(for testCase: TestCase, names: inout Set<String>) -> [String] {
        var lines = ["@pytest.mark.\(testCase.kind.rawValue)"]
        lines.append("def \(Self.functionName(testCase, names: &names))(api):")
        let title = PythonName.wrap(PythonLiteral.docstring(testCase.title), width: 85, indent: "    ")
        lines.append("    \"\"\"" + title[0].dropFirst(4))
        lines += title.dropFirst()
        lines.append("")
        lines += PythonName.wrap(PythonLiteral.docstring(testCase.description), width: 88, indent: "    ")
        lines.append("    \"\"\"")
        for (index, step) in testCase.steps.enumerated() {
            if index > 0 { lines.append("") }
            lines += self.step(step)
        }
        return lines
    }

    func step(_ step: TestStep) -> [String] {
        let request = step.request
        var arguments = ["\(PythonLiteral.string(request.method.name))", PythonLiteral.string(request.path)]
        func keyword(_ name: String, _ value: String) { arguments.append("\(name)=\(value)") }
        func mapping(_ parameters: [RequestTemplate.Parameter], text: Bool, joinArrays: Bool) -> String {
            let entries = parameters.map { parameter -> String in
                let value: String
                switch parameter.value {
                case .captured(let name): value = PythonName.snake(name)
                case .literal(let literal):
                    if case .array(let items) = literal, joinArrays {
                        value = parameter.explode
                            ? PythonLiteral.renderFlat(.array(items.map { .string(RequestFactory.wireText($0)) }))
                            : PythonLiteral.string(items.map(RequestFactory.wireText).joined(separator: ","))
                    } else if text {
                        value = PythonLiteral.string(RequestFactory.wireText(literal))
                    } else {
                        value = PythonLiteral.renderFlat(literal)
                    }
                }
                return "\(PythonLiteral.string(parameter.name)): \(value)"
            }
            let flat = "{" + entries.joined(separator: ", ") + "}"
            if flat.count <= 70 { return flat }
            return "{\n" + entries.map { "            \($0),\n" }.joined() + "        }"
        }
        if !request.pathParameters.isEmpty { keyword("path_params", mapping(request.pathParameters, text: false, joinArrays: false)) }
        if !request.query.isEmpty { keyword("params", mapping(request.query, text: true, joinArrays: true)) }
        if !request.headers.isEmpty { keyword("headers", mapping(request.headers, text: true, joinArrays: false)) }
        if !request.cookies.isEmpty { keyword("cookies", mapping(request.cookies, text: true, joinArrays: false)) }
        if let body = request.body {
            let rendered: String
            switch body.value {
            case .captured(let name): rendered = PythonName.snake(name)
            case .literal(let value):
                switch body.encoding {
                case .json: rendered = PythonLiteral.render(value, indent: 8)
                case .form: rendered = PythonLiteral.render(Self.formFields(value), indent: 8)
                case .multipart:
                    let fields = Self.formFields(value).objectValue ?? [:]
                    let parts = fields.map { "\(PythonLiteral.string($0.key)): (None, \(PythonLiteral.renderFlat($0.value)))" }
                    rendered = parts.isEmpty ? "{}" : "{\n" + parts.map { "            \($0),\n" }.joined() + "        }"
                case .text: rendered = PythonLiteral.string(RequestFactory.wireText(value))
                }
            }
            switch body.encoding {
            case .json:
                keyword("json", rendered)
                if body.contentType != "application/json" { keyword("content_type", PythonLiteral.string(body.contentType)) }
            case .form: keyword("data", rendered)
            case .multipart: keyword("files", rendered)
            case .text:
                keyword("data", rendered)
                keyword("content_type", PythonLiteral.string(body.contentType))
            }
        }
        if request.credentials != .configured { keyword("credentials", PythonLiteral.string(request.credentials.rawValue)) }

        var lines: [String] = []
        let single = "    response = api.request(" + arguments.joined(separator: ", ") + ")"
        if single.count <= 88 && !single.contains("\n") {
            lines.append(single)
        } else {
            lines.append("    response = api.request(")
            for argument in arguments { lines.append("        \(argument),") }
            lines.append("    )")
        }
        let status = step.expect.status
        var statusArguments: [String] = []
        if !status.codes.isEmpty { statusArguments.append("codes=(" + status.codes.map(String.init).joined(separator: ", ") + (status.codes.count == 1 ? ",)" : ")")) }
        if !status.classes.isEmpty { statusArguments.append("classes=(" + status.classes.map(String.init).joined(separator: ", ") + (status.classes.count == 1 ? ",)" : ")")) }
        lines.append("    expect_status(response, " + statusArguments.joined(separator: ", ") + ")")
        if let contentType = step.expect.contentType {
            lines.append("    expect_json(response, \(PythonLiteral.string(contentType)))")
        }
        if !step.expect.headers.isEmpty {
            lines.append("    expect_headers(response, \(PythonLiteral.renderFlat(.array(step.expect.headers.map { .string($0) }))))")
        }
        if let budget = step.expect.latencyBudgetMilliseconds {
            lines.append("    expect_within(response, \(budget))")
        }
        for check in step.expect.bodyValues {
            let expected: String
            switch check.value {
            case .literal(let value): expected = PythonLiteral.renderFlat(value)
            case .captured(let name): expected = PythonName.snake(name)
            }
            let line = "    expect_body_value(response, \(PythonLiteral.string(check.pointer.description)), \(expected))"
            if line.count <= 88 {
                lines.append(line)
            } else {
                lines.append("    expect_body_value(")
                lines.append("        response,")
                lines.append("        \(PythonLiteral.string(check.pointer.description)),")
                lines.append("        \(expected),")
                lines.append("    )")
            }
        }
        for capture in step.captures {
            switch capture.source {
            case .body(let pointer):
                lines.append("    \(PythonName.snake(capture.name)) = capture_body(response, \(PythonLiteral.string(pointer.description)))")
            case .header(let name):
                lines.append("    \(PythonName.snake(capture.name)) = capture_header(response, \(PythonLiteral.string(name)))")
            }
        }
        return lines
    }

    /// Form fields as text: scalars as they are, nested values as JSON.
    static func formFields(_ value: JSONValue) -> JSONValue {
        guard case .object(let object) = value else { return ["value": .string(RequestFactory.wireText(value))] }
        var fields: JSONObject = [:]
        for (key, member) in object {
            switch member {
            case .array, .object: fields[key] = .string(JSONWriter().string(member))
            default: fields[key] = .string(RequestFactory.wireText(member))
            }
        }
        return .object(fields)
    }
}
