/// A parsed ECMA-262 pattern, as a tree the generator walks.
indirect enum PatternNode: Sendable {
    /// Matches the empty string.
    case empty
    /// One scalar from the set (a literal is a one-member set, kept apart for readability).
    case literal(Unicode.Scalar)
    case set(ScalarSet)
    case sequence([PatternNode])
    case alternation([PatternNode])
    /// A group; `capture` is its 1-based capture number, `nil` for `(?:…)`.
    case group(PatternNode, capture: Int?)
    /// `node{min,max}`; `max == nil` is unbounded. Lazy and greedy match the same strings.
    case repetition(PatternNode, min: Int, max: Int?)
    case assertion(PatternAssertion)
    /// `\1`, `\k<name>`: the text the group captured last (empty if it has not matched).
    case backreference(Int)
    /// `(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`.
    case lookaround(PatternNode, behind: Bool, negative: Bool)
}

/// The zero-width assertions other than lookarounds.
enum PatternAssertion: Sendable, Hashable {
    case start
    case end
    case wordBoundary
    case notWordBoundary
}

/// Shortest and longest lengths, in scalars; `max == nil` is unbounded.
struct PatternLength: Sendable, Hashable {
    var min: Int
    var max: Int?

    static let zero = PatternLength(min: 0, max: 0)
    static let one = PatternLength(min: 1, max: 1)

    func contains(_ length: Int) -> Bool {
        length >= min && length <= (max ?? .max)
    }

    /// Distance from `length` to the nearest length in bounds (0 inside).
    func distance(to length: Int) -> Int {
        if length < min { return min - length }
        if let max, length > max { return length - max }
        return 0
    }
}

extension PatternNode {
    /// How long a match of this node can be. Backreferences count as the group they name
    /// (`groups` maps capture numbers to their bodies' lengths).
    func length(groups: [Int: PatternLength]) -> PatternLength {
        switch self {
        case .empty, .assertion, .lookaround: return .zero
        case .literal, .set: return .one
        case .sequence(let nodes):
            var total = PatternLength.zero
            for node in nodes {
                let part = node.length(groups: groups)
                total.min = Self.saturatingAdd(total.min, part.min)
                total.max = total.max.flatMap { sum in part.max.map { Self.saturatingAdd(sum, $0) } }
            }
            return total
        case .alternation(let nodes):
            let parts = nodes.map { $0.length(groups: groups) }
            let low = parts.map(\.min).min() ?? 0
            let high = parts.contains { $0.max == nil } ? nil : parts.compactMap(\.max).max() ?? 0
            return PatternLength(min: low, max: high)
        case .group(let node, _):
            return node.length(groups: groups)
        case .repetition(let node, let low, let high):
            let part = node.length(groups: groups)
            let minimum = Self.saturatingMultiply(part.min, low)
            guard let high else { return PatternLength(min: minimum, max: part.max == 0 ? 0 : nil) }
            return PatternLength(min: minimum, max: part.max.map { Self.saturatingMultiply($0, high) })
        case .backreference(let number):
            // The group may not have taken part in the match, and then the reference is empty.
            let group = groups[number] ?? .zero
            return PatternLength(min: 0, max: group.max)
        }
    }

    /// The capture groups' lengths by number, for ``length(groups:)``.
    func groupLengths() -> [Int: PatternLength] {
        var groups: [Int: PatternLength] = [:]
        collectGroups(into: &groups)
        return groups
    }

    private func collectGroups(into groups: inout [Int: PatternLength]) {
        switch self {
        case .group(let node, let capture):
            node.collectGroups(into: &groups)
            if let capture { groups[capture] = node.length(groups: groups) }
        case .sequence(let nodes), .alternation(let nodes):
            for node in nodes { node.collectGroups(into: &groups) }
        case .repetition(let node, _, _), .lookaround(let node, _, _):
            node.collectGroups(into: &groups)
        case .empty, .literal, .set, .assertion, .backreference:
            break
        }
    }

    /// Whether every match of this node starts at the start of the input (`^…`), so no
    /// text can be put before it.
    var isAnchoredAtStart: Bool {
        switch self {
        case .assertion(.start): return true
        case .group(let node, _): return node.isAnchoredAtStart
        case .lookaround(let node, let behind, let negative): return !behind && !negative && node.isAnchoredAtStart
        case .alternation(let nodes): return !nodes.isEmpty && nodes.allSatisfy(\.isAnchoredAtStart)
        case .repetition(let node, let low, _): return low > 0 && node.isAnchoredAtStart
        case .sequence(let nodes):
            for node in nodes {
                if node.isAnchoredAtStart { return true }
                if node.length(groups: [:]).min > 0 { return false }
            }
            return false
        default: return false
        }
    }

    /// Whether every match of this node ends at the end of the input (`…$`).
    var isAnchoredAtEnd: Bool {
        switch self {
        case .assertion(.end): return true
        case .group(let node, _): return node.isAnchoredAtEnd
        case .lookaround(let node, let behind, let negative): return !behind && !negative && node.isAnchoredAtEnd
        case .alternation(let nodes): return !nodes.isEmpty && nodes.allSatisfy(\.isAnchoredAtEnd)
        case .repetition(let node, let low, _): return low > 0 && node.isAnchoredAtEnd
        case .sequence(let nodes):
            for node in nodes.reversed() {
                if node.isAnchoredAtEnd { return true }
                if node.length(groups: [:]).min > 0 { return false }
            }
            return false
        default: return false
        }
    }

    /// Whether the node holds a construct the direct construction cannot guarantee
    /// (lookarounds, word boundaries, backreferences), named for error messages.
    var constraintNames: [String] {
        var names: [String] = []
        collectConstraintNames(into: &names)
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    private func collectConstraintNames(into names: inout [String]) {
        switch self {
        case .assertion(.wordBoundary): names.append("word boundary \\b")
        case .assertion(.notWordBoundary): names.append("non-boundary \\B")
        case .backreference: names.append("backreference")
        case .lookaround(let node, let behind, let negative):
            names.append(behind ? (negative ? "negative lookbehind (?<!…)" : "lookbehind (?<=…)") : (negative ? "negative lookahead (?!…)" : "lookahead (?=…)"))
            node.collectConstraintNames(into: &names)
        case .group(let node, _), .repetition(let node, _, _): node.collectConstraintNames(into: &names)
        case .sequence(let nodes), .alternation(let nodes):
            for node in nodes { node.collectConstraintNames(into: &names) }
        case .empty, .literal, .set, .assertion: break
        }
    }

    static func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    static func saturatingSubtract(_ a: Int, _ b: Int) -> Int {
        let (difference, overflow) = a.subtractingReportingOverflow(b)
        return overflow ? (b > 0 ? .min : .max) : difference
    }

    static func saturatingMultiply(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? .max : product
    }
}
