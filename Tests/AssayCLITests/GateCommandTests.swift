import AssayTestSupport
import Foundation
import Testing

/// `assay gate` as a pipeline uses it: exit 0 or 1 by the gate, 2 for unusable input, and
/// JSON and JUnit files for CI.
@Suite struct GateCommandTests {
    @Test func defaultsPrintAndBadInputExitsTwo() throws {
        let defaults = try AssayBinary.run(["gate", "--print-defaults"])
        #expect(defaults.status == 0)
        #expect(defaults.stdout.contains("production:") && defaults.stdout.contains("mutation_score >= 0.80"))
        let missing = try AssayBinary.run(["gate", "no/such/suite", "--stage", "production"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file or directory: no/such/suite"))
        let directory = try PythonProcess.temporaryDirectory("gate-cli")
        defer { try? FileManager.default.removeItem(at: directory) }
        let gates = directory.appendingPathComponent("gates.yaml")
        try Data("stages:\n  production:\n    - coolness >= 1\n".utf8).write(to: gates)
        let bad = try AssayBinary.run(["gate", "Tests/AssayQualityTests/Fixtures/poor-suite", "--gates", gates.path])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("stages.production[0]") && bad.stderr.contains("unknown metric 'coolness'"))
        let stage = try AssayBinary.run(["gate", "Tests/AssayQualityTests/Fixtures/poor-suite", "--stage", "prod"])
        #expect(stage.status == 2)
        #expect(stage.stderr.contains("no stage 'prod'"))
    }

    @Test func aPoorSuiteFailsWithJSONAndJUnit() throws {
        let python = try #require(PythonProcess.interpreter, "run the tests through scripts/test")
        let directory = try PythonProcess.temporaryDirectory("gate-cli")
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("gate.json")
        let junit = directory.appendingPathComponent("gate.xml")
        let result = try AssayBinary.run(
            [
                "gate", "Tests/AssayQualityTests/Fixtures/poor-suite", "--spec", "examples/petstore.yaml", "--stage", "development",
                "--json", json.path, "--junit", junit.path, "--no-cache",
            ],
            environment: ["ASSAY_PYTHON": python, "ASSAY_CACHE_DIR": directory.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("Gate development FAILED"))
        #expect(result.stdout.contains("FAIL  syntax_errors == 0"))
        let report = try String(contentsOf: json, encoding: .utf8)
        #expect(report.contains("\"passed\": false") && report.contains("\"syntax_errors\""))
        let xml = try String(contentsOf: junit, encoding: .utf8)
        #expect(xml.contains("<testsuite name=\"assay gate development\""))
        #expect(xml.contains("<failure message=\"syntax_errors is 1"))
    }
}
