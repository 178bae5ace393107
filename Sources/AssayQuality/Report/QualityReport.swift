public import AssayCore
import Foundation

/// How good a suite is, every figure with what it means: static analysis of its pytest
/// code, its run against the conformant mock (soundness) and every mutant (mutation
/// score), its API coverage, and one overall score.
///
/// A flat value (metrics, per-file scores, mutant fates, coverage counts), so it is cached
/// as JSON and read back whole.
public struct QualityReport: Sendable, Hashable {
    /// The components of the overall score, as the gate file's `weights` name them.
    public static let components = ["static", "mutation", "coverage", "soundness"]
    /// The metric each component contributes.
    static let componentMetric = ["static": "static_score", "mutation": "mutation_score", "coverage": "coverage", "soundness": "soundness"]

    /// A test file's score and what cost it.
    public struct FileScore: Sendable, Hashable {
        public var path: String
        public var score: Double
        public var tests: Int
        /// `line: rule — message`, at most 100.
        public var findings: [String]
    }

    /// A mutant's fate.
    public struct MutantLine: Sendable, Hashable {
        public var name: String
        public var valid: Bool
        public var killed: Bool
        /// Why invalid, or which tests killed it.
        public var detail: String
    }

    /// A coverage criterion's counts.
    public struct CoverageLine: Sendable, Hashable {
        public var metric: String
        public var covered: Int
        public var total: Int
    }

    /// What was scored (a path).
    public var subject: String
    /// `plan` or `pytest`.
    public var kind: String
    /// The SHA-256 of what was scored (suite, description, Assay version, settings).
    public var contentHash: String
    /// Every measured metric by name; a metric not measured is absent.
    public var metrics: [String: Double]
    /// Component → why it was not measured.
    public var notMeasured: [String: String]
    public var weights: [String: Double]
    public var files: [FileScore]
    public var mutants: [MutantLine]
    public var falseFailures: [String]
    public var coverage: [CoverageLine]
    /// Seconds the scoring took (when it was done, not when read from the cache).
    public var seconds: Double

    /// The components measured and weighed above 0, with their score and weight, in
    /// ``components`` order: what the overall score averages.
    static func weighed(metrics: [String: Double], weights: [String: Double]) -> [(component: String, value: Double, weight: Double)] {
        components.compactMap { component in
            guard let metric = componentMetric[component], let value = metrics[metric], let weight = weights[component], weight > 0 else {
                return nil
            }
            return (component, value, weight)
        }
    }

    /// The overall score from the measured components and `weights`, in 0…1.
    public static func overall(metrics: [String: Double], weights: [String: Double]) -> Double? {
        let parts = weighed(metrics: metrics, weights: weights)
        let weight = parts.reduce(0) { $0 + $1.weight }
        return weight == 0 ? nil : parts.reduce(0) { $0 + $1.value * $1.weight } / weight
    }

    /// Assembles a report; `overall` is computed here.
    public init(
        subject: String, kind: String, contentHash: String, staticAnalysis: StaticAnalysis?, coverage: APICoverage?,
        mutation: MutationAnalysis?, notMeasured: [String: String], weights: [String: Double], seconds: Double
    ) {
        self.subject = subject
        self.kind = kind
        self.contentHash = contentHash
        self.notMeasured = notMeasured
        self.weights = weights
        self.seconds = seconds
        var metrics: [String: Double] = [:]
        if let staticAnalysis { metrics.merge(staticAnalysis.metrics) { $1 } }
        if let coverage { metrics.merge(coverage.metrics) { $1 } }
        if let mutation { metrics.merge(mutation.metrics) { $1 } }
        if let overall = Self.overall(metrics: metrics, weights: weights) { metrics["overall"] = overall }
        self.metrics = metrics
        // Test files, and any other file with something to say (a conftest's secret).
        let reported = (staticAnalysis?.files ?? []).filter { $0.isTestFile || !$0.findings.isEmpty }
        files = reported.map { file in
            var findings = file.findings.prefix(100).map { "\($0.line): \($0.rule) — \($0.message)" }
            if let error = file.syntaxError { findings.insert("syntax error at \(error)", at: 0) }
            return FileScore(path: file.path, score: file.score, tests: file.tests.count, findings: findings)
        }
        mutants = (mutation?.mutants ?? []).map { result in
            MutantLine(
                name: result.mutant, valid: result.invalidReason == nil, killed: result.killed,
                detail: result.invalidReason ?? (result.killed ? "killed by \(result.killedBy.joined(separator: ", "))" : "no test failed"))
        }
        falseFailures = mutation?.falseFailures ?? []
        self.coverage = (coverage?.criteria ?? []).map { CoverageLine(metric: $0.metric, covered: $0.criterion.covered, total: $0.criterion.total) }
    }

