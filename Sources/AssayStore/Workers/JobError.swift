/// An error a ``JobHandler`` throws to say whether its failure is worth retrying.
public struct JobError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// Whether another attempt may succeed.
    public var retryable: Bool

    /// A failure another attempt may not have (a timeout, a 503).
    public static func transient(_ message: String) -> Self {
        .init(message: message, retryable: true)
    }

    /// A failure no retry can fix (an invalid payload): the job is dead at once.
    public static func permanent(_ message: String) -> Self {
        .init(message: message, retryable: false)
    }

    public var description: String { message }
}
