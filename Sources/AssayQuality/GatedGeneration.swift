public import AssayCore
public import AssayGen
import Foundation
import OrderedCollections
import Synchronization

/// Generation under a quality gate: the enhanced strategy first; when its generation fails,
/// runs past the time budget, or its suite fails the stage's gate, the standard strategy,
/// with the reason recorded. Every attempt keeps its strategy, durations and scores: the
/// ``GenerationRecord`` the service exports as metrics.
///
/// Given the ``previous`` plan, each strategy is first planned incrementally against it
/// (``TestPlanner/plan(since:progress:)``: unchanged operations keep their cases byte for
/// byte) and that plan is gated. An incremental plan is meant to be the full plan, but it is
/// only as good as the fingerprints that decide what to reuse; so when one that reused cases
/// fails the gate, the strategy is planned again in full and, if that plan differs, gated
/// in its own right before falling back to the next strategy. When the two are the same bytes
/// (the usual case), the verdict stands and nothing is scored twice.
public struct GatedGeneration: Sendable {
    public var model: APIModel
    /// The planner options; the strategy is set per attempt.
    public var options: PlannerOptions
    public var stage: String
    public var scorer: QualityScorer
    /// Seconds the enhanced generator may take.
    public var budgetSeconds: Double
    /// The plan this one replaces, whose cases unchanged operations keep; `nil` to plan from
    /// scratch.
    public var previous: TestPlan?
    /// The strategy tried first: `.enhanced` falls back to `.standard`; `.standard` is the only
    /// strategy tried.
    public var firstStrategy: GenerationStrategyKind

    public init(
        model: APIModel, options: PlannerOptions, stage: String, scorer: QualityScorer, budgetSeconds: Double = 30,
        previous: TestPlan? = nil, firstStrategy: GenerationStrategyKind = .enhanced
    ) {
        self.model = model
        self.options = options
        self.stage = stage
        self.scorer = scorer
        self.budgetSeconds = budgetSeconds
        self.previous = previous
        self.firstStrategy = firstStrategy
    }

    /// The plan to keep and the record of how it was chosen.
    public func run(progress: (@Sendable (String) -> Void)? = nil) async throws(GateConfigurationError) -> (plan: TestPlan, record: GenerationRecord) {
        let conditions = try scorer.configuration.conditions(of: stage)
        let strategies: [GenerationStrategyKind] = firstStrategy == .enhanced ? [.enhanced, .standard] : [.standard]
        var record = GenerationRecord(stage: stage, strategy: firstStrategy.rawValue, fallbackReason: nil, attempts: [])
        var kept: Candidate?
        for (index, strategy) in strategies.enumerated() {
            if index > 0 { progress?("falling back to the \(strategy.rawValue) strategy: \(record.fallbackReason ?? "")") }
            record.strategy = strategy.rawValue
            let outcome = await attempt(strategy, conditions: conditions, into: &record, progress: progress)
            kept = outcome.candidate ?? kept
            if outcome.passed, let candidate = outcome.candidate {
                record.changes = candidate.changes
                return (candidate.plan, record)
            }
            if index == 0 && strategies.count > 1 { record.fallbackReason = outcome.failure }
        }
        guard let kept else { preconditionFailure("the standard strategy has no budget, so its attempt always plans") }
        record.changes = kept.changes
        return (kept.plan, record)
    }

    /// A plan tried, and what it changed against ``previous``.
    private struct Candidate {
        var plan: TestPlan
        var changes: PlanChanges?
    }

