public import AssayCore
public import AssayGen
public import Foundation
import OrderedCollections

/// The outcome of a run: every case's result, and the figures a person or a CI reads.
public struct RunReport: Sendable {
    public var plan: APIReference
    public var baseURL: String
    public var started: Date
    public var seconds: Double
    /// In the plan's order.
    public var results: [CaseResult]

    public init(plan: APIReference, baseURL: String, started: Date, seconds: Double, results: [CaseResult]) {
        self.plan = plan
        self.baseURL = baseURL
        self.started = started
        self.seconds = seconds
        self.results = results
    }

    public var passed: Int { results.count { $0.outcome == .passed } }
    public var failed: Int { results.count { $0.outcome == .failed } }
    public var flaky: Int { results.count { $0.outcome == .flaky } }
    /// Requests sent to the target for the cases (retries included).
    public var requests: Int { results.reduce(0) { $0 + $1.requests } }

    /// 0 when every case passed, 1 otherwise (a flaky case is not a pass).
    public var exitCode: Int32 { passed == results.count ? 0 : 1 }

    /// One line: "125 cases: 120 passed, 4 failed, 1 flaky in 3.2 s".
    public var summary: String {
        var parts = ["\(passed) passed", "\(failed) failed"]
        if flaky > 0 { parts.append("\(flaky) flaky") }
        return "\(results.count) cases: " + parts.joined(separator: ", ") + String(format: " in %.1f s", seconds)
    }

    /// The failures for a person: case, check and message, at most `limit`.
    public func failureLines(limit: Int = 50) -> [String] {
        let failures = results.filter { $0.outcome != .passed }
        var lines = failures.prefix(limit).map { result -> String in
            let label = result.outcome == .flaky ? "FLAKY" : "FAILED"
            let step = result.failedStep.map { " (step \($0 + 1))" } ?? ""
            return "\(label) \(result.caseID)\(step) [\(result.failure?.check ?? "?")]: \(result.failure?.message ?? "")"
        }
        if failures.count > limit { lines.append("… and \(failures.count - limit) more in the JSON report") }
        return lines
    }

    /// The report as JSON, with the findings and their reproductions.
    public func json(findings: [Finding], schemas: SchemaBundle?) -> JSONValue {
        guard case .object(var object) = json else { return json }
        object["findings"] = .array(
            findings.map { finding in
                [
                    "check": .string(finding.check.rawValue), "severity": .string(finding.severity.rawValue),
                    "operation": .string(finding.operation), "cause": .string(finding.cause), "message": .string(finding.message),
                    "cases": .array(finding.caseIDs.map(JSONValue.string)), "flaky": .bool(finding.flaky),
                    "curl": .string(finding.curl), "pytest": .string(finding.pytest(schemas: schemas)),
                ]
            })
        return .object(object)
    }

    /// The report as JSON.
    public var json: JSONValue {
        [
            "api": ["title": .string(plan.title), "version": .string(plan.version), "source": .string(plan.source)],
            "baseURL": .string(baseURL),
            "started": .string(ISO8601DateFormatter().string(from: started)),
            "seconds": .double((seconds * 1000).rounded() / 1000),
            "summary": [
                "cases": .integer(results.count), "passed": .integer(passed), "failed": .integer(failed), "flaky": .integer(flaky),
                "requests": .integer(requests),
            ],
            "cases": .array(results.map(Self.json)),
        ]
    }

    static func json(_ result: CaseResult) -> JSONValue {
        var object: JSONObject = [
            "id": .string(result.caseID),
            "kind": .string(result.kind.rawValue),
            "outcome": .string(result.outcome.rawValue),
            "attempts": .integer(result.attempts),
            "requests": .integer(result.requests),
            "ms": .double((result.milliseconds * 10).rounded() / 10),
        ]
        if let failure = result.failure {
            object["failure"] = ["check": .string(failure.check), "message": .string(failure.message)]
            if let step = result.failedStep { object["step"] = .integer(step) }
        }
        if let request = result.request, result.outcome != .passed {
            object["request"] = [
                "method": .string(request.method), "url": .string(request.url),
                "headers": .object(JSONObject(request.headers.map { ($0.name, JSONValue.string(Self.redacted($0.name, $0.value))) }, uniquingKeysWith: { $1 })),
                "body": .string(String(decoding: request.body.prefix(4096), as: UTF8.self)),
            ]
        }
        if let response = result.response, result.outcome != .passed {
            object["response"] = [
                "status": .integer(response.status),
                "headers": .object(JSONObject(response.headers.map { ($0.name, JSONValue.string($0.value)) }, uniquingKeysWith: { $1 })),
                "body": .string(response.excerpt(4096)),
            ]
        }
        return .object(object)
    }

    /// Credentials never leave the run: authorisation and cookie values are masked.
    static func redacted(_ name: String, _ value: String) -> String {
        let lowered = name.lowercased()
        let secret = ["authorization", "cookie", "proxy-authorization"].contains(lowered) || lowered.contains("api-key")
            || lowered.contains("apikey") || lowered.contains("token") || lowered.contains("secret")
        return secret ? "[redacted]" : value
    }

    /// JUnit XML: one testcase per case, a failure element for each failed or flaky one.
    public var junitXML: String {
        let escape = Self.markupEscaped
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            "<testsuites tests=\"\(results.count)\" failures=\(quoted(failed + flaky)) time=\(quoted(String(format: "%.3f", seconds)))>",
            "  <testsuite name=\(quoted(escape(plan.title))) tests=\"\(results.count)\" failures=\(quoted(failed + flaky)) time=\(quoted(String(format: "%.3f", seconds)))>",
        ]
        for result in results {
            let opening = "    <testcase classname=\(quoted(escape(result.kind.rawValue))) name=\(quoted(escape(result.caseID))) time=\(quoted(String(format: "%.3f", result.milliseconds / 1000)))"
            guard result.outcome != .passed, let failure = result.failure else {
                lines.append(opening + "/>")
                continue
            }
            lines.append(opening + ">")
            let type = result.outcome == .flaky ? "flaky" : failure.check
            lines.append("      <failure type=\(quoted(escape(type))) message=\(quoted(escape(String(failure.message.prefix(300))))))>\(escape(failure.message))</failure>")
            lines.append("    </testcase>")
        }
        lines.append("  </testsuite>")
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func quoted(_ value: some CustomStringConvertible) -> String { "\"\(value)\"" }

    /// Text for XML and HTML, in content or in a quoted attribute: markup characters as
    /// entities, control characters (which XML 1.0 cannot hold) dropped.
    public static func markupEscaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n", "\t", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
