import Foundation
import OrderedCollections

/// One test: steps run in order, each with its expectations; the case passes when every
/// step meets them.
public struct TestCase: Sendable, Hashable {
    /// Stable within a plan and across regenerations of an unchanged operation:
    /// `createPet.validation.body-name-type`.
    public var id: String
    /// The kind, for counting, filtering and gating.
    public var kind: CaseKind
    /// One line for people: "createPet rejects a body whose name is not a string".
    public var title: String
    /// Why the case exists and what a failure means, for the emitted docstring.
    public var description: String
    /// For a validation case, the rule the request breaks (a ``NegativeRule`` label).
    public var rule: String?
    public var steps: [TestStep]

    public init(id: String, kind: CaseKind, title: String, description: String, rule: String? = nil, steps: [TestStep]) {
        self.id = id
        self.kind = kind
        self.title = title
        self.description = description
        self.rule = rule
        self.steps = steps
    }
}

/// What a case tests; every case has exactly one kind.
public enum CaseKind: String, Sendable, Hashable, CaseIterable, Comparable {
    /// A valid request gets a documented 2xx and a conformant body.
    case positive
    /// A request breaking one rule of the description gets a 4xx, never a 5xx.
    case validation
    /// Unknown ids, missing credentials, unsupported methods and media types.
    case error
    /// Several operations chained: create, read, update, delete.
    case flow
    /// A latency budget on a valid request.
    case performance

    public static func < (lhs: CaseKind, rhs: CaseKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
