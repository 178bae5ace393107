import AssayCore

extension PatternGenerator {
    /// A string that does NOT match the pattern (for negative test data), its length in
    /// `length` when possible; `nil` when every string matches (the empty pattern, `.*`)
    /// or none of the candidates tried escapes it. Verified with the matcher.
    ///
    /// Candidates, in order: a matching string with one scalar changed to another kind
    /// (a letter for a digit, punctuation for a letter), the same with one scalar dropped
    /// or added, runs of a single character, and random printable text.
    public func nonMatching(using random: inout SeededRandom, length: ClosedRange<Int>? = nil) -> String? {
        if matchesEverything { return nil }
        let wanted = length ?? 0...Int.max
        var outOfRange: String?
        func accept(_ scalars: [Unicode.Scalar]) -> String? {
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            guard JSONSchemaValidator.patternMatches(pattern, text) == false, !matches(text) else { return nil }
            if wanted.contains(scalars.count) { return text }
            if outOfRange == nil { outOfRange = text }
            return nil
        }

        // Near misses first: they exercise the validation a real client does.
        for _ in 0..<6 {
            guard let match = try? generate(using: &random, length: length), !match.isEmpty else { break }
            let scalars = Array(match.unicodeScalars)
            for _ in 0..<4 {
                let position = random.index(scalars.count)
                var changed = scalars
                changed[position] = Self.foreign(to: scalars[position], random: &random)
                if let found = accept(changed) { return found }
            }
            var shorter = scalars
            shorter.remove(at: random.index(scalars.count))
            if let found = accept(shorter) { return found }
            var longer = scalars
            longer.insert(Self.foreign(to: scalars[random.index(scalars.count)], random: &random), at: random.index(scalars.count + 1))
            if let found = accept(longer) { return found }
        }

        // Then text made of one character, at a length in range.
        let low = min(max(wanted.lowerBound, 0), Self.lengthLimit)
        let high = min(wanted.upperBound, low + 12)
        let size = low == 0 && high > 0 ? 1 + random.index(high) : low + random.index(high - low + 1)
        if low == 0, let found = accept([]) { return found }
        for character in Self.uniformCandidates {
            if let found = accept([Unicode.Scalar](repeating: character, count: size)) { return found }
        }
        for _ in 0..<16 {
            let text = (0..<size).map { _ in ScalarSet.printableASCII.randomMember(&random) }
            if let found = accept(text) { return found }
        }
        return outOfRange
    }

    /// Whether the pattern can match the empty string with nothing to check around it, so
    /// it matches every string.
    private var matchesEverything: Bool {
        guard matchLength.min == 0, constraints.isEmpty, !anchoredAtStart, !anchoredAtEnd else { return false }
        return matches("") && matches("\u{1}\n!~ Zz9é中")
    }

    private static let uniformCandidates: [Unicode.Scalar] = ["!", "~", " ", "-", "0", "a", "Z", "_", ".", "é", "中", "\n"]

    /// A scalar of another kind than `scalar`.
    private static func foreign(to scalar: Unicode.Scalar, random: inout SeededRandom) -> Unicode.Scalar {
        let kinds: [ScalarSet] = [ScalarSet.digits, ScalarSet([0x41...0x5A]), ScalarSet([0x61...0x7A]), ScalarSet(string: "!#%&*+,-./:;=?@_~ "), ScalarSet(string: "é中")]
        let others = kinds.filter { !$0.contains(scalar) }
        return random.pick(others).randomMember(&random)
    }
}
