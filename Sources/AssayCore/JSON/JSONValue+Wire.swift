extension JSONValue {
    /// The value as it travels in a path, query, header, cookie or form field: strings as
    /// they are, `null` as nothing, numbers and booleans (and anything else) as JSON text.
    /// The planner, the emitted suite, the runner and the mock all write and read this.
    public var wireText: String {
        switch self {
        case .string(let string): return string
        case .null: return ""
        default: return JSONWriter().string(self)
        }
    }
}
