public import AssayCore
import AssayData
import Foundation
public import OrderedCollections

/// The single source of truth of a generated test suite: what the emitters render and
/// the runner executes.
///
/// A plan is suites of cases of steps. It is a value, built deterministically from an API
/// description, a strategy and a seed: the same inputs give an equal plan (and the same
/// JSON, byte for byte). Its JSON form is documented in docs/plan.md and versioned by
/// ``formatVersion``.
public struct TestPlan: Sendable, Hashable {
    /// The version of the JSON form this code writes and reads.
    public static let formatVersion = 1

    /// What the plan tests.
    public var api: APIReference
    /// The strategy that built the plan.
    public var strategy: GenerationStrategyKind
    /// The seed every generated value came from.
    public var seed: UInt64
    /// The suites, one per tag (or first path segment when an operation has no tag).
    public var suites: [TestSuite]
    /// Operations that got no case, with the reason.
    public var skipped: [SkippedOperation]
    /// The load profile for performance runs, when the strategy plans one.
    public var load: LoadProfile?
    /// The options besides strategy and seed that shaped the cases; `nil` in plans written
    /// before they were recorded.
    public var settings: PlanSettings?
    /// What each operation of the description promised when the plan was made: the
    /// fingerprints incremental regeneration compares and the facts a spec diff checks.
    public var contracts: [OperationContract]
    /// The response schemas the expectations point at, as one JSON Schema 2020-12
    /// document: what the runner and the emitted suite validate bodies against.
    public var schemas: SchemaBundle?
    /// How runs send credentials, per security scheme (no values, only where they come
    /// from); `nil` in plans written before plans carried it.
    public var credentials: [CredentialScheme]?
    /// What the description documents for each status of each operation with cases
    /// (`GET /pets` → its responses), for the checks that apply to an answer of any
    /// status: its media type and its headers' values. Operations whose responses document
    /// neither a body nor a header schema are left out.
    public var responses: OrderedDictionary<String, [DocumentedResponse]> = [:]

    /// Creates a plan.
    public init(
        api: APIReference,
        strategy: GenerationStrategyKind,
        seed: UInt64,
        suites: [TestSuite],
        skipped: [SkippedOperation] = [],
        load: LoadProfile? = nil,
        settings: PlanSettings? = nil,
        contracts: [OperationContract] = [],
        schemas: SchemaBundle? = nil,
        credentials: [CredentialScheme]? = nil
    ) {
        self.api = api
        self.strategy = strategy
        self.seed = seed
        self.suites = suites
        self.skipped = skipped
        self.load = load
        self.settings = settings
        self.contracts = contracts
        self.schemas = schemas
        self.credentials = credentials
    }

    /// Every case of every suite, in order.
    public var cases: [TestCase] { suites.flatMap(\.cases) }

    /// How many cases there are of each kind.
    public var countsByKind: [CaseKind: Int] {
        cases.reduce(into: [:]) { $0[$1.kind, default: 0] += 1 }
    }

    /// The operations (`GET /pets/{petId}`) that have at least one case.
    public var coveredOperations: Set<String> {
        Set(cases.flatMap { $0.steps.map(\.operation) })
    }
}

/// The API a plan was built from.
public struct APIReference: Sendable, Hashable {
    public var title: String
    public var version: String
    /// The file path or URL of the description.
    public var source: String
    /// The first server URL, the default base URL of emitted tests.
    public var baseURL: String?
    /// The number of operations in the description.
    public var operationCount: Int

    public init(title: String, version: String, source: String, baseURL: String?, operationCount: Int) {
        self.title = title
        self.version = version
        self.source = source
        self.baseURL = baseURL
        self.operationCount = operationCount
    }
}

/// An operation that got no case, and why.
public struct SkippedOperation: Sendable, Hashable {
    /// `GET /pets/{petId}`.
    public var operation: String
    public var reason: String

    public init(operation: String, reason: String) {
        self.operation = operation
        self.reason = reason
    }
}

/// The planner options a plan records besides strategy and seed: with them, the same
/// description gives the same cases, which incremental regeneration relies on.
public struct PlanSettings: Sendable, Hashable {
    /// The case kinds planned, in their fixed order.
    public var kinds: [CaseKind]
    public var latencyBudgetMilliseconds: Int
    public var maxValidationCasesPerOperation: Int
    /// `en_US`.
    public var locale: String

    public init(kinds: [CaseKind], latencyBudgetMilliseconds: Int, maxValidationCasesPerOperation: Int, locale: String) {
        self.kinds = kinds
        self.latencyBudgetMilliseconds = latencyBudgetMilliseconds
        self.maxValidationCasesPerOperation = maxValidationCasesPerOperation
        self.locale = locale
    }

    /// The settings `options` plan with.
    public init(_ options: PlannerOptions) {
        self.init(
            kinds: options.effectiveKinds.sorted(),
            latencyBudgetMilliseconds: options.latencyBudgetMilliseconds,
            maxValidationCasesPerOperation: options.maxValidationCasesPerOperation,
            locale: options.locale.identifier
        )
    }
}
