/// A failure of the store itself (as opposed to its configuration), with what went wrong.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of store failure, for callers that branch on them.
    public enum Code: Sendable, Hashable {
        /// The store was used after ``Store/shutdown()``.
        case shutDown
        /// The database does not speak SQL through SQLKit (never the case for SQLite or PostgreSQL).
        case notSQL
        /// A row the store expected was not there.
        case notFound
        /// A value broke a rule of the store (an argument out of range, a duplicate name).
        case invalidArgument
        /// A row read back from the database did not have the expected shape.
        case corruptRow
    }

    /// What kind of failure this is.
    public let code: Code
    /// A sentence saying what failed.
    public let message: String

    /// The store is shut down.
    public static let shutDown = StoreError(code: .shutDown, message: "the store is shut down")

    /// `what` does not exist.
    public static func notFound(_ what: String) -> Self {
        .init(code: .notFound, message: "\(what) not found")
    }

    /// An argument is unusable.
    public static func invalidArgument(_ message: String) -> Self {
        .init(code: .invalidArgument, message: message)
    }

    /// A row read back could not be decoded.
    public static func corruptRow(_ message: String) -> Self {
        .init(code: .corruptRow, message: message)
    }

    public var description: String { message }
}
