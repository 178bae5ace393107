public import AssayCore
public import AssayGen
public import AssayMock
import Foundation

/// A suite run against Assay's conformant mock (soundness) and against every mutant of the
/// catalog (mutation score).
///
/// A test that fails against the conformant mock is a false failure: it would cry wolf on
/// a correct API, so it cannot kill anything either. A mutant is killed when a test that
/// passes against the conformant mock fails (or times out) against it. The score is
/// `killed ÷ valid`, where valid mutants are those the description gives something to
/// break (``MutantApplicability``).
public struct MutationAnalysis: Sendable, Hashable {
    /// One mutant's fate.
    public struct MutantResult: Sendable, Hashable {
        public var mutant: String
        /// `nil` when valid, else why it does not count.
        public var invalidReason: String?
        public var killed: Bool
        /// Up to three of the tests that killed it.
        public var killedBy: [String]
        public var seconds: Double
    }

    /// Tests the suite holds.
    public var tests: Int
    /// Tests failing against the conformant mock.
    public var falseFailures: [String]
    public var mutants: [MutantResult]
    public var seconds: Double

    public var validMutants: [MutantResult] { mutants.filter { $0.invalidReason == nil } }
    public var killedMutants: [MutantResult] { validMutants.filter(\.killed) }

    /// killed ÷ valid (1 when no mutant is valid: there was nothing to catch).
    public var score: Double {
        let valid = validMutants.count
        return valid == 0 ? 1 : Double(killedMutants.count) / Double(valid)
    }

    /// The metrics, by ``QualityMetrics`` name.
    public var metrics: [String: Double] {
        [
            "soundness": tests == 0 ? 0 : Double(tests - falseFailures.count) / Double(tests),
            "false_failures": Double(falseFailures.count),
            "mutation_score": score,
            "mutants_killed": Double(killedMutants.count),
            "mutants_valid": Double(validMutants.count),
        ]
    }

    /// Runs `executor`'s suite against the conformant mock of `model` and each valid mutant
    /// in `catalog`, at most `parallel` mocks at a time, all on 127.0.0.1.
    public static func measure(
        model: APIModel, executor: some SuiteExecutor, catalog: [Mutant] = MutantCatalog.all, parallel: Int = 2, seed: UInt64 = 1,
        environment: [String: String] = [:], progress: (@Sendable (String) -> Void)? = nil
    ) async throws -> MutationAnalysis {
        let started = ContinuousClock.now
        let baseline = try await against(model: model, mutant: nil, executor: executor, seed: seed, environment: environment)
        let falseFailures = baseline.filter { !$0.value }.map(\.key).sorted()
        progress?("conformant mock: \(baseline.count - falseFailures.count) of \(baseline.count) passed")
        let trusted = Set(baseline.filter(\.value).map(\.key))
        var results: [MutantResult] = []
        var pending = catalog[...]
        try await withThrowingTaskGroup(of: MutantResult.self) { group in
            func startNext() {
                guard let mutant = pending.popFirst() else { return }
                if let reason = MutantApplicability.reasonInvalid(mutant, model: model) {
                    group.addTask { MutantResult(mutant: mutant.name, invalidReason: reason, killed: false, killedBy: [], seconds: 0) }
                    return
                }
                group.addTask {
                    let clock = ContinuousClock.now
                    let outcomes = try await against(model: model, mutant: mutant, executor: executor, seed: seed, environment: environment)
                    // A trusted test missing from the mutant's run did not pass there either.
                    let killers = trusted.filter { outcomes[$0] != true }.sorted()
                    let elapsed = clock.duration(to: .now)
                    return MutantResult(
                        mutant: mutant.name, invalidReason: nil, killed: !killers.isEmpty, killedBy: Array(killers.prefix(3)),
                        seconds: elapsed.seconds)
                }
            }
            for _ in 0..<max(1, parallel) { startNext() }
            while let result = try await group.next() {
                results.append(result)
                if result.invalidReason == nil { progress?("\(result.mutant): \(result.killed ? "killed" : "survived")") }
                startNext()
            }
        }
        let order = Dictionary(uniqueKeysWithValues: catalog.enumerated().map { ($1.name, $0) })
        results.sort { order[$0.mutant, default: 0] < order[$1.mutant, default: 0] }
        let elapsed = started.duration(to: .now)
        return MutationAnalysis(
            tests: executor.testCount, falseFailures: falseFailures, mutants: results,
            seconds: elapsed.seconds)
    }

    /// One run of the suite against a fresh mock (the conformant one when `mutant` is nil).
    static func against(
        model: APIModel, mutant: Mutant?, executor: some SuiteExecutor, seed: UInt64, environment: [String: String]
    ) async throws -> [String: Bool] {
        let server = MockServer(model: model, options: MockOptions(seed: seed, mutant: mutant), port: 0)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let serving = Task { try await server.run { port in continuation.yield(port) } }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            serving.cancel()
            _ = try? await serving.value
            throw QualityError("the mock of \(model.info.title) did not start")
        }
        var env = environment
        for (key, value) in credentialEnvironment(model: model, root: "http://127.0.0.1:\(port)") where env[key] == nil {
            env[key] = value
        }
        let result: Result<[String: Bool], any Error>
        do {
            result = .success(try await executor.run(baseURL: "http://127.0.0.1:\(port)\(server.basePath)", environment: env))
        } catch {
            result = .failure(error)
        }
        // Cancelling makes the mock shut down gracefully (GracefulServer); wait for it.
        serving.cancel()
        _ = try? await serving.value
        return try result.get()
    }

    /// A credential for every scheme the description has (the mock takes any value that is
    /// not marked invalid), and the mock's own token endpoint for OAuth2.
    public static func credentialEnvironment(model: APIModel, root: String) -> [String: String] {
        var environment: [String: String] = [:]
        for scheme in CredentialScheme.schemes(of: model) {
            for variable in scheme.variables { environment[variable] = "assay-quality-credential" }
            if case .oauth2ClientCredentials(_, let variable, _) = scheme.kind {
                environment[variable] = root + MockResponder.tokenPath
            }
        }
        return environment
    }
}
