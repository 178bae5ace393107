import Foundation

/// The metrics a quality report measures and a gate condition may name, each with what it
/// means. Ratios run from 0 to 1 (a gate file may write them as percentages).
public enum QualityMetrics {
    /// One metric: its name in reports and gate files, and what it measures.
    public struct Definition: Sendable, Hashable {
        public var name: String
        /// Printed as a percentage.
        public var isRatio: Bool
        public var explanation: String
    }

    /// Every metric, in report order.
    public static let all: [Definition] = [
        .init(name: "overall", isRatio: true, explanation: "weighted mean of the component scores (static, mutation, coverage, soundness) with the weights of the gate file; components not measured are left out and the rest re-weighted"),
        .init(name: "soundness", isRatio: true, explanation: "share of the suite's tests that pass against the conformant mock"),
        .init(name: "false_failures", isRatio: false, explanation: "tests that fail against the conformant mock: each is a false alarm the suite would raise against a correct API"),
        .init(name: "mutation_score", isRatio: true, explanation: "killed ÷ valid mutants: a mutant is killed when some test that passes against the conformant mock fails against it (a timeout counts as killed); valid mutants are those the description gives something to break"),
        .init(name: "mutants_killed", isRatio: false, explanation: "mutants killed"),
        .init(name: "mutants_valid", isRatio: false, explanation: "mutants the description gives something to break"),
        .init(name: "coverage", isRatio: true, explanation: "mean of the eight API coverage criteria below (Martin-Lopez et al., 2019)"),
        .init(name: "path_coverage", isRatio: true, explanation: "paths with at least one request ÷ paths"),
        .init(name: "operation_coverage", isRatio: true, explanation: "operations with at least one request ÷ operations"),
        .init(name: "parameter_coverage", isRatio: true, explanation: "parameters (a body counts as one) sent at least once ÷ parameters of the operations"),
        .init(name: "parameter_value_coverage", isRatio: true, explanation: "enum values and booleans of parameters sent ÷ all such values"),
        .init(name: "content_type_coverage", isRatio: true, explanation: "request media types sent and response media types checked ÷ those documented"),
        .init(name: "status_code_coverage", isRatio: true, explanation: "documented status codes a test expects exactly ÷ documented status codes"),
        .init(name: "status_class_coverage", isRatio: true, explanation: "documented status classes (2xx, 4xx, …) a test expects ÷ documented classes per operation"),
        .init(name: "response_property_coverage", isRatio: true, explanation: "properties of documented success bodies a test asserts (by schema validation or value) ÷ those properties"),
        .init(name: "static_score", isRatio: true, explanation: "mean score of the test files from static analysis (syntax, assertions, length, docstrings, smells, security, performance)"),
        .init(name: "files", isRatio: false, explanation: "Python files analysed"),
        .init(name: "tests", isRatio: false, explanation: "test functions"),
        .init(name: "syntax_errors", isRatio: false, explanation: "files Python cannot parse"),
        .init(name: "assertions_per_test", isRatio: false, explanation: "mean assertions per test (assert statements, pytest.raises, and calls of assertion helpers)"),
        .init(name: "tests_without_assertions", isRatio: false, explanation: "tests that assert nothing"),
        .init(name: "long_tests", isRatio: true, explanation: "share of tests longer than the line limit (50 by default)"),
        .init(name: "docstrings", isRatio: true, explanation: "share of tests with a docstring"),
        .init(name: "smells", isRatio: false, explanation: "test smells found: assertion roulette, sleepy test, conditional test logic, empty test, redundant print, magic number, duplicate test, hard-coded secret"),
        .init(name: "hard_coded_secrets", isRatio: false, explanation: "string literals that look like credentials"),
        .init(name: "security_violations", isRatio: false, explanation: "eval/exec, TLS verification disabled, shell=True or os.system, unsafe deserialization"),
        .init(name: "performance_antipatterns", isRatio: true, explanation: "share of tests with a performance anti-pattern (request without timeout, request in a loop, a session per test)"),
        .init(name: "low_quality_files", isRatio: true, explanation: "share of test files scoring below 0.70"),
    ]

    /// Every metric name.
    public static let names: Set<String> = Set(all.map(\.name))

    /// The component of the overall score whose measurement gives `metric` (static,
    /// mutation, coverage, soundness), nil for `overall`.
    public static func component(of metric: String) -> String? {
        switch metric {
        case "overall": return nil
        case "soundness", "false_failures": return "soundness"
        case "mutation_score", "mutants_killed", "mutants_valid": return "mutation"
        case let name where name == "coverage" || name.hasSuffix("_coverage"): return "coverage"
        default: return "static"
        }
    }

    /// The definition of `name`.
    public static func definition(_ name: String) -> Definition? { all.first { $0.name == name } }

    /// `value` as reports print it: ratios with two decimals (0.87), counts whole, other
    /// numbers with two decimals.
    public static func format(_ value: Double, metric: String) -> String {
        if definition(metric)?.isRatio == true || value.rounded() != value {
            return String(format: "%.2f", value)
        }
        return String(Int(value))
    }
}