    /// The report as a person reads it: every metric with its value and meaning, the
    /// mutation formula with its counts, the coverage counts, and the weakest files.
    public var text: String {
        var lines: [String] = ["Quality of \(subject) (\(kind))", ""]
        func line(_ metric: String) {
            guard let definition = QualityMetrics.definition(metric) else { return }
            let value = metrics[metric].map { QualityMetrics.format($0, metric: metric) } ?? "not measured"
            lines.append("  \(metric.padding(toLength: 27, withPad: " ", startingAt: 0)) \(value.padding(toLength: 12, withPad: " ", startingAt: 0)) \(definition.explanation)")
        }
        if let overall = metrics["overall"] {
            let parts = Self.weighed(metrics: metrics, weights: weights)
            let formula = parts.map { "\($0.weight)×\(QualityMetrics.format($0.value, metric: "overall"))" }
            lines.append("Overall: \(String(format: "%.2f", overall)) = (\(formula.joined(separator: " + "))) ÷ \(parts.reduce(0) { $0 + $1.weight })")
        } else {
            lines.append("Overall: not measured")
        }
        for (component, reason) in notMeasured.sorted(by: { $0.key < $1.key }) { lines.append("  \(component) not measured: \(reason)") }
        lines.append("")
        lines.append("Soundness and mutation (against Assay's mock of the description and its mutants)")
        for metric in ["soundness", "false_failures"] { line(metric) }
        if let killed = metrics["mutants_killed"], let valid = metrics["mutants_valid"] {
            let score = metrics["mutation_score"] ?? 0
            lines.append("  mutation_score = killed ÷ valid = \(Int(killed)) ÷ \(Int(valid)) = \(String(format: "%.2f", score)) (a timeout counts as killed; \(mutants.count - Int(valid)) mutants not valid for this description)")
            for mutant in mutants {
                let state = !mutant.valid ? "not valid" : mutant.killed ? "killed" : "SURVIVED"
                lines.append("    \(mutant.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(state.padding(toLength: 10, withPad: " ", startingAt: 0)) \(mutant.detail)")
            }
        }
        for failure in falseFailures.prefix(10) { lines.append("    false failure: \(failure)") }
        lines.append("")
        lines.append("API coverage (Martin-Lopez et al., 2019)")
        line("coverage")
        for entry in coverage {
            let value = metrics[entry.metric].map { String(format: "%.2f", $0) } ?? "-"
            lines.append("  \(entry.metric.padding(toLength: 27, withPad: " ", startingAt: 0)) \(value) (\(entry.covered) of \(entry.total))  \(QualityMetrics.definition(entry.metric)?.explanation ?? "")")
        }
        lines.append("")
        lines.append("Static analysis of the pytest code")
        for metric in [
            "static_score", "files", "tests", "syntax_errors", "assertions_per_test", "tests_without_assertions", "long_tests", "docstrings",
            "smells", "hard_coded_secrets", "security_violations", "performance_antipatterns", "low_quality_files",
        ] { line(metric) }
        let weakest = files.sorted { ($0.score, $0.path) < ($1.score, $1.path) }.prefix(10)
        if !weakest.isEmpty {
            lines.append("  Per file (weakest first):")
            for file in weakest {
                lines.append("    \(String(format: "%.2f", file.score))  \(file.path) (\(file.tests) tests)")
                for finding in file.findings.prefix(8) { lines.append("          \(finding)") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
