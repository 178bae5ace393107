public import AssayCore
import Foundation
import OrderedCollections

/// What a regeneration changed against the plan it replaces: the spec diff, the operations
/// whose cases were reused or planned anew, and the cases kept, regenerated, added and removed.
///
/// Cases are matched by id. A case is *kept* when it was carried over from the previous plan
/// byte for byte (its operation, or for a flow every operation it touches, is unchanged);
/// *regenerated* when it was planned anew under an id the previous plan had; *added* when its
/// id is new; *removed* when only the previous plan has it. So kept + regenerated + added is
/// the new plan's case count, and kept + regenerated + removed the previous one's. A full
/// regeneration keeps nothing, even where it planned the same bytes again.
public struct PlanChanges: Sendable, Hashable {
    /// How the description changed since the previous plan.
    public var diff: SpecDiff
    /// Operations whose previous cases were kept.
    public var reusedOperations: [String]
    /// Operations planned anew (added or changed; every one after a full regeneration).
    public var regeneratedOperations: [String]
    /// Ids of cases carried over unchanged.
    public var keptCases: [String]
    /// Ids of cases planned anew that the previous plan also had.
    public var regeneratedCases: [String]
    /// Ids of cases only the new plan has.
    public var addedCases: [String]
    /// Ids of cases only the previous plan had.
    public var removedCases: [String]
    /// Why every operation was planned anew, when the previous plan lent no case.
    public var fullRegenerationReason: String?

    /// The changes of an incremental plan against the `previous` plan it was made from.
    public init(_ incremental: IncrementalPlan, previous: TestPlan) {
        let reused = incremental.fullRegenerationReason == nil ? Set(incremental.reused) : []
        self.init(plan: incremental.plan, previous: previous, diff: incremental.diff, reason: incremental.fullRegenerationReason) { testCase in
            // The planner's own rule: an operation's cases come from the previous plan when
            // the operation is unchanged; a flow when every operation it touches is.
            let operations = testCase.kind == .flow ? testCase.steps.map(\.operation) : testCase.steps.first.map { [$0.operation] } ?? []
            return !operations.isEmpty && operations.allSatisfy(reused.contains)
        }
        reusedOperations = incremental.fullRegenerationReason == nil ? incremental.reused : []
        regeneratedOperations = incremental.regenerated
    }

    /// The changes of `plan`, planned in full for the reason given, against `previous`.
    public init(full plan: TestPlan, previous: TestPlan, reason: String) {
        let diff = SpecDiff(from: previous.contracts, to: plan.contracts)
        self.init(plan: plan, previous: previous, diff: diff, reason: reason) { _ in false }
        regeneratedOperations = plan.contracts.map(\.operation)
    }

    private init(plan: TestPlan, previous: TestPlan, diff: SpecDiff, reason: String?, carried: (TestCase) -> Bool) {
        self.diff = diff
        reusedOperations = []
        regeneratedOperations = []
        fullRegenerationReason = reason
        let before = Set(previous.cases.map(\.id))
        var seen: Set<String> = []
        keptCases = []
        regeneratedCases = []
        addedCases = []
        for testCase in plan.cases where seen.insert(testCase.id).inserted {
            if !before.contains(testCase.id) {
                addedCases.append(testCase.id)
            } else if carried(testCase) {
                keptCases.append(testCase.id)
            } else {
                regeneratedCases.append(testCase.id)
            }
        }
        var removed: Set<String> = []
        removedCases = previous.cases.map(\.id).filter { !seen.contains($0) && removed.insert($0).inserted }
    }

    /// Whether the previous plan lent its cases (the regeneration was incremental).
    public var isIncremental: Bool { fullRegenerationReason == nil }

    /// The changes as JSON: counts of cases and operations, why the plan was made in full
    /// if it was, and the spec diff (``SpecDiff/json``, breaking changes included).
    public var json: JSONValue {
        var object: JSONObject = [
            "incremental": .bool(isIncremental),
            "cases": [
                "kept": .integer(keptCases.count),
                "regenerated": .integer(regeneratedCases.count),
                "added": .integer(addedCases.count),
                "removed": .integer(removedCases.count),
            ],
            "operations": [
                "reused": .integer(reusedOperations.count),
                "regenerated": .integer(regeneratedOperations.count),
            ],
        ]
        object["fullRegenerationReason"] = fullRegenerationReason.map(JSONValue.string) ?? .null
        object["specDiff"] = diff.json
        return .object(object)
    }
}
