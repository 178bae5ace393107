/// A path template as descriptions write it, in its parts: the path proper, query pairs
/// fixed into it (`/published/{project}?view=status`), and a fragment that tells operations
/// of one path apart (AWS: `/tagging#Operation=Tag&Resource`, `/#X-Amz-Target=Service.Action`).
///
/// A fragment is never part of a URL sent (HTTP clients drop it), so it never takes part in
/// routing by path: it only names query parameters or headers (with a value, or just
/// present) that choose among the path's operations. One reading of these parts for the
/// planner, the runner and the mock.
public struct PathTemplateParts: Sendable, Hashable {
    /// The path proper: `/tagging`.
    public var path: Substring
    /// What follows `?` up to the fragment, when the template has it: `view=status`.
    public var fixedQuery: Substring?
    /// What follows `#`, when the template has it: `Operation=Tag&Resource`.
    public var fragment: Substring?

    public init(_ template: String) {
        var rest = Substring(template)
        if let hash = rest.firstIndex(of: "#") {
            fragment = rest[rest.index(after: hash)...]
            rest = rest[..<hash]
        }
        if let mark = rest.firstIndex(of: "?") {
            fixedQuery = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        path = rest
    }

    /// The template without its fragment: what a request's path (and fixed query) is made of.
    public var sent: String {
        String(path) + (fixedQuery.map { "?" + $0 } ?? "")
    }

    /// The fragment's conditions: `Operation=Tag&Resource` → (`Operation`, `Tag`), (`Resource`, nil).
    public var fragmentConditions: [(name: String, value: String?)] {
        (fragment ?? "").split(separator: "&").map { condition in
            guard let equals = condition.firstIndex(of: "=") else { return (String(condition), nil) }
            return (String(condition[..<equals]), String(condition[condition.index(after: equals)...]))
        }
    }

    /// The names the template fixes itself, lower-cased: those of its fixed query pairs and of
    /// its fragment's conditions. A request always carries these, whatever its parameters say.
    public var fixedNames: Set<String> {
        let pairs = (fixedQuery ?? "").split(separator: "&") + (fragment ?? "").split(separator: "&")
        return Set(pairs.map { String($0.prefix { $0 != "=" }).lowercased() })
    }
}
