public import AssayGen
import AssayRun
public import Foundation

/// Something that runs a test suite against a base URL and says which tests passed: the
/// native runner for a plan, pytest for a directory of Python tests.
public protocol SuiteExecutor: Sendable {
    /// The tests' names, for counting before any run.
    var testCount: Int { get }
    /// Test name → passed, for a run against `baseURL` with `environment` set (the
    /// credentials and token URL of the mock being played).
    func run(baseURL: String, environment: [String: String]) async throws -> [String: Bool]
}

/// Runs a plan with ``PlanRunner`` (no retries: a flaky pass is no pass here).
public struct PlanExecutor: SuiteExecutor {
    public var plan: TestPlan
    public var workers: Int
    public var timeoutSeconds: Double

    public init(plan: TestPlan, workers: Int = 4, timeoutSeconds: Double = 10) {
        self.plan = plan
        self.workers = workers
        self.timeoutSeconds = timeoutSeconds
    }

    public var testCount: Int { plan.cases.count }

    public func run(baseURL: String, environment: [String: String]) async throws -> [String: Bool] {
        let configuration = RunConfiguration(
            baseURL: baseURL, timeoutSeconds: timeoutSeconds, workers: workers, retries: 0, environment: environment,
            allowPrivate: true)
        let report = try await PlanRunner(plan: plan, configuration: configuration).run()
        return Dictionary(report.results.map { ($0.caseID, $0.outcome == .passed) }, uniquingKeysWith: { $0 && $1 })
    }
}

/// Runs a directory of pytest tests with `ASSAY_BASE_URL` (and `BASE_URL`) pointing at the
/// target, reading each test's outcome from pytest's JUnit XML; a test that errors or is
/// skipped did not pass.
public struct PytestExecutor: SuiteExecutor {
    public var directory: URL
    public var python: PythonInterpreter
    public var testCount: Int
    public var timeoutSeconds: Double

    public init(directory: URL, python: PythonInterpreter, testCount: Int, timeoutSeconds: Double = 900) {
        self.directory = directory
        self.python = python
        self.testCount = testCount
        self.timeoutSeconds = timeoutSeconds
    }

    public func run(baseURL: String, environment: [String: String]) async throws -> [String: Bool] {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("assay-junit-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: report) }
        var env = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        env["ASSAY_BASE_URL"] = baseURL
        env["BASE_URL"] = baseURL
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        let output = try await python.runOffPool(
            ["-m", "pytest", "-q", "-p", "no:cacheprovider", "--continue-on-collection-errors", "--junitxml", report.path, directory.path], in: directory,
            environment: env, timeoutSeconds: timeoutSeconds)
        // A run past its time limit passed nothing: against a mutant, a timeout kills it.
        if output.status == -9 { return [:] }
        // 0 all passed, 1 some failed, 2 interrupted (a collection error); 5 nothing collected.
        guard [0, 1, 2, 5].contains(output.status), let xml = try? String(contentsOf: report, encoding: .utf8) else {
            throw QualityError("pytest did not run in \(directory.path) (exit \(output.status)): \(output.stderr.suffix(400))")
        }
        return Self.outcomes(junit: xml)
    }

    /// `classname::name` → passed, from a JUnit XML report.
    static func outcomes(junit xml: String) -> [String: Bool] {
        var outcomes: [String: Bool] = [:]
        for block in xml.components(separatedBy: "<testcase ").dropFirst() {
            let head = block.prefix { $0 != ">" }
            let name = attribute("name", in: head) ?? "?"
            let owner = attribute("classname", in: head) ?? ""
            let body = block.components(separatedBy: "</testcase>").first ?? block
            let passed = !(body.contains("<failure") || body.contains("<error") || body.contains("<skipped"))
            outcomes[owner.isEmpty ? name : owner + "::" + name] = passed
        }
        return outcomes
    }

    private static func attribute(_ name: String, in text: Substring) -> String? {
        guard let start = text.range(of: " \(name)=\"") ?? (text.hasPrefix("\(name)=\"") ? text.range(of: "\(name)=\"") : nil),
            let end = text[start.upperBound...].firstIndex(of: "\"")
        else { return nil }
        return String(text[start.upperBound..<end])
    }
}

/// Scoring that cannot go on: what went wrong.
public struct QualityError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
