import Foundation
import Yams

/// The stages of progressive quality gates and their conditions, the weights of the overall
/// score and the static analysis limits: ``defaultYAML`` unless a gate file overrides them.
///
/// A gate file has the shape of ``defaultYAML``; each stage it lists replaces that stage's
/// default conditions, a weight it gives replaces that weight, and anything it leaves out
/// keeps its default.
public struct GateConfiguration: Sendable, Hashable {
    /// The stages in order of strictness.
    public static let stageOrder = ["entry", "development", "staging", "production", "critical"]

    /// Stage name → its conditions.
    public var stages: [String: [GateCondition]]
    /// Component → weight in the overall score: static, mutation, coverage, soundness.
    public var weights: [String: Double]
    /// Tests longer than this many lines are `too-long`.
    public var maxTestLines: Int

    /// The defaults, documented: what `assay gate --print-defaults` prints.
    public static let defaultYAML = """
        # Assay quality gates. Each stage lists conditions "metric operator threshold"; a
        # suite passes a stage when every condition holds. Operators: < <= == != >= >.
        # Ratios run from 0 to 1 (or write a percentage: 20%). A condition on a metric that
        # could not be measured fails. `assay gate --list-metrics` explains every metric.
        stages:
          entry:
            - syntax_errors == 0
            - tests >= 1
          development:
            - syntax_errors == 0
            - tests_without_assertions == 0
            - overall >= 0.60
            - operation_coverage >= 0.50
            - security_violations == 0
          staging:
            - syntax_errors == 0
            - overall >= 0.80
            - false_failures == 0
            - mutation_score >= 0.60
            - operation_coverage >= 0.80
            - low_quality_files <= 0.35
            - security_violations == 0
            - performance_antipatterns <= 0.10
          production:
            - syntax_errors == 0
            - overall >= 0.90
            - false_failures == 0
            - mutation_score >= 0.80
            - operation_coverage >= 0.95
            - low_quality_files <= 0.20
            - security_violations == 0
            - performance_antipatterns <= 0.05
          critical:
            - syntax_errors == 0
            - overall >= 0.95
            - false_failures == 0
            - mutation_score >= 0.90
            - operation_coverage >= 0.98
            - status_class_coverage >= 0.90
            - low_quality_files <= 0.10
            - security_violations == 0
            - hard_coded_secrets == 0
            - tests_without_assertions == 0
            - performance_antipatterns <= 0.02
        # The overall score: a weighted mean of the component scores measured.
        weights:
          static: 0.25
          mutation: 0.35
          coverage: 0.25
          soundness: 0.15
        # Tests longer than this are too long.
        max_test_lines: 50

        """

    /// The defaults.
    public static let defaults: GateConfiguration = {
        do {
            return try GateConfiguration(yaml: defaultYAML, over: nil)
        } catch {
            preconditionFailure("the default gate configuration does not read: \(error)")
        }
    }()

    /// Reads a gate file's text over `base` (the defaults when nil).
    public init(yaml text: String, over base: GateConfiguration? = .defaults) throws(GateConfigurationError) {
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: text)
        } catch {
            throw GateConfigurationError("the gate file is not YAML: \(error)")
        }
        guard let root = loaded as? [String: Any] else {
            throw GateConfigurationError("the gate file must be a mapping with 'stages', 'weights' and 'max_test_lines'")
        }
        for key in root.keys where !["stages", "weights", "max_test_lines"].contains(key) {
            throw GateConfigurationError("the gate file has an unknown key '\(key)' (known: stages, weights, max_test_lines)")
        }
        stages = base?.stages ?? [:]
        weights = base?.weights ?? [:]
        maxTestLines = base?.maxTestLines ?? 50
        if let given = root["stages"] {
            guard let mapping = given as? [String: Any] else { throw GateConfigurationError("'stages' must map stage names to lists") }
            for (stage, value) in mapping {
                guard let list = value as? [Any] else {
                    throw GateConfigurationError("stage '\(stage)' must be a list of conditions")
                }
                var conditions: [GateCondition] = []
                for (index, item) in list.enumerated() {
                    guard let text = item as? String else {
                        throw GateConfigurationError("stages.\(stage)[\(index)] must be a string like 'overall >= 0.90'")
                    }
                    do {
                        conditions.append(try GateCondition(parsing: text))
                    } catch {
                        throw GateConfigurationError("stages.\(stage)[\(index)]: \(error.message)")
                    }
                }
                stages[stage] = conditions
            }
        }
        if let given = root["weights"] {
            guard let mapping = given as? [String: Any] else { throw GateConfigurationError("'weights' must map components to numbers") }
            for (component, value) in mapping {
                guard QualityReport.components.contains(component) else {
                    throw GateConfigurationError(
                        "weights: unknown component '\(component)' (known: \(QualityReport.components.joined(separator: ", ")))")
                }
                guard let number = (value as? Double) ?? (value as? Int).map(Double.init), number >= 0, number.isFinite else {
                    throw GateConfigurationError("weights.\(component) must be a number of at least 0")
                }
                weights[component] = number
            }
            guard weights.values.contains(where: { $0 > 0 }) else { throw GateConfigurationError("weights: at least one must be above 0") }
        }
        if let given = root["max_test_lines"] {
            guard let lines = given as? Int, lines > 0 else { throw GateConfigurationError("max_test_lines must be a whole number above 0") }
            maxTestLines = lines
        }
    }

    /// Reads the gate file at `path` over the defaults.
    public init(contentsOf path: String) throws(GateConfigurationError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw GateConfigurationError("cannot read the gate file \(path)") }
        do {
            try self.init(yaml: String(decoding: data, as: UTF8.self))
        } catch {
            throw GateConfigurationError("\(path): \(error.message)")
        }
    }

    /// The conditions of `stage`.
    public func conditions(of stage: String) throws(GateConfigurationError) -> [GateCondition] {
        guard let conditions = stages[stage] else {
            let known = Self.stageOrder.filter { stages[$0] != nil } + stages.keys.filter { !Self.stageOrder.contains($0) }.sorted()
            throw GateConfigurationError("no stage '\(stage)'; stages: \(known.joined(separator: ", "))")
        }
        return conditions
    }
}
