/// A configuration of the store that cannot be used, with what was wrong.
public struct StoreConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of configuration failure, for callers that branch on them.
    public enum Code: Sendable, Hashable {
        /// `ASSAY_DATABASE_URL` (or the address given) could not be used.
        case invalidDatabaseURL
        /// A numeric setting is out of range.
        case invalidSetting
    }

    /// What kind of failure this is.
    public let code: Code
    /// A sentence for the operator: the value and what was wrong with it.
    public let message: String

    /// The database address `value` is unusable because of `reason`.
    public static func invalidDatabaseURL(_ value: String, reason: String) -> Self {
        .init(code: .invalidDatabaseURL, message: "invalid database address '\(value)': \(reason)")
    }

    /// The setting `name` is unusable because of `reason`.
    public static func invalidSetting(_ name: String, reason: String) -> Self {
        .init(code: .invalidSetting, message: "invalid setting \(name): \(reason)")
    }

    public var description: String { message }
}
