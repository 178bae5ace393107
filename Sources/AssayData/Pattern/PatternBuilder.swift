/// One attempt at building a match: walks the program, giving each node an exact length
/// to fill, and records what the final check must confirm (anchors, lookaheads).
struct PatternBuilder {
    let program: PatternProgram
    private(set) var output: [Unicode.Scalar] = []
    /// For each output scalar, the set it was drawn from (`nil` for literals and
    /// backreferences), so a lookahead can be met by redrawing one scalar.
    private var sources: [ScalarSet?] = []
    private var captures: [Int: [Unicode.Scalar]] = [:]
    /// What the next drawn scalar should belong to (from `\b`, `\B`, `(?=x)`, `(?!x)`).
    private var pending: ScalarSet?
    private var requirements: [(position: Int, skip: ScalarSet, target: ScalarSet, negative: Bool)] = []
    /// Whether a `^` was met at the start (no text may go before the match).
    private(set) var usedStart = false
    /// Where `$` assertions were met; each must end up at the end of the input.
    private var endPositions: [Int] = []
    /// Set when a `^` was met after some text: this attempt cannot match.
    private(set) var broken = false

    init(program: PatternProgram) {
        self.program = program
    }

    /// Whether a `$` was met (no text may go after the match).
    var usedEnd: Bool { !endPositions.isEmpty }

    /// Builds a match of length `target` (as near as the pattern allows).
    mutating func build(target: Int, random: inout SeededRandom) {
        emit(program.root, target: target, random: &random)
        if endPositions.contains(where: { $0 != output.count }) { broken = true }
        satisfyLookaheads(random: &random)
    }

    // MARK: - Nodes

    private mutating func emit(_ index: Int, target: Int, random: inout SeededRandom) {
        switch program.ops[index] {
        case .empty:
            break
        case .lookbehind(let body, let single, let negative):
            lookbehind(body, single: single, negative: negative, random: &random)
        case .literal(let scalar):
            append(scalar, source: nil)
        case .set(let pool):
            guard !pool.set.isEmpty else {
                // `[]` or `[^\s\S]`: nothing can match here.
                broken = true
                return
            }
            if let pending {
                let narrowed = pool.set.intersection(pending)
                if !narrowed.isEmpty {
                    append(narrowed.readableMember(&random), source: pool.set)
                    return
                }
            }
            append(pool.pick(&random), source: pool.set)
        case .sequence(let children, let restMin, let restMax):
            let start = output.count
            let plan = distribute(target, over: children.map { program.lengths[$0] }, random: &random)
            for (position, child) in children.enumerated() {
                let length = program.lengths[child]
                let remaining = target - (output.count - start)
                // Keep to the plan, unless an earlier part (a backreference) came out
                // another length and this part must make up for it.
                var low = max(length.min, restMax[position].map { PatternNode.saturatingSubtract(remaining, $0) } ?? .min)
                var high = min(length.max ?? .max, PatternNode.saturatingSubtract(remaining, restMin[position]))
                if low > high {
                    low = length.min
                    high = length.max ?? .max
                }
                emit(child, target: min(max(plan[position], low), high), random: &random)
            }
        case .alternation(let children):
            let fitting = children.filter { program.lengths[$0].contains(target) }
            if !fitting.isEmpty {
                emit(random.pick(fitting), target: target, random: &random)
            } else {
                // No alternative has this length. Falling short is better than overshooting:
                // later parts, or padding around an unanchored match, can make up the rest.
                let shorter = children.filter { (program.lengths[$0].max ?? .max) < target }
                let longest = shorter.map { program.lengths[$0].max ?? 0 }.max()
                let closest: [Int]
                if let longest {
                    closest = shorter.filter { program.lengths[$0].max == longest }
                } else {
                    let nearest = children.map { program.lengths[$0].distance(to: target) }.min() ?? 0
                    closest = children.filter { program.lengths[$0].distance(to: target) == nearest }
                }
                let child = random.pick(closest)
                emit(child, target: clamp(target, program.lengths[child]), random: &random)
            }
        case .group(let child, let capture):
            let start = output.count
            emit(child, target: target, random: &random)
            if let capture { captures[capture] = Array(output[start...]) }
        case .repetition(let child, let low, let high):
            repeatChild(child, low: low, high: high, target: target, random: &random)
        case .assertion(let assertion):
            assert(assertion)
        case .backreference(let number):
            for scalar in captures[number] ?? [] { append(scalar, source: nil) }
        case .lookahead(let hint, let negative):
            switch hint {
            case .next(let set):
                let wanted = negative ? set.inverted : set
                pending = pending.map { $0.intersection(wanted) } ?? wanted
            case .contains(let skip, let target):
                requirements.append((output.count, skip, target, negative))
            case .other:
                break
            }
        }
    }

