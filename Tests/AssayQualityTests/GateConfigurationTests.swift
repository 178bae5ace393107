import AssayQuality
import Testing

/// Gate files: conditions read as `metric operator threshold`, defaults for every stage,
/// overrides that replace a stage, and clear errors for what cannot be used.
@Suite struct GateConfigurationTests {
    @Test func conditionsReadAndCompare() throws {
        let condition = try GateCondition(parsing: "mutation_score >= 0.80")
        #expect(condition.metric == "mutation_score")
        #expect(condition.comparison == .greaterOrEqual)
        #expect(condition.threshold == 0.8)
        #expect(condition.comparison.holds(0.8, 0.8))
        #expect(!condition.comparison.holds(0.79, 0.8))
        let percentage = try GateCondition(parsing: "low_quality_files <= 20%")
        #expect(abs(percentage.threshold - 0.2) < 1e-12)
        #expect(percentage.comparison.holds(0.2, percentage.threshold))
        #expect(!percentage.comparison.holds(0.21, percentage.threshold))
        #expect(GateCondition.Comparison.equal.holds(0, 0))
        #expect(!GateCondition.Comparison.equal.holds(1, 0))
        #expect(GateCondition.Comparison.lessThan.holds(0.04, 0.05))
    }

    @Test func badConditionsSayWhatIsWrong() {
        #expect(throws: GateConfigurationError.self) { try GateCondition(parsing: "overall >=") }
        do {
            _ = try GateCondition(parsing: "coolness >= 0.5")
            Issue.record("an unknown metric was accepted")
        } catch {
            #expect(error.message.contains("unknown metric 'coolness'"))
        }
        do {
            _ = try GateCondition(parsing: "overall => 0.5")
            Issue.record("an unknown operator was accepted")
        } catch {
            #expect(error.message.contains("unknown operator '=>'"))
        }
        do {
            _ = try GateCondition(parsing: "overall >= high")
            Issue.record("a non-number threshold was accepted")
        } catch {
            #expect(error.message.contains("is not a number"))
        }
    }

    @Test func defaultsHaveEveryStageWithTheDocumentedProductionGate() throws {
        let defaults = GateConfiguration.defaults
        for stage in GateConfiguration.stageOrder { #expect(defaults.stages[stage]?.isEmpty == false, "stage \(stage)") }
        let production = try defaults.conditions(of: "production").map(\.description)
        for expected in [
            "syntax_errors == 0", "overall >= 0.90", "false_failures == 0", "mutation_score >= 0.80", "operation_coverage >= 0.95",
            "low_quality_files <= 0.20", "security_violations == 0", "performance_antipatterns <= 0.05",
        ] {
            #expect(production.contains(expected), "production lacks \(expected): \(production)")
        }
        // Critical is stricter than production on every metric both name.
        let critical = try defaults.conditions(of: "critical")
        for condition in try defaults.conditions(of: "production") {
            guard let stricter = critical.first(where: { $0.metric == condition.metric }) else {
                Issue.record("critical has no condition on \(condition.metric)")
                continue
            }
            switch condition.comparison {
            case .greaterOrEqual, .greaterThan: #expect(stricter.threshold >= condition.threshold)
            case .lessOrEqual, .lessThan, .equal: #expect(stricter.threshold <= condition.threshold)
            case .notEqual: break
            }
        }
        #expect(defaults.weights == ["static": 0.25, "mutation": 0.35, "coverage": 0.25, "soundness": 0.15])
        #expect(defaults.maxTestLines == 50)
    }

    @Test func aGateFileReplacesOnlyWhatItNames() throws {
        let configuration = try GateConfiguration(
            yaml: """
                stages:
                  production:
                    - overall >= 0.5
                  nightly:
                    - mutation_score >= 95%
                weights:
                  static: 0
                max_test_lines: 80
                """)
        #expect(try configuration.conditions(of: "production").map(\.description) == ["overall >= 0.50"])
        #expect(try configuration.conditions(of: "nightly").first?.threshold == 0.95)
        #expect(try configuration.conditions(of: "staging") == GateConfiguration.defaults.conditions(of: "staging"))
        #expect(configuration.weights["static"] == 0)
        #expect(configuration.weights["mutation"] == 0.35)
        #expect(configuration.maxTestLines == 80)
    }

    @Test func badGateFilesAreRefusedWithWhere() {
        let cases: [(String, String)] = [
            ("stages: [1, 2]", "'stages' must map"),
            ("stages:\n  production:\n    - overall >= x", "stages.production[0]"),
            ("stages:\n  production: overall >= 1", "must be a list"),
            ("weights:\n  speed: 1", "unknown component 'speed'"),
            ("weights:\n  static: -1", "at least 0"),
            ("thresholds: {}", "unknown key 'thresholds'"),
            ("max_test_lines: 0", "max_test_lines"),
            ("[unclosed", "not YAML"),
        ]
        for (yaml, expected) in cases {
            do {
                _ = try GateConfiguration(yaml: yaml)
                Issue.record("accepted: \(yaml)")
            } catch {
                #expect(error.message.contains(expected), "\(yaml) → \(error.message)")
            }
        }
        #expect(throws: GateConfigurationError.self) { try GateConfiguration.defaults.conditions(of: "prod") }
    }
}
