import AssayCore

/// A path template of the description (`/pets/{petId}`, `/files/{name}.{ext}`) that matches
/// concrete request paths and names the values of its variables.
struct PathTemplate: Sendable, Hashable {
    /// One `/`-separated segment: literal text and variables.
    enum Piece: Sendable, Hashable {
        case literal(String)
        case variable(String)
    }

    let template: String
    let segments: [[Piece]]
    /// Query pairs written into the template (`/worker?cmd=checkconstraints`): a request
    /// matches only with them.
    let fixedQuery: [(name: String, value: String)]
    /// What a fragment tells operations on one path apart by (AWS writes
    /// `/tagging#Operation=Tag&Resource` and `/#X-Amz-Target=Service.Action`): a query
    /// parameter or header by name, with the value when one is given. Never part of a URL
    /// sent, so never part of the match: it only chooses among the path's operations.
    let fragment: [(name: String, value: String?)]

    init(_ template: String) {
        self.template = template
        let parts = PathTemplateParts(template)
        segments = Self.split(String(parts.path)).map(Self.pieces)
        fixedQuery = parts.fixedQuery.map { FormEncoding.pairs(String($0)) } ?? []
        fragment = parts.fragmentConditions
    }

    /// Whether a request's query and headers hold what the fragment names.
    func acceptsFragment(query: [(name: String, value: String)], headers: [MockHeader]) -> Bool {
        fragment.allSatisfy { condition in
            query.contains { $0.name == condition.name && (condition.value == nil || $0.value == condition.value) }
                || headers.contains { $0.name.lowercased() == condition.name.lowercased() && (condition.value == nil || $0.value == condition.value) }
        }
    }

    static func == (lhs: PathTemplate, rhs: PathTemplate) -> Bool {
        lhs.template == rhs.template
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(template)
    }

    /// Whether the request's query holds the template's fixed pairs.
    func acceptsQuery(_ query: [(name: String, value: String)]) -> Bool {
        fixedQuery.allSatisfy { pair in query.contains { $0.name == pair.name && $0.value == pair.value } }
    }

    /// The segments of a path: `/a/b/` → `a`, `b` (a trailing slash does not count).
    static func split(_ path: String) -> [Substring] {
        var segments = Array(path.split(separator: "/", omittingEmptySubsequences: false).dropFirst(path.hasPrefix("/") ? 1 : 0))
        while segments.last?.isEmpty == true { segments.removeLast() }
        return segments
    }

    private static func pieces(_ segment: Substring) -> [Piece] {
        var pieces: [Piece] = []
        var literal = ""
        var variable: String?
        for character in segment {
            if character == "{" && variable == nil {
                if !literal.isEmpty { pieces.append(.literal(literal)) }
                literal = ""
                variable = ""
            } else if character == "}", let name = variable {
                pieces.append(.variable(name))
                variable = nil
            } else if variable != nil {
                variable?.append(character)
            } else {
                literal.append(character)
            }
        }
        if let variable { literal += "{" + variable }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        return pieces
    }

    /// How specific the template is, segment by segment: a literal segment (2) beats one
    /// mixing text and variables (1), which beats a lone variable (0). OpenAPI matches
    /// concrete paths before templated ones.
    var specificity: [Int] {
        segments.map { pieces in
            if pieces.allSatisfy({ if case .literal = $0 { return true } else { return false } }) { return 2 }
            return pieces.count == 1 ? 0 : 1
        } + [fixedQuery.count]
    }

    /// The shape of the template: its segments with every variable as `{}`. Templates of
    /// one shape (`/pets/{id}` and `/pets/{petId}/`) name the same paths.
    var shape: String {
        segments.map { pieces in
            pieces.map { piece -> String in
                switch piece {
                case .literal(let text): return text
                case .variable: return "{}"
                }
            }.joined()
        }.joined(separator: "/") + (fixedQuery.isEmpty ? "" : "?" + fixedQuery.map { "\($0.name)=\($0.value)" }.joined(separator: "&"))
    }

    /// Every way the variables can take the segments' (percent-decoded) text, in order
    /// (a variable next to another takes the shortest text first); empty when the path
    /// does not match. At most `limit` ways.
    func matches(_ decoded: [String], limit: Int = 32) -> [[String: String]] {
        guard decoded.count == segments.count else { return [] }
        var results: [[String: String]] = [[:]]
        for (pieces, text) in zip(segments, decoded) {
            let ways = Self.matches(pieces[...], Substring(text), limit: limit)
            guard !ways.isEmpty else { return [] }
            var next: [[String: String]] = []
            for result in results {
                for way in ways where next.count < limit {
                    next.append(result.merging(way) { first, _ in first })
                }
            }
            results = next
        }
        return results
    }

    /// The ways one segment matches: literals exactly, variables to at least one character.
    private static func matches(_ pieces: ArraySlice<Piece>, _ text: Substring, limit: Int) -> [[String: String]] {
        guard let first = pieces.first else { return text.isEmpty ? [[:]] : [] }
        switch first {
        case .literal(let literal):
            guard text.hasPrefix(literal) else { return [] }
            return matches(pieces.dropFirst(), text.dropFirst(literal.count), limit: limit)
        case .variable(let name):
            if pieces.count == 1 { return text.isEmpty ? [] : [[name: String(text)]] }
            guard !text.isEmpty else { return [] }
            var results: [[String: String]] = []
            var end = text.index(after: text.startIndex)
            while results.count < limit {
                for var rest in matches(pieces.dropFirst(), text[end...], limit: limit) where results.count < limit {
                    rest[name] = String(text[..<end])
                    results.append(rest)
                }
                guard end < text.endIndex else { break }
                end = text.index(after: end)
            }
            return results
        }
    }
}