    private mutating func repeatChild(_ child: Int, low: Int, high: Int?, target: Int, random: inout SeededRandom) {
        let length = program.lengths[child]
        var count: Int
        if length.max == 0 || target == 0 {
            // Repeating something empty adds nothing; once is enough to take any captures.
            count = length.max == 0 ? min(low, 1) : low
        } else {
            var fewest = low
            if let most = length.max { fewest = max(fewest, target / most + (target % most == 0 ? 0 : 1)) }
            var most = high ?? .max
            if length.min > 0 { most = min(most, target / length.min) }
            if fewest <= most {
                // Few, fuller repetitions read better than many short ones.
                let spread = min(most - fewest, 3)
                count = fewest + random.index(spread + 1)
            } else {
                // No count reaches the target exactly: fall short rather than overshoot.
                count = most >= low ? most : low
            }
        }
        // Beyond `target` repetitions, ones that may be empty add nothing (think `(a?){1000000}`).
        if length.min == 0 { count = min(count, max(target, 1)) }
        let shares = distribute(target, over: [PatternLength](repeating: length, count: count), random: &random)
        for share in shares {
            emit(child, target: share, random: &random)
        }
    }

    private mutating func assert(_ assertion: PatternAssertion) {
        switch assertion {
        case .start:
            if output.isEmpty { usedStart = true } else { broken = true }
        case .end:
            endPositions.append(output.count)
        case .wordBoundary, .notWordBoundary:
            let previousIsWord = output.last.map { ScalarSet.word.contains($0) } ?? false
            let nextIsWord = (assertion == .wordBoundary) != previousIsWord
            let wanted = nextIsWord ? ScalarSet.word : ScalarSet.word.inverted
            pending = pending.map { $0.intersection(wanted) } ?? wanted
        }
    }

    /// At the start of the match a positive lookbehind's text can simply come first (the
    /// pattern is unanchored there); after text, a one-character lookbehind redraws the
    /// scalar before it if that scalar came from a set.
    private mutating func lookbehind(_ body: Int, single: ScalarSet?, negative: Bool, random: inout SeededRandom) {
        if output.isEmpty {
            if !negative, !usedStart { emit(body, target: program.lengths[body].min, random: &random) }
            return
        }
        guard let single, let last = output.last, single.contains(last) == negative, let source = sources[sources.count - 1] else { return }
        let allowed = negative ? source.subtracting(single) : source.intersection(single)
        if !allowed.isEmpty { output[output.count - 1] = allowed.readableMember(&random) }
    }

    private mutating func append(_ scalar: Unicode.Scalar, source: ScalarSet?) {
        output.append(scalar)
        sources.append(source)
        pending = nil
    }

    // MARK: - Lengths

    /// Splits `total` into one share per part, each within its part's bounds: every part
    /// gets its minimum, and the rest goes out in random portions.
    private func distribute(_ total: Int, over parts: [PatternLength], random: inout SeededRandom) -> [Int] {
        var shares = parts.map(\.min)
        var slack = total - shares.reduce(0, PatternNode.saturatingAdd)
        guard slack > 0 else { return shares }
        var open = parts.indices.filter { index in parts[index].max.map { $0 > parts[index].min } ?? true }
        while slack > 0, !open.isEmpty {
            let pick = random.index(open.count)
            let part = open[pick]
            let room = parts[part].max.map { $0 - shares[part] } ?? .max
            let portion = min(room, 1 + random.index(slack))
            shares[part] += portion
            slack -= portion
            if portion == room {
                open.swapAt(pick, open.count - 1)
                open.removeLast()
            }
        }
        return shares
    }

    private func clamp(_ value: Int, _ length: PatternLength) -> Int {
        min(max(value, length.min), length.max ?? .max)
    }

    // MARK: - Lookaheads

    /// Meets each `(?=.*x)` not yet met by redrawing one later scalar whose set allows an
    /// `x`, and each `(?!.*x)` by redrawing the `x`s it would find.
    private mutating func satisfyLookaheads(random: inout SeededRandom) {
        var locked = Set<Int>()
        for requirement in requirements {
            var reachable: [Int] = []
            var position = requirement.position
            while position < output.count {
                reachable.append(position)
                if !requirement.skip.contains(output[position]) { break }
                position += 1
            }
            if requirement.negative {
                for position in reachable where requirement.target.contains(output[position]) {
                    guard let source = sources[position], !locked.contains(position) else { continue }
                    let allowed = source.subtracting(requirement.target)
                    guard !allowed.isEmpty else { continue }
                    output[position] = allowed.readableMember(&random)
                    locked.insert(position)
                }
                continue
            }
            if reachable.contains(where: { requirement.target.contains(output[$0]) }) {
                if let hit = reachable.first(where: { requirement.target.contains(output[$0]) }) { locked.insert(hit) }
                continue
            }
            // Any position from the lookahead on will do, as long as the scalars before it
            // stay within `skip` (redrawn scalars keep to their own sets).
            var candidates: [Int] = []
            var index = requirement.position
            while index < output.count {
                if let source = sources[index], !locked.contains(index), !source.intersection(requirement.target).isEmpty {
                    candidates.append(index)
                }
                if !requirement.skip.contains(output[index]) { break }
                index += 1
            }
            guard !candidates.isEmpty else { continue }
            let chosen = random.pick(candidates)
            if let source = sources[chosen] {
                output[chosen] = source.intersection(requirement.target).readableMember(&random)
                locked.insert(chosen)
            }
        }
    }
}
