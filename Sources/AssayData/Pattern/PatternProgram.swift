/// A parsed pattern flattened into an array, each node with its length bounds worked out
/// once, so generation never recomputes them.
struct PatternProgram: Sendable {
    enum Op: Sendable {
        case empty
        case literal(Unicode.Scalar)
        case set(ReadablePool)
        /// Children and, per child, the shortest and longest total of the children after it.
        case sequence([Int], restMin: [Int], restMax: [Int?])
        case alternation([Int])
        case group(Int, capture: Int?)
        case repetition(Int, min: Int, max: Int?)
        case assertion(PatternAssertion)
        case backreference(Int)
        case lookahead(LookaheadHint, negative: Bool)
        /// A lookbehind: its body, and the set when the body is a single character.
        case lookbehind(Int, single: ScalarSet?, negative: Bool)
    }

    /// The shapes of lookahead the builder can steer towards directly; anything else is
    /// left to the final check and retries.
    enum LookaheadHint: Sendable {
        /// `(?=[A-Z])`: the next scalar is in the set.
        case next(ScalarSet)
        /// `(?=.*\d)`: after a run of `skip` scalars comes one in `target`.
        case contains(skip: ScalarSet, target: ScalarSet)
        case other
    }

    private(set) var ops: [Op] = []
    private(set) var lengths: [PatternLength] = []
    private(set) var root = 0

    init(_ node: PatternNode) {
        let groups = node.groupLengths()
        root = add(node, groups: groups)
    }

    private mutating func add(_ node: PatternNode, groups: [Int: PatternLength]) -> Int {
        let op: Op
        switch node {
        case .empty: op = .empty
        case .literal(let scalar): op = .literal(scalar)
        case .set(let set): op = .set(ReadablePool(set))
        case .sequence(let nodes):
            let children = nodes.map { add($0, groups: groups) }
            var restMin = [Int](repeating: 0, count: children.count)
            var restMax = [Int?](repeating: 0, count: children.count)
            var runningMin = 0
            var runningMax: Int? = 0
            for index in children.indices.reversed() {
                restMin[index] = runningMin
                restMax[index] = runningMax
                let length = lengths[children[index]]
                runningMin = PatternNode.saturatingAdd(runningMin, length.min)
                runningMax = runningMax.flatMap { sum in length.max.map { PatternNode.saturatingAdd(sum, $0) } }
            }
            op = .sequence(children, restMin: restMin, restMax: restMax)
        case .alternation(let nodes): op = .alternation(nodes.map { add($0, groups: groups) })
        case .group(let body, let capture): op = .group(add(body, groups: groups), capture: capture)
        case .repetition(let body, let low, let high): op = .repetition(add(body, groups: groups), min: low, max: high)
        case .assertion(let assertion): op = .assertion(assertion)
        case .backreference(let number): op = .backreference(number)
        case .lookaround(let body, let behind, let negative):
            if behind {
                op = .lookbehind(add(body, groups: groups), single: Self.singleSet(Self.unwrapped(body)), negative: negative)
            } else {
                op = .lookahead(Self.hint(body), negative: negative)
            }
        }
        ops.append(op)
        lengths.append(node.length(groups: groups))
        return ops.count - 1
    }

    private static func hint(_ node: PatternNode) -> LookaheadHint {
        let node = unwrapped(node)
        if let set = singleSet(node) { return .next(set) }
        guard case .sequence(let parts) = node, parts.count >= 2 else { return .other }
        guard case .repetition(let repeated, 0, nil) = unwrapped(parts[0]), let skip = singleSet(unwrapped(repeated)),
            let target = singleSet(unwrapped(parts[1]))
        else { return .other }
        // Whatever follows must be able to match nothing, like the `.*` of `(?=.*\d.*)`.
        for part in parts.dropFirst(2) {
            guard case .repetition(_, 0, _) = unwrapped(part) else { return .other }
        }
        return .contains(skip: skip, target: target)
    }

    static func unwrapped(_ node: PatternNode) -> PatternNode {
        if case .group(let body, _) = node { return unwrapped(body) }
        return node
    }

    private static func singleSet(_ node: PatternNode) -> ScalarSet? {
        switch node {
        case .set(let set): return set
        case .literal(let scalar): return ScalarSet(scalar)
        default: return nil
        }
    }

    /// The lengths a `(?=^?.{a,b}$)` at the very start of the pattern allows the whole
    /// input (the usual way to bound a pattern's total length), `nil` when there is none.
    static func leadingLengthLimit(_ root: PatternNode) -> PatternLength? {
        let parts: [PatternNode]
        if case .sequence(let nodes) = unwrapped(root) { parts = nodes } else { parts = [root] }
        var limit: PatternLength?
        for part in parts {
            switch unwrapped(part) {
            case .assertion(.start): continue
            case .lookaround(let body, false, false):
                var inner: [PatternNode]
                if case .sequence(let nodes) = unwrapped(body) { inner = nodes } else { inner = [body] }
                if case .assertion(.start) = inner.first { inner.removeFirst() }
                guard inner.count == 2, case .assertion(.end) = inner[1],
                    case .repetition(let repeated, let low, let high) = unwrapped(inner[0]), singleSet(unwrapped(repeated)) != nil
                else { continue }
                let lower = max(limit?.min ?? 0, low)
                let upper = [limit?.max, high].compactMap { $0 }.min()
                limit = PatternLength(min: lower, max: upper)
            default:
                return limit
            }
        }
        return limit
    }
}
