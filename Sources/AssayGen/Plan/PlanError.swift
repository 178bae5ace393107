public import AssayCore
import Foundation
import OrderedCollections

/// A plan that cannot be read or built, with what was wrong and where.
public struct PlanError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The plan JSON is not JSON, or not a plan.
        case malformedPlan
        /// The plan was written by a newer format version.
        case unsupportedVersion
        /// An option of the planner is out of range.
        case invalidOption
        /// Emitted files could not be written.
        case io
    }

    public var code: Code
    public var message: String
    /// Where in the plan JSON the problem is.
    public var pointer: JSONPointer?

    public init(_ code: Code, _ message: String, at pointer: JSONPointer? = nil) {
        self.code = code
        self.message = message
        self.pointer = pointer
    }

    public var description: String {
        if let pointer { return "\(message) (at \(pointer.tokens.isEmpty ? "the root" : pointer.description))" }
        return message
    }
}
