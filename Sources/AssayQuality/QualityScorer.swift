public import AssayCore
public import AssayGen
public import AssayMock
import Crypto
import OrderedCollections
public import Foundation

/// Scores a suite: a plan, or a pytest directory (generated, with its plan.json, or
/// hand-written). Static analysis needs Python; soundness and mutation need the API
/// description (its mock is what the suite runs against); coverage needs a plan. What
/// cannot be measured is reported as such, never estimated.
public struct QualityScorer: Sendable {
    /// What is scored.
    public enum Subject: Sendable {
        /// A plan (its pytest rendering is what static analysis reads).
        case plan(TestPlan, path: String)
        /// A directory of pytest code; `plan` is its plan.json when it has one.
        case directory(URL, plan: TestPlan?)
    }

    public var configuration: GateConfiguration
    public var python: PythonInterpreter?
    /// Where reports are kept by content hash; nil to score every time.
    public var cache: QualityCache?
    /// Mocks run at once during mutation analysis.
    public var parallel: Int
    /// Latency factor, credentials and the like for the suite's runs.
    public var environment: [String: String]
    /// The mutants played.
    public var catalog: [Mutant]

    public init(
        configuration: GateConfiguration = .defaults, python: PythonInterpreter? = PythonInterpreter.find(),
        cache: QualityCache? = nil, parallel: Int = 2, environment: [String: String] = [:], catalog: [Mutant] = MutantCatalog.all
    ) {
        self.configuration = configuration
        self.python = python
        self.cache = cache
        self.parallel = parallel
        self.environment = environment
        self.catalog = catalog
    }

    /// Scores `subject` against `model` (nil: no run, no coverage). `cached` tells whether
    /// the report came from the cache.
    public func score(
        _ subject: Subject, model: APIModel?, progress: (@Sendable (String) -> Void)? = nil
    ) async throws -> (report: QualityReport, cached: Bool) {
        let started = ContinuousClock.now
        let hash = contentHash(subject, model: model)
        if let cache, let report = cache.report(for: hash) { return (report, true) }

        var notMeasured: [String: String] = [:]
        let plan: TestPlan?
        let path: String
        let kind: String
        // Static analysis reads pytest code: the directory, or the plan rendered as the
        // package `assay generate` would write.
        var staticAnalysis: StaticAnalysis?
        var scratch: URL?
        defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }
        let codeDirectory: URL
        switch subject {
        case .plan(let given, let given_path):
            plan = given
            path = given_path
            kind = "plan"
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("assay-quality-\(UUID().uuidString)")
            let emitter = PytestEmitter(securitySchemes: model.map { Array($0.securitySchemes.values) } ?? [])
            try EmittedFile.write(emitter.files(for: given), to: directory.path)
            scratch = directory
            codeDirectory = directory
        case .directory(let directory, let given):
            plan = given
            path = directory.path
            kind = "pytest"
            codeDirectory = directory
        }
        if let python {
            progress?("static analysis")
            do {
                staticAnalysis = try await PytestStaticAnalyzer(python: python, maxTestLines: configuration.maxTestLines).analyze(codeDirectory)
            } catch {
                notMeasured["static"] = "\(error)"
            }
        } else {
            notMeasured["static"] = "no python3 found (set ASSAY_PYTHON or put python3 on PATH); static analysis uses Python's ast"
        }

        var coverage: APICoverage?
        var mutation: MutationAnalysis?
        if let model {
            if let plan {
                coverage = APICoverage(plan: plan, model: model)
                progress?("mutation analysis: \(plan.cases.count) cases against the mock and \(catalog.count) mutants")
                mutation = try await MutationAnalysis.measure(
                    model: model, executor: PlanExecutor(plan: plan), catalog: catalog, parallel: parallel, environment: environment,
                    progress: progress)
            } else {
                notMeasured["coverage"] = "coverage is read from a plan, and \(path) holds no plan.json"
                if let python, let tests = staticAnalysis?.tests.count {
                    progress?("mutation analysis: pytest against the mock and \(catalog.count) mutants")
                    mutation = try await MutationAnalysis.measure(
                        model: model, executor: PytestExecutor(directory: codeDirectory, python: python, testCount: tests), catalog: catalog,
                        parallel: parallel, environment: environment, progress: progress)
                } else {
                    notMeasured["mutation"] = "running pytest needs Python"
                    notMeasured["soundness"] = notMeasured["mutation"]
                }
            }
        } else {
            let why = "no API description to run against (give --spec)"
            notMeasured["coverage"] = why
            notMeasured["mutation"] = why
            notMeasured["soundness"] = why
        }
        let elapsed = started.duration(to: .now)
        let report = QualityReport(
            subject: path, kind: kind, contentHash: hash, staticAnalysis: staticAnalysis, coverage: coverage, mutation: mutation,
            notMeasured: notMeasured, weights: configuration.weights,
            seconds: elapsed.seconds)
        if let cache { try? cache.store(report) }
        return (report, false)
    }

    /// SHA-256 over everything the report depends on: the suite (plan JSON, or every file
    /// under the directory but caches), the description, the Assay version and the scoring
    /// settings (weights, line limit, mutants, whether Python is there).
    public func contentHash(_ subject: Subject, model: APIModel?) -> String {
        var hasher = SHA256()
        func add(_ text: String) {
            hasher.update(data: Data(text.utf8))
            hasher.update(data: Data([0]))
        }
        add("assay-quality/1 \(AssayVersion.current)")
        add(configuration.weights.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))
        add("lines=\(configuration.maxTestLines) python=\(python != nil) mutants=\(catalog.map(\.name).joined(separator: ","))")
        add(environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))
        if let model { hasher.update(data: Data(JSONWriter().bytes(model.document))) }
        add("|suite|")
        switch subject {
        case .plan(let plan, _):
            hasher.update(data: Data(plan.jsonBytes()))
        case .directory(let directory, _):
            for file in Self.files(under: directory) {
                add(file)
                if let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path) { hasher.update(data: data) }
            }
        }
        return hasher.finalize().hexString
    }

    /// Relative paths of the files under `directory`, sorted, without caches and hidden
    /// entries.
    static func files(under directory: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var files: [String] = []
        while let entry = enumerator.nextObject() as? String {
            let parts = entry.split(separator: "/")
            if parts.contains(where: { $0.hasPrefix(".") || $0 == "__pycache__" || $0 == ".pytest_cache" }) { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent(entry).path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                files.append(entry)
            }
        }
        return files.sorted()
    }
}
