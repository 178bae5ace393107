import Foundation

/// Why a step failed: the message says what was expected and what came back, in the
/// words of the emitted pytest's assertion for the same check.
public struct StepFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The check that failed, by the name of the pytest helper that makes it
    /// (`expect_status`, `expect_schema`, …), or `request` when no response came.
    public var check: String
    public var message: String

    public init(_ message: String, check: String = "request") {
        self.check = check
        self.message = message
    }

    public var description: String { message }
}
