import Foundation

/// One HTTP header, as a request sends it or a response brings it.
public struct WireHeader: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension [WireHeader] {
    /// The first value of a header (names compare case-insensitively).
    public func value(of name: String) -> String? {
        first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}
