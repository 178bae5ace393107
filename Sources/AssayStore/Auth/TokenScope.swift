/// What an API token may do. Each scope implies the ones below it: admin ⊃ write ⊃ read.
public enum TokenScope: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Read projects, runs, findings and status.
    case read
    /// Also create and change them, trigger runs.
    case write
    /// Also manage tokens, jobs and settings.
    case admin

    private var rank: Int {
        switch self {
        case .read: 0
        case .write: 1
        case .admin: 2
        }
    }

    public static func < (lhs: TokenScope, rhs: TokenScope) -> Bool {
        lhs.rank < rhs.rank
    }

    /// Whether holding this scope allows what `required` allows.
    public func allows(_ required: TokenScope) -> Bool {
        self >= required
    }
}
