public import AssayCore
import AssayRun
import Foundation
import OrderedCollections

/// A stage's gate applied to a quality report: each condition with the measured value and
/// whether it holds. A condition on a metric that was not measured fails.
public struct GateResult: Sendable, Hashable {
    /// One condition's outcome.
    public struct Check: Sendable, Hashable {
        public var condition: GateCondition
        public var measured: Double?
        public var passed: Bool
        /// Why it failed, in a sentence (empty when it passed).
        public var reason: String
    }

    public var stage: String
    public var checks: [Check]
    public var passed: Bool { checks.allSatisfy(\.passed) }
    public var failures: [Check] { checks.filter { !$0.passed } }

    /// Applies `conditions` to `report`.
    public init(stage: String, conditions: [GateCondition], report: QualityReport) {
        self.stage = stage
        checks = conditions.map { condition in
            guard let value = report.metrics[condition.metric] else {
                let component = QualityMetrics.component(of: condition.metric)
                let why = component.flatMap { report.notMeasured[$0] }
                    ?? "none of the components it weighs could be measured (\(report.notMeasured.keys.sorted().joined(separator: ", ")))"
                return Check(condition: condition, measured: nil, passed: false, reason: "\(condition.metric) was not measured: \(why)")
            }
            let holds = condition.comparison.holds(value, condition.threshold)
            let shown = QualityMetrics.format(value, metric: condition.metric)
            return Check(
                condition: condition, measured: value, passed: holds,
                reason: holds ? "" : "\(condition.metric) is \(shown), the \(stage) gate needs \(condition.comparison.rawValue) \(QualityMetrics.format(condition.threshold, metric: condition.metric))")
        }
    }

    /// Each condition on a line with its measured value and PASS or FAIL, then the verdict.
    public var text: String {
        var lines = ["Gate \(stage):"]
        for check in checks {
            let value = check.measured.map { QualityMetrics.format($0, metric: check.condition.metric) } ?? "not measured"
            let mark = check.passed ? "PASS" : "FAIL"
            lines.append("  \(mark)  \(check.condition.description.padding(toLength: 36, withPad: " ", startingAt: 0)) measured \(value)")
        }
        lines.append(passed ? "Gate \(stage) passed." : "Gate \(stage) FAILED: \(failures.count) of \(checks.count) conditions do not hold.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The result as JSON, for CI.
    public var json: JSONValue {
        .object([
            "stage": .string(stage),
            "passed": .bool(passed),
            "conditions": .array(
                checks.map { check in
                    var entry: JSONObject = [
                        "condition": .string(check.condition.description), "metric": .string(check.condition.metric),
                        "operator": .string(check.condition.comparison.rawValue), "threshold": .double(check.condition.threshold),
                        "passed": .bool(check.passed),
                    ]
                    entry["measured"] = check.measured.map(JSONValue.double) ?? .null
                    if !check.passed { entry["reason"] = .string(check.reason) }
                    return .object(entry)
                }),
        ])
    }

    /// The result as JUnit XML: one test case per condition, failing where it does not hold.
    public var junitXML: String {
        let escape = RunReport.markupEscaped
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites><testsuite name=\"assay gate \(escape(stage))\" tests=\"\(checks.count)\" failures=\"\(failures.count)\">\n"
        for check in checks {
            let value = check.measured.map { QualityMetrics.format($0, metric: check.condition.metric) } ?? "not measured"
            xml += "  <testcase classname=\"gate.\(escape(stage))\" name=\"\(escape(check.condition.description))\">"
            if check.passed {
                xml += "<system-out>measured \(escape(value))</system-out>"
            } else {
                xml += "<failure message=\"\(escape(check.reason))\">measured \(escape(value))</failure>"
            }
            xml += "</testcase>\n"
        }
        xml += "</testsuite></testsuites>\n"
        return xml
    }
}
