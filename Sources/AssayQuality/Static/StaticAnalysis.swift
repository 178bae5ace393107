public import AssayCore
import Foundation

/// What static analysis found in a directory of pytest code: its files, their tests and
/// findings by rule, and the scores derived from them.
///
/// Facts come from ``PytestAnalyzerScript`` (Python's `ast`); scoring is here, so the
/// weights live in one place: a test starts at 1 and loses ``ruleWeights`` for each rule
/// it breaks; a file's score is the mean of its tests less 0.25 for each security finding
/// outside a test, 0 with a syntax error.
public struct StaticAnalysis: Sendable, Hashable {
    /// One finding: a rule broken at a line.
    public struct Finding: Sendable, Hashable {
        public var rule: String
        /// syntax, structure, smell, security or performance.
        public var category: String
        public var line: Int
        /// The test it is in (`TestPets.test_create`), if any.
        public var test: String?
        public var message: String
    }

    /// One test function.
    public struct Test: Sendable, Hashable {
        public var name: String
        public var qualifiedName: String
        public var line: Int
        public var length: Int
        public var assertions: Int
        public var hasDocstring: Bool
        public var rules: [String]

        /// 1 less the weights of the rules it breaks, at least 0.
        public var score: Double {
            max(0, 1 - rules.reduce(0) { $0 + (StaticAnalysis.ruleWeights[$1] ?? 0.1) })
        }
    }

    /// One Python file.
    public struct File: Sendable, Hashable {
        public var path: String
        public var isTestFile: Bool
        public var lines: Int
        public var syntaxError: String?
        public var tests: [Test]
        public var findings: [Finding]

        /// From 0 to 1: see ``StaticAnalysis``.
        public var score: Double {
            if syntaxError != nil { return 0 }
            let base = tests.isEmpty ? 1 : tests.reduce(0) { $0 + $1.score } / Double(tests.count)
            let outside = findings.count { $0.test == nil && $0.category == "security" }
            return max(0, base - 0.25 * Double(outside))
        }
    }

    /// What each rule costs a test's score. Rules that make a test useless cost most.
    public static let ruleWeights: [String: Double] = [
        "no-assertion": 0.6, "empty-test": 0.6, "duplicate-test": 0.4, "too-long": 0.2, "missing-docstring": 0.1,
        "assertion-roulette": 0.15, "sleepy-test": 0.2, "conditional-test-logic": 0.15, "redundant-print": 0.05,
        "magic-number": 0.05, "hard-coded-secret": 0.4, "eval-exec": 0.4, "tls-verify-disabled": 0.4, "shell-true": 0.4,
        "unsafe-deserialization": 0.4, "request-without-timeout": 0.1, "request-in-loop": 0.1, "new-session-per-test": 0.1,
    ]

    /// A file below this score is a low-quality file.
    public static let lowQualityThreshold = 0.7

    /// The Python version that parsed the files.
    public var python: String
    public var maxTestLines: Int
    public var files: [File]

    /// The files that hold tests (or should: `test_*.py`, `*_test.py`).
    public var testFiles: [File] { files.filter(\.isTestFile) }
    public var tests: [Test] { files.flatMap(\.tests) }
    public var findings: [Finding] { files.flatMap(\.findings) }

    /// The metrics of this analysis, by ``QualityMetrics`` name.
    public var metrics: [String: Double] {
        let tests = self.tests
        let count = Double(max(tests.count, 1))
        let findings = self.findings
        let testFiles = self.testFiles
        return [
            "files": Double(files.count),
            "tests": Double(tests.count),
            "syntax_errors": Double(files.count { $0.syntaxError != nil }),
            "assertions_per_test": tests.isEmpty ? 0 : Double(tests.reduce(0) { $0 + $1.assertions }) / count,
            "tests_without_assertions": Double(tests.count { $0.assertions == 0 }),
            "long_tests": tests.isEmpty ? 0 : Double(tests.count { $0.rules.contains("too-long") }) / count,
            "docstrings": tests.isEmpty ? 0 : Double(tests.count(where: \.hasDocstring)) / count,
            "smells": Double(findings.count { Self.smellRules.contains($0.rule) }),
            "hard_coded_secrets": Double(findings.count { $0.rule == "hard-coded-secret" }),
            "security_violations": Double(findings.count { $0.category == "security" }),
            "performance_antipatterns": tests.isEmpty
                ? 0 : Double(tests.count { test in test.rules.contains { Self.performanceRules.contains($0) } }) / count,
            "low_quality_files": testFiles.isEmpty
                ? 1 : Double(testFiles.count { $0.score < Self.lowQualityThreshold }) / Double(testFiles.count),
            "static_score": staticScore,
        ]
    }

    static let performanceRules: Set<String> = ["request-without-timeout", "request-in-loop", "new-session-per-test"]
    static let smellRules: Set<String> = [
        "assertion-roulette", "sleepy-test", "conditional-test-logic", "empty-test", "redundant-print", "magic-number",
        "duplicate-test", "hard-coded-secret",
    ]

    /// The mean score of the test files, weighted by their tests (a file with a syntax
    /// error weighs as one test); 0 when there is no test at all.
    public var staticScore: Double {
        var total = 0.0
        var weight = 0.0
        for file in testFiles {
            let w = Double(max(file.tests.count, 1))
            total += file.score * w
            weight += w
        }
        return weight == 0 ? 0 : total / weight
    }
}

extension StaticAnalysis {
    /// Reads the analyzer's JSON output.
    init(json: JSONValue) throws(StaticAnalysisError) {
        guard json["version"]?.intValue == 1, let files = json["files"]?.arrayValue else {
            throw StaticAnalysisError("the analyzer printed no report of version 1")
        }
        python = json["python"]?.stringValue ?? "?"
        maxTestLines = json["max_test_lines"]?.intValue ?? 50
        self.files = files.map { file in
            let syntax = file["syntax_error"].flatMap { error -> String? in
                guard error.objectValue != nil else { return nil }
                return "line \(error["line"]?.intValue ?? 0): \(error["message"]?.stringValue ?? "invalid syntax")"
            }
            return File(
                path: file["path"]?.stringValue ?? "?",
                isTestFile: file["is_test_file"]?.boolValue ?? false,
                lines: file["lines"]?.intValue ?? 0,
                syntaxError: syntax,
                tests: (file["tests"]?.arrayValue ?? []).map { test in
                    Test(
                        name: test["name"]?.stringValue ?? "?",
                        qualifiedName: test["qualname"]?.stringValue ?? test["name"]?.stringValue ?? "?",
                        line: test["line"]?.intValue ?? 0,
                        length: test["length"]?.intValue ?? 0,
                        assertions: test["assertions"]?.intValue ?? 0,
                        hasDocstring: test["has_docstring"]?.boolValue ?? false,
                        rules: (test["rules"]?.arrayValue ?? []).compactMap(\.stringValue))
                },
                findings: (file["findings"]?.arrayValue ?? []).map { finding in
                    Finding(
                        rule: finding["rule"]?.stringValue ?? "?",
                        category: finding["category"]?.stringValue ?? "smell",
                        line: finding["line"]?.intValue ?? 0,
                        test: finding["test"]?.stringValue,
                        message: finding["message"]?.stringValue ?? "")
                })
        }
    }
}

/// Static analysis that could not be done: why.
public struct StaticAnalysisError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
