import Foundation

/// Why a plan cannot be run at all (as opposed to a case failing).
public struct RunError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// The base URL is not an absolute http(s) URL.
        case badBaseURL = "bad-base-url"
        /// The target resolves to a private or loopback address and that was not allowed.
        case blockedAddress = "blocked-address"
        /// The target could not be reached at all.
        case unreachable
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
