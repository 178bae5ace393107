import AssayCore
import Foundation
import OrderedCollections

/// A plan regenerated against a previous one: what changed in the description, and
/// which operations were planned anew.
public struct IncrementalPlan: Sendable {
    /// The new plan: the previous cases of unchanged operations, fresh cases for the rest.
    public var plan: TestPlan
    /// How the description changed since the previous plan.
    public var diff: SpecDiff
    /// Operations planned anew (added, changed, or sharing a path with one added or removed:
    /// ``TestPlanner/routeKeys(method:path:)``), in the description's order.
    public var regenerated: [String]
    /// Operations whose previous cases were kept.
    public var reused: [String]
    /// Why every operation was planned anew, when the previous plan could not be reused
    /// (other strategy, seed or settings, or a plan without fingerprints).
    public var fullRegenerationReason: String?
}

extension TestPlanner {
    /// Plans only the operations whose definition changed since `previous`, keeping the
    /// previous cases of the others, and reports the spec diff.
    ///
    /// An operation's cases depend on its definition (fingerprinted in the plan), the
    /// strategy, the seed and the settings, and on which operations share its path
    /// (``routeKeys(method:path:)``): the 405 case sends a method none of them documents.
    /// With those equal the result is the plan a full run would give; kept cases stay byte
    /// for byte what was committed. Flows are kept when every operation they touch is
    /// unchanged.
    public func plan(since previous: TestPlan, progress: (@Sendable (Int, Int) -> Void)? = nil) -> IncrementalPlan {
        let contracts = OperationContract.contracts(of: model)
        let diff = SpecDiff(from: previous.contracts, to: contracts)
        if let reason = reuseObstacle(previous) {
            let plan = assemble(cases(for: model.operations, progress: progress), flows: plannedFlows(), contracts: contracts)
            return IncrementalPlan(plan: plan, diff: diff, regenerated: model.operations.map(\.id), reused: [], fullRegenerationReason: reason)
        }

        let unchanged = Set(diff.unchanged)
        var previousCases: [String: [TestCase]] = [:]
        var previousFlows: [String: TestCase] = [:]
        for testCase in previous.cases {
            if testCase.kind == .flow {
                previousFlows[testCase.id] = testCase
            } else if let operation = testCase.steps.first?.operation {
                previousCases[operation, default: []].append(testCase)
            }
        }
        let previousSkips = Dictionary(previous.skipped.map { ($0.operation, $0.reason) }, uniquingKeysWith: { first, _ in first })

        // What moved: the method and shape of every changed operation (its twins), and the
        // shape of every path that gained or lost one (the others' 405 case).
        var moved: Set<String> = []
        let added = Set(diff.added)
        for operation in model.operations where !unchanged.contains(operation.id) {
            let keys = Self.routeKeys(method: operation.method.name, path: operation.path)
            moved.insert(keys.route)
            if added.contains(operation.id) { moved.insert(keys.path) }
        }
        for id in diff.removed {
            guard let space = id.firstIndex(of: " ") else { continue }
            let keys = Self.routeKeys(method: String(id[..<space]), path: String(id[id.index(after: space)...]))
            moved.formUnion([keys.route, keys.path])
        }
        let changed = model.operations.filter { operation in
            let keys = Self.routeKeys(method: operation.method.name, path: operation.path)
            return !unchanged.contains(operation.id) || moved.contains(keys.route) || moved.contains(keys.path)
        }
        let fresh = cases(for: changed, progress: progress)
        var freshByOperation: [String: (cases: [TestCase], skipped: String?)] = [:]
        for (operation, result) in zip(changed, fresh) { freshByOperation[operation.id] = result }
        let results = model.operations.map { operation in
            freshByOperation[operation.id] ?? (previousCases[operation.id] ?? [], previousSkips[operation.id])
        }

        let flows = plannedFlows().map { suite, testCase in
            let kept = Set(testCase.steps.map(\.operation)).isSubset(of: unchanged) ? previousFlows[testCase.id] : nil
            return (suite: suite, testCase: kept ?? testCase)
        }
        return IncrementalPlan(
            plan: assemble(results, flows: flows, contracts: contracts),
            diff: diff,
            regenerated: changed.map(\.id),
            reused: model.operations.map(\.id).filter { freshByOperation[$0] == nil },
            fullRegenerationReason: nil
        )
    }

    /// The keys that tie operations together beyond their own definitions: `route`, the
    /// method and path shape (twins no request tells apart), and `path`, the shape alone
    /// (operations on one path share its 405 case).
    static func routeKeys(method: String, path: String) -> (route: String, path: String) {
        let shape = shape(of: path)
        return ("\(method) \(shape)", "* " + shape)
    }

    /// Why `previous` cannot lend its cases, or `nil` when it can.
    func reuseObstacle(_ previous: TestPlan) -> String? {
        if previous.contracts.isEmpty { return "the previous plan records no operation fingerprints (written by an older Assay)" }
        if previous.strategy != options.strategy {
            return "the previous plan used the \(previous.strategy.rawValue) strategy, this run \(options.strategy.rawValue)"
        }
        if previous.seed != options.seed { return "the previous plan used seed \(previous.seed), this run \(options.seed)" }
        guard let settings = previous.settings else { return "the previous plan records no settings" }
        let current = PlanSettings(options)
        if settings.kinds != current.kinds {
            return "the previous plan has kinds \(settings.kinds.map(\.rawValue).joined(separator: ",")), this run \(current.kinds.map(\.rawValue).joined(separator: ","))"
        }
        if settings != current { return "the previous plan used other settings (latency budget, validation cap or locale)" }
        return nil
    }
}
