import AssayCore

/// Strings that match a JSON Schema `pattern` (an ECMA-262 regular expression in unicode
/// mode, unanchored: it may match anywhere in the string).
///
/// The pattern is parsed once into a tree whose nodes know their shortest and longest
/// match; a requested length is split among the nodes (repetition counts, alternatives)
/// so the result lands in range without blind retries. Constructs the direct build cannot
/// guarantee (lookarounds, `\b`, backreferences, `^` or `$` in odd places) are steered
/// where the shape is simple and otherwise met by a bounded number of fresh attempts.
/// Every string returned has been checked with ``JSONSchemaValidator/patternMatches(_:_:)``.
///
/// The value is cheap to copy and safe to share; hold one per pattern (the schema
/// generator caches them) rather than parsing the same pattern again.
public struct PatternGenerator: Sendable {
    /// The pattern as given.
    public let pattern: String
    let program: PatternProgram
    /// The match's own bounds, narrowed by a leading `(?=.{a,b}$)`.
    let matchLength: PatternLength
    let anchoredAtStart: Bool
    let anchoredAtEnd: Bool
    /// The lookarounds, `\b` and backreferences the pattern holds, for error messages.
    let constraints: [String]

    /// The longest match this generator will build; longer minimums are reported, not built.
    static let lengthLimit = 1_000_000
    /// Attempts before `generate` gives up on constraints it could not meet.
    static let attempts = 64

    /// Parses `pattern`; throws `DataError(.unsupportedPattern, …)` naming the offset and
    /// the construct for a syntax error or a construct it cannot generate.
    public init(_ pattern: String) throws(DataError) {
        self.pattern = pattern
        var parser = PatternParser(pattern)
        let (node, _) = try parser.parse()
        guard pattern.isEmpty || JSONSchemaValidator.patternMatches(pattern, "") != nil else {
            throw DataError(
                .unsupportedPattern,
                "pattern \(PatternParser.quoted(pattern)) is not accepted by the validator's regular-expression engine, so no string could be checked against it",
                details: ["construct: the whole pattern (ICU rejects it)"]
            )
        }
        program = PatternProgram(node)
        var length = program.lengths[program.root]
        if let limit = PatternProgram.leadingLengthLimit(node) {
            length.min = max(length.min, limit.min)
            length.max = [length.max, limit.max].compactMap { $0 }.min()
        }
        matchLength = length
        anchoredAtStart = node.isAnchoredAtStart || PatternProgram.leadingLengthLimit(node) != nil
        anchoredAtEnd = node.isAnchoredAtEnd
        constraints = node.constraintNames
    }

    /// The shortest and longest strings the pattern matches, in Unicode scalars (`nil`
    /// max = unbounded). A pattern not anchored at both ends matches inside longer text,
    /// so its maximum is unbounded; backreferences and lookarounds are estimated.
    public var lengthBounds: (min: Int, max: Int?) {
        (matchLength.min, anchoredAtStart && anchoredAtEnd ? matchLength.max : nil)
    }

