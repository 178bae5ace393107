/// A recursive-descent parser for ECMA-262 patterns (unicode mode), lenient where the
/// validator's ICU engine is: identity escapes of any punctuation, a lone `]` or `}`,
/// `\A`, `\z`, `\Z`, `\x{…}`, possessive quantifiers and ICU's POSIX-like `\p` names.
struct PatternParser {
    private let pattern: String
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var nextCapture = 1
    /// Capture numbers by group name, from a first pass (a `\k<name>` may come first).
    private var names: [String: Int] = [:]
    private var captureCount = 0

    init(_ pattern: String) {
        self.pattern = pattern
        scalars = Array(pattern.unicodeScalars)
    }

    /// The tree of the whole pattern and its number of capture groups.
    mutating func parse() throws(DataError) -> (node: PatternNode, captures: Int) {
        scanGroups()
        let node = try disjunction()
        if position < scalars.count {
            // Only an unbalanced `)` stops the top-level disjunction early.
            throw failure("unmatched ')'")
        }
        return (node, captureCount)
    }

    // MARK: - Structure

    private mutating func disjunction() throws(DataError) -> PatternNode {
        var alternatives = [try alternative()]
        while peek == "|" {
            position += 1
            alternatives.append(try alternative())
        }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    private mutating func alternative() throws(DataError) -> PatternNode {
        var terms: [PatternNode] = []
        while let scalar = peek, scalar != "|", scalar != ")" {
            var atom = try term()
            atom = try quantified(atom)
            terms.append(atom)
        }
        switch terms.count {
        case 0: return .empty
        case 1: return terms[0]
        default: return .sequence(terms)
        }
    }

    private mutating func term() throws(DataError) -> PatternNode {
        let start = position
        guard let scalar = next() else { throw failure("unexpected end of pattern") }
        switch scalar {
        case "^": return .assertion(.start)
        case "$": return .assertion(.end)
        case ".": return .set(.dot)
        case "(": return try group(openedAt: start)
        case "[": return try characterClass(openedAt: start)
        case "\\": return try escape(openedAt: start)
        case "*", "+", "?":
            throw failure("nothing to repeat before '\(scalar)'", at: start)
        case "{":
            if quantifierBounds(at: start) != nil { throw failure("nothing to repeat before '{'", at: start) }
            throw failure("a lone '{' (escape it as \\{)", at: start)
        default:
            return .literal(scalar)
        }
    }

    private mutating func group(openedAt start: Int) throws(DataError) -> PatternNode {
        var capture: Int?
        var lookaround: (behind: Bool, negative: Bool)?
        if peek == "?" {
            position += 1
            switch next() {
            case ":": break
            case "=": lookaround = (false, false)
            case "!": lookaround = (false, true)
            case "<":
                if peek == "=" || peek == "!" {
                    lookaround = (true, next() == "!")
                } else {
                    _ = try groupName(openedAt: start)
                    capture = nextCapture
                    nextCapture += 1
                }
            default:
                throw failure("inline modifiers and other '(?' groups are not ECMA-262 (only (?:, (?=, (?!, (?<=, (?<! and (?<name>)", at: start)
            }
        } else {
            capture = nextCapture
            nextCapture += 1
        }
        let body = try disjunction()
        guard next() == ")" else { throw failure("unclosed group '('", at: start) }
        if let lookaround { return .lookaround(body, behind: lookaround.behind, negative: lookaround.negative) }
        return .group(body, capture: capture)
    }

    /// Reads `name>` after `(?<` or `\k<`.
    private mutating func groupName(openedAt start: Int) throws(DataError) -> String {
        var name = ""
        while let scalar = next() {
            if scalar == ">" {
                guard !name.isEmpty else { break }
                return name
            }
            guard scalar.properties.isAlphabetic || scalar == "_" || scalar == "$" || ("0"..."9").contains(scalar) else { break }
            name.unicodeScalars.append(scalar)
        }
        throw failure("malformed group name", at: start)
    }

    private mutating func quantified(_ atom: PatternNode) throws(DataError) -> PatternNode {
        let start = position
        guard let scalar = peek else { return atom }
        var bounds: (min: Int, max: Int?)
        switch scalar {
        case "*": bounds = (0, nil)
        case "+": bounds = (1, nil)
        case "?": bounds = (0, 1)
        case "{":
            guard let parsed = quantifierBounds(at: start) else {
                throw failure("a '{' that does not start a quantifier {n}, {n,} or {n,m} (escape it as \\{)", at: start)
            }
            bounds = (parsed.min, parsed.max)
            position = parsed.end
            if let max = parsed.max, max < parsed.min {
                throw failure("quantifier {\(parsed.min),\(max)} has its bounds out of order", at: start)
            }
        default:
            return atom
        }
        if scalar != "{" { position += 1 }
        // Lazy (`?`) and ICU's possessive (`+`) forms match the same strings for generation.
        if peek == "?" || peek == "+" { position += 1 }
        if let next = peek, next == "*" || next == "+" || next == "?" || (next == "{" && quantifierBounds(at: position) != nil) {
            throw failure("nothing to repeat before '\(next)'", at: position)
        }
        return .repetition(atom, min: bounds.min, max: bounds.max)
    }

    /// `{n}`, `{n,}` or `{n,m}` at `index`, with the index just past it.
    private func quantifierBounds(at index: Int) -> (min: Int, max: Int?, end: Int)? {
        var cursor = index + 1
        func number() -> Int? {
            var value: Int?
            while cursor < scalars.count, ("0"..."9").contains(scalars[cursor]) {
                let digit = Int(scalars[cursor].value - 0x30)
                value = min((value ?? 0) * 10 + digit, 1_000_000_000)
                cursor += 1
            }
            return value
        }
        guard let low = number() else { return nil }
        guard cursor < scalars.count else { return nil }
        if scalars[cursor] == "}" { return (low, low, cursor + 1) }
        guard scalars[cursor] == "," else { return nil }
        cursor += 1
        let high = number()
        guard cursor < scalars.count, scalars[cursor] == "}" else { return nil }
        return (low, high, cursor + 1)
    }

    // MARK: - Escapes

    private mutating func escape(openedAt start: Int) throws(DataError) -> PatternNode {
        guard let scalar = next() else { throw failure("'\\' at the end of the pattern", at: start) }
        switch scalar {
        case "b": return .assertion(.wordBoundary)
        case "B": return .assertion(.notWordBoundary)
        case "A": return .assertion(.start)
        case "z", "Z": return .assertion(.end)
        case "k":
            guard next() == "<" else { throw failure("\\k must be followed by <name>", at: start) }
            let name = try groupName(openedAt: start)
            guard let number = names[name] else { throw failure("\\k<\(name)> names no group", at: start) }
            return .backreference(number)
        case "1"..."9":
            var number = Int(String(scalar)) ?? 0
            while let digit = peek, ("0"..."9").contains(digit), number * 10 + (Int(String(digit)) ?? 0) <= captureCount {
                number = number * 10 + (Int(String(digit)) ?? 0)
                position += 1
            }
            guard number <= captureCount else {
                throw failure("backreference \\\(number) but the pattern has \(captureCount) capture group(s)", at: start)
            }
            return .backreference(number)
        default:
            position -= 1
            let item = try classEscape(openedAt: start, inClass: false)
            switch item {
            case .scalar(let value): return .literal(value)
            case .set(let set): return .set(set)
            case .surrogate: throw failure("a lone surrogate escape, which no string can hold", at: start)
            }
        }
    }

    private enum ClassItem {
        case scalar(Unicode.Scalar)
        case set(ScalarSet)
        /// A surrogate code point, allowed in a class (ICU accepts it) though it matches nothing.
        case surrogate(UInt32)

        var value: UInt32? {
            switch self {
            case .scalar(let scalar): scalar.value
            case .surrogate(let value): value
            case .set: nil
            }
        }
    }

    /// An escape that stands for one scalar or a set (after the `\`).
    private mutating func classEscape(openedAt start: Int, inClass: Bool) throws(DataError) -> ClassItem {
        guard let scalar = next() else { throw failure("'\\' at the end of the pattern", at: start) }
        switch scalar {
        case "d": return .set(.digits)
        case "D": return .set(ScalarSet.digits.inverted)
        case "w": return .set(.word)
        case "W": return .set(ScalarSet.word.inverted)
        case "s": return .set(.space)
        case "S": return .set(ScalarSet.space.inverted)
        case "t": return .scalar("\t")
        case "n": return .scalar("\n")
        case "r": return .scalar("\r")
        case "f": return .scalar("\u{0C}")
        case "v": return .scalar("\u{0B}")
        case "e": return .scalar("\u{1B}")
        case "a": return .scalar("\u{07}")
        case "b" where inClass: return .scalar("\u{08}")
        case "0":
            if let digit = peek, ("0"..."9").contains(digit) {
                throw failure("octal escapes like \\0\(digit) are not ECMA-262 in unicode mode", at: start)
            }
            return .scalar("\u{0}")
        case "c":
            guard let letter = next(), letter.isASCII, letter.properties.isAlphabetic else {
                throw failure("\\c must be followed by an ASCII letter", at: start)
            }
            return .scalar(Unicode.Scalar(letter.value % 32) ?? "\u{0}")
        case "x":
            if peek == "{" {
                position += 1
                return .scalar(try bracedHex(openedAt: start))
            }
            return .scalar(try hex(digits: 2, openedAt: start, name: "\\xHH"))
        case "u":
            if peek == "{" {
                position += 1
                return .scalar(try bracedHex(openedAt: start))
            }
            let value = try hexValue(digits: 4, openedAt: start, name: "\\uHHHH")
            if (0xD800...0xDBFF).contains(value), peek == "\\", position + 1 < scalars.count, scalars[position + 1] == "u" {
                let saved = position
                position += 2
                if let low = try? hexValue(digits: 4, openedAt: start, name: "\\uHHHH"), (0xDC00...0xDFFF).contains(low) {
                    let combined = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    if let pair = Unicode.Scalar(combined) { return .scalar(pair) }
                }
                position = saved
            }
            guard let scalar = Unicode.Scalar(value) else {
                if inClass { return .surrogate(value) }
                throw failure("\\u\(String(value, radix: 16, uppercase: true)) is a lone surrogate, which no string can hold", at: start)
            }
            return .scalar(scalar)
        case "p", "P":
            guard next() == "{" else { throw failure("\\\(scalar) must be followed by {Name}", at: start) }
            var name = ""
            while let part = next(), part != "}" { name.unicodeScalars.append(part) }
            guard position > 0, scalars[position - 1] == "}" else {
                throw failure("unclosed \\\(scalar){", at: start)
            }
            guard let set = ScalarSet.property(name) else {
                throw failure("unknown Unicode property \\\(scalar){\(name)}", at: start)
            }
            return .set(scalar == "P" ? set.inverted : set)
        default:
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                throw failure("unknown escape \\\(scalar)", at: start)
            }
            // An identity escape: `\.`, `\/`, `\-`, `\_`, `\ ` (ICU accepts any of them).
            return .scalar(scalar)
        }
    }

