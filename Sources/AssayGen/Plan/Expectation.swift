public import AssayCore
import Foundation
import OrderedCollections

/// What a response must be for a step to pass.
public struct Expectation: Sendable, Hashable {
    /// The acceptable statuses.
    public var status: StatusExpectation
    /// The statuses the description documents for such an answer, checked once ``status``
    /// accepts it: a validation error answered 400 where the description says 422 is
    /// refused as expected, and is still an undocumented status.
    public var documented: StatusExpectation?
    /// The media type the body must have (parameters such as `charset` ignored), when the
    /// documented response has content.
    public var contentType: String?
    /// Where the response body's schema sits in the description, when it has one.
    public var schema: JSONPointer?
    /// Response headers that must be present.
    public var headers: [String]
    /// The latency budget: the response must arrive within this many milliseconds.
    public var latencyBudgetMilliseconds: Int?
    /// Members the response body must hold with exactly these values: what a flow created
    /// or updated, read back.
    public var bodyValues: [BodyValue]

    public init(
        status: StatusExpectation,
        contentType: String? = nil,
        schema: JSONPointer? = nil,
        headers: [String] = [],
        latencyBudgetMilliseconds: Int? = nil,
        bodyValues: [BodyValue] = [],
        documented: StatusExpectation? = nil
    ) {
        self.status = status
        self.documented = documented
        self.contentType = contentType
        self.schema = schema
        self.headers = headers
        self.latencyBudgetMilliseconds = latencyBudgetMilliseconds
        self.bodyValues = bodyValues
    }
}

/// A value the response body must hold at a pointer (or, by ``Mode``, must not).
public struct BodyValue: Sendable, Hashable {
    /// How the value at the pointer is judged.
    public enum Mode: Sendable, Hashable {
        /// It must equal the value (JSON equality: `1` and `1.0` are equal numbers).
        case equals
        /// It must be absent or differ: a member a replacement left out, no longer holding
        /// what it held before.
        case differs
        /// The pointer names an array no item of which holds the value at `member`: what
        /// was deleted is no longer listed.
        case notListed(member: JSONPointer)
    }

    /// Where in the body: `/name`.
    public var pointer: JSONPointer
    /// The value compared with.
    public var value: PlanValue
    public var mode: Mode

    public init(pointer: JSONPointer, value: PlanValue, mode: Mode = .equals) {
        self.pointer = pointer
        self.value = value
        self.mode = mode
    }
}

/// The statuses a step accepts: exact codes and whole classes.
public struct StatusExpectation: Sendable, Hashable, CustomStringConvertible {
    /// Exact codes: 200, 201.
    public var codes: [Int]
    /// Whole classes by their first digit: 2 for any 2xx, 4 for any 4xx.
    public var classes: [Int]

    public init(codes: [Int] = [], classes: [Int] = []) {
        self.codes = codes
        self.classes = classes
    }

    /// Whether `status` is acceptable.
    public func accepts(_ status: Int) -> Bool {
        codes.contains(status) || classes.contains(status / 100)
    }

    /// "201", "200 or 204", "a 4xx", "404 or a 2xx".
    public var description: String {
        let parts = codes.map(String.init) + classes.map { "a \($0)xx" }
        switch parts.count {
        case 0: return "nothing"
        case 1: return parts[0]
        default: return parts.dropLast().joined(separator: ", ") + " or " + parts.last!
        }
    }
}
