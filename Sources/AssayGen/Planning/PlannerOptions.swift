public import AssayData
import Foundation
import OrderedCollections

/// What a planner builds.
public struct PlannerOptions: Sendable {
    public var strategy: GenerationStrategyKind
    /// The case kinds to keep; every kind the strategy makes when `nil`.
    public var kinds: Set<CaseKind>?
    /// The seed of every generated value: the same seed gives the same plan.
    public var seed: UInt64
    /// The p95 latency budget of performance cases.
    public var latencyBudgetMilliseconds: Int
    /// At most this many validation cases per operation (the request body's and each
    /// parameter's broken rules together).
    public var maxValidationCasesPerOperation: Int
    /// The locale of realistic values.
    public var locale: LocalePack

    public init(
        strategy: GenerationStrategyKind = .standard,
        kinds: Set<CaseKind>? = nil,
        seed: UInt64 = 1,
        latencyBudgetMilliseconds: Int = 500,
        maxValidationCasesPerOperation: Int = 30,
        locale: LocalePack = .enUS
    ) {
        self.strategy = strategy
        self.kinds = kinds
        self.seed = seed
        self.latencyBudgetMilliseconds = latencyBudgetMilliseconds
        self.maxValidationCasesPerOperation = maxValidationCasesPerOperation
        self.locale = locale
    }

    /// The kinds the strategy makes: `standard` only positive cases; `enhanced` every kind.
    public var strategyKinds: Set<CaseKind> {
        switch strategy {
        case .standard: return [.positive]
        case .enhanced: return Set(CaseKind.allCases)
        }
    }

    /// The kinds this planner makes: the strategy's, narrowed by ``kinds``.
    public var effectiveKinds: Set<CaseKind> {
        kinds.map { strategyKinds.intersection($0) } ?? strategyKinds
    }
}