    /// A string the pattern matches, whose length (in Unicode scalars, as JSON Schema
    /// counts `minLength`/`maxLength`) lies in `length` when that is possible; otherwise
    /// a matching string as close to the range as the pattern allows.
    ///
    /// Verified with `JSONSchemaValidator.patternMatches` before it is returned; throws
    /// `DataError(.unsupportedPattern)` naming the construct when the attempts run out.
    public func generate(using random: inout SeededRandom, length: ClosedRange<Int>? = nil) throws(DataError) -> String {
        if matchLength.min > Self.lengthLimit {
            throw DataError(
                .unsupportedPattern,
                "pattern \(PatternParser.quoted(pattern)) needs at least \(matchLength.min) characters, more than the \(Self.lengthLimit) it will build",
                details: ["construct: a repetition with a very large minimum"]
            )
        }
        let wanted = length ?? 0...Int.max
        var fallback: String?
        var misplacedAnchors = 0
        for attempt in 0..<Self.attempts {
            let outcome = attemptMatch(wanted: wanted, attempt: attempt, random: &random)
            guard case .match(let candidate) = outcome else {
                if case .misplacedAnchor = outcome { misplacedAnchors += 1 }
                continue
            }
            let count = candidate.unicodeScalars.count
            if wanted.contains(count) { return candidate }
            // Keep the closest matching string in case the range cannot be reached.
            if fallback.map({ distance($0.unicodeScalars.count, wanted) > distance(count, wanted) }) ?? true {
                fallback = candidate
            }
            if attempt >= 8, fallback != nil, !canReach(wanted) { break }
        }
        if let fallback { return fallback }
        let named: String
        if misplacedAnchors == Self.attempts {
            let delimited = pattern.hasPrefix("/") && pattern.hasSuffix("/") && pattern.count > 1
            named = "a ^ or $ that is not at the start or end of the input" + (delimited ? " (the pattern is written with JavaScript-style /…/ delimiters, which JSON Schema does not use)" : "")
        } else if constraints.isEmpty {
            named = "the pattern as the validator's engine (ICU) reads it, which differs here (ICU-only syntax such as && in a class?)"
        } else {
            named = constraints.joined(separator: ", ")
        }
        throw DataError(
            .unsupportedPattern,
            "no string matching \(PatternParser.quoted(pattern)) was found in \(Self.attempts) attempts: could not satisfy \(named)",
            details: ["construct: \(named)"] + (length.map { ["length \($0.lowerBound)...\($0.upperBound)"] } ?? [])
        )
    }

    /// One build: a target length, the match, padding if the range asks for more than
    /// the match can hold, and the check.
    private func attemptMatch(wanted: ClosedRange<Int>, attempt: Int, random: inout SeededRandom) -> Outcome {
        var builder = PatternBuilder(program: program)
        builder.build(target: chooseTarget(wanted, random: &random), random: &random)
        guard !builder.broken else { return .misplacedAnchor }
        var scalars = builder.output
        let short = wanted.lowerBound - scalars.count
        if short > 0, short <= Self.lengthLimit {
            let canPrefix = !anchoredAtStart && !builder.usedStart
            let canSuffix = !anchoredAtEnd && !builder.usedEnd
            // Later attempts pad with spaces, which leave `\b` at the edges intact.
            let filler = attempt % 2 == 0 ? ScalarSet.alphanumericASCII : ScalarSet(" ")
            let padding = (0..<short).map { _ in filler.randomMember(&random) }
            if canSuffix {
                scalars += padding
            } else if canPrefix {
                scalars = padding + scalars
            }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return matches(text) ? .match(text) : .rejected
    }

    private enum Outcome {
        case match(String)
        /// A `^` after text, a `$` before it, or an empty class.
        case misplacedAnchor
        /// The matcher said no (an unmet lookaround, `\b`, …).
        case rejected
    }

    /// The length to build: inside both the range and the pattern's bounds, and short
    /// (a few scalars past the minimum) when the range leaves room.
    private func chooseTarget(_ wanted: ClosedRange<Int>, random: inout SeededRandom) -> Int {
        var low = max(wanted.lowerBound, matchLength.min)
        let high = min(wanted.upperBound, matchLength.max ?? .max)
        guard low <= high else {
            // The range is out of the match's reach: build the nearest match, and pad it if
            // the range wants more.
            return wanted.lowerBound > (matchLength.max ?? .max) ? (matchLength.max ?? matchLength.min) : matchLength.min
        }
        // An empty match is valid but says little; prefer some text.
        if low == 0, high > 0, random.chance(0.9) { low = 1 }
        return low + random.index(min(high - low, 12) + 1)
    }

    /// Whether the pattern matches `text`, by the validator's engine (which rejects the
    /// empty pattern that JSON Schema reads as matching everything).
    func matches(_ text: String) -> Bool {
        pattern.isEmpty || JSONSchemaValidator.patternMatches(pattern, text) == true
    }

    /// Whether some string the pattern matches could have a length in `wanted`.
    private func canReach(_ wanted: ClosedRange<Int>) -> Bool {
        let bounds = lengthBounds
        return wanted.upperBound >= bounds.min && wanted.lowerBound <= (bounds.max ?? .max)
    }

    private func distance(_ count: Int, _ range: ClosedRange<Int>) -> Int {
        count < range.lowerBound ? range.lowerBound - count : max(0, count - range.upperBound)
    }
}
