import AssayCore
public import AssayGen
import Foundation

/// What became of one case.
public struct CaseResult: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable {
        case passed
        case failed
        /// Failed, then passed when run again: not to be trusted either way.
        case flaky
    }

    public var caseID: String
    public var kind: CaseKind
    public var title: String
    /// The operations its steps call, in order.
    public var operations: [String]
    public var outcome: Outcome
    /// The failure of the first attempt (for a flaky case, what failed before the pass).
    public var failure: StepFailure?
    /// The index of the failing step.
    public var failedStep: Int?
    /// The failing step's request and response (`nil` response when none came).
    public var request: WireRequest?
    public var response: WireResponse?
    public var attempts: Int
    /// Requests sent for it, over every attempt (a failed step's request counts; the steps
    /// after it are not sent).
    public var requests: Int = 0
    /// Wall time of the last attempt.
    public var milliseconds: Double
    /// The requests of the steps that ran before the failing one, as sent (captured values
    /// filled in): what a reproduction replays first.
    public var earlierRequests: [WireRequest] = []

    public init(
        caseID: String, kind: CaseKind, title: String, operations: [String], outcome: Outcome, failure: StepFailure? = nil,
        failedStep: Int? = nil, request: WireRequest? = nil, response: WireResponse? = nil, attempts: Int = 1, milliseconds: Double = 0
    ) {
        self.caseID = caseID
        self.kind = kind
        self.title = title
        self.operations = operations
        self.outcome = outcome
        self.failure = failure
        self.failedStep = failedStep
        self.request = request
        self.response = response
        self.attempts = attempts
        self.milliseconds = milliseconds
    }
}
