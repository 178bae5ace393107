public import AssayCore
public import AssayGen
import Foundation
import OrderedCollections
import Synchronization

/// Generation under a quality gate: the enhanced strategy first; when its generation fails,
/// runs past the time budget, or its suite fails the stage's gate, the standard strategy,
/// with the reason recorded. Every attempt keeps its strategy, durations and scores: the
/// ``GenerationRecord`` the service exports as metrics.
public struct GatedGeneration: Sendable {
    public var model: APIModel
    /// The planner options; the strategy is set per attempt.
    public var options: PlannerOptions
    public var stage: String
    public var scorer: QualityScorer
    /// Seconds the enhanced generator may take.
    public var budgetSeconds: Double

    public init(model: APIModel, options: PlannerOptions, stage: String, scorer: QualityScorer, budgetSeconds: Double = 30) {
        self.model = model
        self.options = options
        self.stage = stage
        self.scorer = scorer
        self.budgetSeconds = budgetSeconds
    }

    /// The plan to keep and the record of how it was chosen.
    public func run(progress: (@Sendable (String) -> Void)? = nil) async throws(GateConfigurationError) -> (plan: TestPlan, record: GenerationRecord) {
        let conditions = try scorer.configuration.conditions(of: stage)
        var record = GenerationRecord(stage: stage, strategy: "enhanced", fallbackReason: nil, attempts: [])

        progress?("generating with the enhanced strategy (budget \(Int(budgetSeconds)) s)")
        var enhancedOptions = options
        enhancedOptions.strategy = .enhanced
        let (enhanced, enhancedSeconds) = await Self.plan(model: model, options: enhancedOptions, budgetSeconds: budgetSeconds)
        var attempt = GenerationRecord.Attempt(strategy: "enhanced", generationSeconds: enhancedSeconds)
        if let enhanced {
            await score(enhanced, conditions: conditions, into: &attempt, progress: progress)
            record.attempts.append(attempt)
            if attempt.gatePassed == true { return (enhanced, record) }
            record.fallbackReason = attempt.error.map { "the enhanced suite could not be scored: \($0)" }
                ?? "the enhanced suite failed the \(stage) gate: \(attempt.failures.joined(separator: "; "))"
        } else {
            attempt.error = "ran past its budget of \(budgetSeconds) s"
            record.attempts.append(attempt)
            record.fallbackReason = "the enhanced generator ran past its time budget of \(budgetSeconds) s"
        }

        progress?("falling back to the standard strategy: \(record.fallbackReason ?? "")")
        record.strategy = "standard"
        var standardOptions = options
        standardOptions.strategy = .standard
        let started = ContinuousClock.now
        let standard = TestPlanner(model: model, options: standardOptions).plan()
        var fallback = GenerationRecord.Attempt(strategy: "standard", generationSeconds: Self.seconds(since: started))
        await score(standard, conditions: conditions, into: &fallback, progress: progress)
        record.attempts.append(fallback)
        return (standard, record)
    }

    private func score(
        _ plan: TestPlan, conditions: [GateCondition], into attempt: inout GenerationRecord.Attempt, progress: (@Sendable (String) -> Void)?
    ) async {
        progress?("scoring the \(attempt.strategy) suite (\(plan.cases.count) cases)")
        let started = ContinuousClock.now
        do {
            let (report, _) = try await scorer.score(.plan(plan, path: "\(attempt.strategy) plan"), model: model, progress: progress)
            let gate = GateResult(stage: stage, conditions: conditions, report: report)
            attempt.metrics = report.metrics
            attempt.gatePassed = gate.passed
            attempt.failures = gate.failures.map(\.reason)
        } catch {
            attempt.error = "\(error)"
            attempt.gatePassed = false
        }
        attempt.scoringSeconds = Self.seconds(since: started)
    }

    /// The plan, or nil when planning takes longer than `budgetSeconds`; and the seconds
    /// spent. Planning runs off the caller's task, so the budget holds whatever it does.
    static func plan(model: APIModel, options: PlannerOptions, budgetSeconds: Double) async -> (TestPlan?, Double) {
        let started = ContinuousClock.now
        let once = OnceResult<TestPlan?>()
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<TestPlan?, Never>) in
            once.arm(continuation)
            Thread.detachNewThread { once.finish(TestPlanner(model: model, options: options).plan()) }
            Task.detached {
                try? await Task.sleep(for: .seconds(budgetSeconds))
                once.finish(nil)
            }
        }
        return (result, seconds(since: started))
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = start.duration(to: .now)
        return elapsed.seconds
    }
}

/// How a gated generation chose its suite: the strategy kept, why it fell back, and each
/// attempt's durations and scores.
public struct GenerationRecord: Sendable, Hashable {
    /// One strategy tried.
    public struct Attempt: Sendable, Hashable {
        public var strategy: String
        public var generationSeconds: Double
        public var scoringSeconds: Double = 0
        public var metrics: [String: Double]?
        public var gatePassed: Bool?
        public var failures: [String] = []
        public var error: String?
    }

    public var stage: String
    /// The strategy of the suite kept.
    public var strategy: String
    public var fallbackReason: String?
    public var attempts: [Attempt]

    /// Whether the suite kept passed the gate.
    public var passed: Bool { attempts.last?.gatePassed == true }

    /// The record as JSON (`generation.json` beside the suite).
    public var json: JSONValue {
        var object: JSONObject = ["stage": .string(stage), "strategy": .string(strategy), "passed": .bool(passed)]
        object["fallbackReason"] = fallbackReason.map(JSONValue.string) ?? .null
        object["attempts"] = .array(
            attempts.map { attempt in
                var entry: JSONObject = [
                    "strategy": .string(attempt.strategy), "generationSeconds": .double(attempt.generationSeconds),
                    "scoringSeconds": .double(attempt.scoringSeconds),
                ]
                entry["gatePassed"] = attempt.gatePassed.map(JSONValue.bool) ?? .null
                entry["failures"] = .array(attempt.failures.map(JSONValue.string))
                entry["error"] = attempt.error.map(JSONValue.string) ?? .null
                entry["scores"] = attempt.metrics.map { metrics in
                    .object(JSONObject(uniqueKeysWithValues: metrics.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.double($0.value)) }))
                } ?? .null
                return .object(entry)
            })
        return .object(object)
    }
}

/// A continuation resumed by whichever of several racers finishes first; later finishes
/// are ignored.
final class OnceResult<Value: Sendable>: Sendable {
    private let slot = Mutex<CheckedContinuation<Value, Never>?>(nil)

    func arm(_ continuation: CheckedContinuation<Value, Never>) { slot.withLock { $0 = continuation } }

    func finish(_ value: Value) {
        let waiting = slot.withLock { current -> CheckedContinuation<Value, Never>? in
            defer { current = nil }
            return current
        }
        waiting?.resume(returning: value)
    }
}