    private mutating func hexValue(digits: Int, openedAt start: Int, name: String) throws(DataError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let scalar = next(), let digit = scalar.isASCII ? UInt32(String(scalar), radix: 16) : nil else {
                throw failure("malformed \(name) escape", at: start)
            }
            value = value * 16 + digit
        }
        return value
    }

    private mutating func hex(digits: Int, openedAt start: Int, name: String) throws(DataError) -> Unicode.Scalar {
        let value = try hexValue(digits: digits, openedAt: start, name: name)
        guard let scalar = Unicode.Scalar(value) else { throw failure("malformed \(name) escape", at: start) }
        return scalar
    }

    /// `H…}` after `\u{` or `\x{`.
    private mutating func bracedHex(openedAt start: Int) throws(DataError) -> Unicode.Scalar {
        var value: UInt32 = 0
        var count = 0
        while let scalar = next(), scalar != "}" {
            guard let digit = scalar.isASCII ? UInt32(String(scalar), radix: 16) : nil, count < 8 else {
                throw failure("malformed \\u{…} escape", at: start)
            }
            value = value * 16 + digit
            count += 1
        }
        guard count > 0, scalars[position - 1] == "}", let scalar = Unicode.Scalar(value) else {
            throw failure("malformed \\u{…} escape (not a Unicode scalar value)", at: start)
        }
        return scalar
    }

    // MARK: - Classes

    private mutating func characterClass(openedAt start: Int) throws(DataError) -> PatternNode {
        var negated = false
        if peek == "^" {
            negated = true
            position += 1
        }
        var members = ScalarSet()
        var first = true
        while true {
            guard let scalar = next() else { throw failure("unclosed character class '['", at: start) }
            // ICU (the validator's engine) reads a leading `]` as a member, not as the end.
            if scalar == "]", !first { break }
            first = false
            let itemStart = position - 1
            let item: ClassItem
            if scalar == "\\" {
                item = try classEscape(openedAt: itemStart, inClass: true)
            } else {
                item = .scalar(scalar)
            }
            // A range `a-z`, unless the `-` is last or either end is a set like `\d`.
            if let low = item.value, peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                let dash = position
                position += 1
                let highStart = position
                let highScalar = next() ?? "-"
                let high: ClassItem = highScalar == "\\" ? try classEscape(openedAt: highStart, inClass: true) : .scalar(highScalar)
                guard let upper = high.value else {
                    throw failure("a class range cannot end in a set escape like \\d", at: dash)
                }
                guard low <= upper else {
                    throw failure("class range \\u{\(String(low, radix: 16))}-\\u{\(String(upper, radix: 16))} is out of order", at: itemStart)
                }
                members = members.union(ScalarSet([low...upper]))
                continue
            }
            switch item {
            case .scalar(let value): members = members.union(ScalarSet(value))
            case .set(let set): members = members.union(set)
            case .surrogate: break
            }
        }
        return .set(negated ? members.inverted : members)
    }

    // MARK: - Helpers

    private var peek: Unicode.Scalar? {
        position < scalars.count ? scalars[position] : nil
    }

    private mutating func next() -> Unicode.Scalar? {
        guard position < scalars.count else { return nil }
        defer { position += 1 }
        return scalars[position]
    }

    /// Counts the capture groups and numbers the named ones before parsing.
    private mutating func scanGroups() {
        var index = 0
        var inClass = false
        var count = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\" {
                index += 2
                continue
            }
            if inClass {
                if scalar == "]" { inClass = false }
            } else if scalar == "[" {
                inClass = true
                // A leading `]` is a member (see characterClass).
                if index + 1 < scalars.count, scalars[index + 1] == "]" { index += 1 }
                if index + 2 < scalars.count, scalars[index + 1] == "^", scalars[index + 2] == "]" { index += 2 }
            } else if scalar == "(" {
                if index + 1 < scalars.count, scalars[index + 1] == "?" {
                    if index + 2 < scalars.count, scalars[index + 2] == "<", index + 3 < scalars.count,
                        scalars[index + 3] != "=", scalars[index + 3] != "!"
                    {
                        count += 1
                        var name = ""
                        var cursor = index + 3
                        while cursor < scalars.count, scalars[cursor] != ">" {
                            name.unicodeScalars.append(scalars[cursor])
                            cursor += 1
                        }
                        if names[name] == nil { names[name] = count }
                    }
                } else {
                    count += 1
                }
            }
            index += 1
        }
        captureCount = count
    }

    private func failure(_ what: String, at offset: Int? = nil) -> DataError {
        let at = min(offset ?? position, scalars.count)
        return DataError(
            .unsupportedPattern,
            "pattern \(Self.quoted(pattern)): \(what) at offset \(at)",
            details: ["construct: \(what)", "offset \(at)"]
        )
    }

    static func quoted(_ pattern: String) -> String {
        let shown = pattern.unicodeScalars.count > 120 ? String(String.UnicodeScalarView(pattern.unicodeScalars.prefix(117))) + "..." : pattern
        return "/\(shown)/"
    }
}
