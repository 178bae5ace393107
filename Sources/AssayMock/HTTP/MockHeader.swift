/// One HTTP header field, as it travels: a name (compared without regard to case) and a value.
public struct MockHeader: Sendable, Hashable {
    public var name: String
    public var value: String

    /// Creates a header field.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension [MockHeader] {
    /// The value of the first field named `name`, compared without regard to case.
    public func value(of name: String) -> String? {
        let lowered = name.lowercased()
        return first { $0.name.lowercased() == lowered }?.value
    }

    /// Every value of the fields named `name`, in order.
    public func values(of name: String) -> [String] {
        let lowered = name.lowercased()
        return filter { $0.name.lowercased() == lowered }.map(\.value)
    }
}