    /// The attempts of one strategy: incremental then (when that reused cases and failed)
    /// full, or full alone. Returns the last plan made, whether it passed, and why not.
    private func attempt(
        _ strategy: GenerationStrategyKind, conditions: [GateCondition], into record: inout GenerationRecord, progress: (@Sendable (String) -> Void)?
    ) async -> (candidate: Candidate?, passed: Bool, failure: String?) {
        var strategyOptions = options
        strategyOptions.strategy = strategy
        let planner = TestPlanner(model: model, options: strategyOptions)
        // The standard generator is the fallback: it has no budget to run past.
        let budget = strategy == .enhanced ? budgetSeconds : nil
        let budgetText = budget.map { " (budget \(Int($0)) s)" } ?? ""
        var incremental: (candidate: Candidate, bytes: [UInt8], failure: String)?
        if let previous {
            progress?("regenerating with the \(strategy.rawValue) strategy since the previous plan\(budgetText)")
            let (result, seconds) = await Self.planned(within: budget) { planner.plan(since: previous) }
            var attempt = GenerationRecord.Attempt(strategy: strategy.rawValue, generationSeconds: seconds, incremental: true)
            guard let result else {
                // Planning everything takes longer still: on to the next strategy.
                return (nil, false, overran(&attempt, strategy: strategy, into: &record))
            }
            await score(result.plan, conditions: conditions, into: &attempt, progress: progress)
            record.attempts.append(attempt)
            let candidate = Candidate(plan: result.plan, changes: PlanChanges(result, previous: previous))
            if attempt.gatePassed == true { return (candidate, true, nil) }
            let failure = failureReason(attempt)
            // A plan that reused nothing is already the full one.
            guard result.fullRegenerationReason == nil, !result.reused.isEmpty else { return (candidate, false, failure) }
            incremental = (candidate, result.plan.jsonBytes(), failure)
            progress?("the incremental plan failed; planning the \(strategy.rawValue) strategy in full")
        } else {
            progress?("generating with the \(strategy.rawValue) strategy\(budgetText)")
        }
        let (plan, seconds) = await Self.planned(within: budget) { planner.plan() }
        var attempt = GenerationRecord.Attempt(strategy: strategy.rawValue, generationSeconds: seconds)
        guard let plan else { return (incremental?.candidate, false, overran(&attempt, strategy: strategy, into: &record)) }
        if let incremental, plan.jsonBytes() == incremental.bytes {
            record.attempts[record.attempts.count - 1].note =
                "planned in full (\(String(format: "%.2f", seconds)) s): the same bytes, so the same verdict"
            return (incremental.candidate, false, incremental.failure)
        }
        await score(plan, conditions: conditions, into: &attempt, progress: progress)
        record.attempts.append(attempt)
        let changes = previous.map {
            PlanChanges(
                full: plan, previous: $0,
                reason: "the incremental \(strategy.rawValue) plan failed the gate and a full plan differs from it")
        }
        let passed = attempt.gatePassed == true
        return (Candidate(plan: plan, changes: changes), passed, passed ? nil : failureReason(attempt))
    }

    /// Records an attempt whose generator ran past the budget; returns the fallback reason.
    private func overran(_ attempt: inout GenerationRecord.Attempt, strategy: GenerationStrategyKind, into record: inout GenerationRecord) -> String {
        attempt.error = "ran past its budget of \(budgetSeconds) s"
        record.attempts.append(attempt)
        return "the \(strategy.rawValue) generator ran past its time budget of \(budgetSeconds) s"
    }

    private func failureReason(_ attempt: GenerationRecord.Attempt) -> String {
        attempt.error.map { "the \(attempt.strategy) suite could not be scored: \($0)" }
            ?? "the \(attempt.strategy) suite failed the \(stage) gate: \(attempt.failures.joined(separator: "; "))"
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

    /// What `work` returns, or nil when it takes longer than `budget` seconds (never, without
    /// one); and the seconds spent. The work runs on a thread of its own, off the caller's
    /// task and the cooperative pool, so the budget holds whatever it does.
    static func planned<Value: Sendable>(within budget: Double?, _ work: @escaping @Sendable () -> Value) async -> (Value?, Double) {
        let started = ContinuousClock.now
        let once = OnceResult<Value?>()
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Value?, Never>) in
            once.arm(continuation)
            Thread.detachNewThread { once.finish(work()) }
            if let budget {
                Task.detached {
                    try? await Task.sleep(for: .seconds(budget))
                    once.finish(nil)
                }
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
        /// Planned against the previous plan, keeping the cases of unchanged operations.
        public var incremental = false
        /// Anything else worth knowing (a full plan that came out the same bytes).
        public var note: String?
    }

    public var stage: String
    /// The strategy of the suite kept.
    public var strategy: String
    public var fallbackReason: String?
    public var attempts: [Attempt]
    /// What the suite kept changed against the previous plan; `nil` without one.
    public var changes: PlanChanges?

    /// Whether the suite kept passed the gate.
    public var passed: Bool { attempts.last?.gatePassed == true }

    /// The record as JSON (`generation.json` beside the suite).
    public var json: JSONValue {
        var object: JSONObject = ["stage": .string(stage), "strategy": .string(strategy), "passed": .bool(passed)]
        object["fallbackReason"] = fallbackReason.map(JSONValue.string) ?? .null
        object["attempts"] = attemptsJSON
        if let changes { object["changes"] = changes.json }
        return .object(object)
    }

    /// Every attempt with its strategy, durations, verdict and scores (the `attempts` of ``json``).
    public var attemptsJSON: JSONValue {
        .array(
            attempts.map { attempt in
                var entry: JSONObject = [
                    "strategy": .string(attempt.strategy), "generationSeconds": .double(attempt.generationSeconds),
                    "scoringSeconds": .double(attempt.scoringSeconds),
                ]
                entry["gatePassed"] = attempt.gatePassed.map(JSONValue.bool) ?? .null
                entry["failures"] = .array(attempt.failures.map(JSONValue.string))
                entry["error"] = attempt.error.map(JSONValue.string) ?? .null
                entry["incremental"] = .bool(attempt.incremental)
                if let note = attempt.note { entry["note"] = .string(note) }
                entry["scores"] = attempt.metrics.map { metrics in
                    .object(JSONObject(uniqueKeysWithValues: metrics.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.double($0.value)) }))
                } ?? .null
                return .object(entry)
            })
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
