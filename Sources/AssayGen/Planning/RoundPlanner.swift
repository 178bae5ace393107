public import AssayCore
public import Foundation

/// Plans one description for several seeds in a row (`seed`, `seed + 1`, …): the first round
/// at once, the others on a thread of their own, each round's cases delivered as soon as it
/// is planned. A run starts on the first round while the next ones are planned.
///
/// With more than one round every case id ends in ``TestPlan/roundSuffix(seed:)`` of its
/// seed (``TestPlan/taggedAsRound()``), so the rounds' cases stay apart in one report.
public final class RoundPlanner: @unchecked Sendable {
    /// The first round's plan.
    public let first: TestPlan
    /// The cases of each round after the first, a batch per round, in seed order; finished
    /// once every round is planned (at once with one round).
    public let later: AsyncStream<[TestCase]>

    private let lock = NSLock()
    // Guarded by `lock`: every round planned so far, in seed order.
    private var planned: [TestPlan]
    // Guarded by `lock`: set by `cancel()`, to stop planning.
    private var cancelled = false
    // Guarded by `lock`: set once every round is planned.
    private var finished = false

    /// Plans the first round, and starts planning the others.
    /// - Parameters:
    ///   - options: the options of every round; its seed is the first round's.
    ///   - rounds: how many rounds (at least one); the seeds after `options.seed` must not
    ///     pass `UInt64.max`.
    public init(model: APIModel, options: PlannerOptions, rounds: Int) {
        precondition(rounds >= 1 && UInt64.max - options.seed >= UInt64(rounds - 1), "the rounds' seeds pass UInt64.max")
        let plan = TestPlanner(model: model, options: options).plan()
        first = rounds > 1 ? plan.taggedAsRound() : plan
        planned = [first]
        let (stream, continuation) = AsyncStream.makeStream(of: [TestCase].self)
        later = stream
        guard rounds > 1 else {
            finished = true
            continuation.finish()
            return
        }
        continuation.onTermination = { [weak self] _ in self?.cancel() }
        let seeds = (1..<UInt64(rounds)).map { options.seed + $0 }
        // Planning is synchronous work of tens of milliseconds a round: on a thread of its
        // own it overlaps the run, without holding a thread of the concurrency pool.
        Thread.detachNewThread { [self] in
            for seed in seeds where !isCancelled {
                var roundOptions = options
                roundOptions.seed = seed
                let round = TestPlanner(model: model, options: roundOptions).plan(contracts: plan.contracts).taggedAsRound()
                lock.withLock { planned.append(round) }
                continuation.yield(round.cases)
            }
            lock.withLock { finished = true }
            continuation.finish()
        }
    }

    /// Whether every round is planned (and ``later`` has delivered them all).
    public var isFinished: Bool { lock.withLock { finished } }

    /// Stops planning after the round in progress (a run that failed reads no more).
    public func cancel() { lock.withLock { cancelled = true } }

    private var isCancelled: Bool { lock.withLock { cancelled } }

    /// The rounds planned so far as one plan (``TestPlan/merging(_:)``): once ``later`` has
    /// finished, every round's; what a run's findings and reports are read against.
    public var plan: TestPlan { lock.withLock { TestPlan.merging(planned) ?? first } }
}
