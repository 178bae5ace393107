/// A finding to record with ``RunRepository/addFindings(_:to:)``.
public struct NewFinding: Sendable, Hashable, Codable {
    /// The operation (`GET /pets/{id}`).
    public var operation: String
    /// The check that failed.
    public var check: String
    /// `critical`, `high`, `medium`, `low`.
    public var severity: String
    /// What was wrong.
    public var message: String
    /// Stable across runs for the same problem.
    public var fingerprint: String

    /// A finding with these fields.
    public init(operation: String, check: String, severity: String, message: String, fingerprint: String) {
        self.operation = operation
        self.check = check
        self.severity = severity
        self.message = message
        self.fingerprint = fingerprint
    }
}
