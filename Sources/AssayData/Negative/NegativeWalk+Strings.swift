import AssayCore
import OrderedCollections

extension NegativeWalk {
    /// Longest string built to break `maxLength`.
    static let maxBuiltLength = 100_000

    /// `minLength`, `maxLength` and `pattern`.
    mutating func proposeString(_ string: String, at pointer: JSONPointer, _ node: NegativeSchemaNode, _ set: NegativeNodeSet) {
        let place = NegativeText.place(pointer)
        let scalars = Array(string.unicodeScalars)
        if let minimum = Self.count(node.schema["minLength"]), minimum >= 1, scalars.count >= minimum {
            let keep = minimum - 1
            let candidates = [Self.text(scalars.prefix(keep)), Self.text(scalars.suffix(keep))].map(JSONValue.string)
            submit(
                attempt(.tooShort, "minLength", node, pointer, candidates) { _ in
                    "\(keep == 0 ? "an empty string" : "a string of \(keep) characters") is shorter than minLength \(minimum) at \(place)"
                },
                node
            )
        }
        if let maximum = Self.count(node.schema["maxLength"]), maximum >= 0, maximum < Self.maxBuiltLength, scalars.count <= maximum {
            let missing = maximum + 1 - scalars.count
            var fillers: [Unicode.Scalar] = []
            let preferred: [Unicode.Scalar?] = [scalars.last, scalars.first, "a", "0"]
            for case let filler? in preferred where !fillers.contains(filler) { fillers.append(filler) }
            let candidates = fillers.map { JSONValue.string(string + Self.repeated($0, count: missing)) }
            submit(
                attempt(.tooLong, "maxLength", node, pointer, candidates) { _ in
                    "a string of \(maximum + 1) characters is longer than maxLength \(maximum) at \(place)"
                },
                node
            )
        }
        if case .string(let pattern)? = node.schema["pattern"] {
            let candidates = mismatches(of: pattern, near: scalars, lengths: lengthBounds(set)).map(JSONValue.string)
            submit(
                attempt(.patternMismatch, "pattern", node, pointer, candidates) {
                    "\(NegativeText.value($0)) does not match the pattern \(pattern) at \(place)"
                },
                node
            )
        }
    }

    /// A count keyword's value (`3` or `3.0`).
    static func count(_ value: JSONValue?) -> Int? {
        guard let value, let number = ScaledNumber(value), number.isIntegral else { return nil }
        return number.mantissa
    }

    /// `count` copies of `scalar`, built as bytes: `String(repeating:count:)` appends one
    /// at a time, which showed in profiles of specs with `maxLength: 5000` everywhere.
    static func repeated(_ scalar: Unicode.Scalar, count: Int) -> String {
        var unit: [UInt8] = []
        UTF8.encode(scalar) { unit.append($0) }
        if unit.count == 1 { return String(decoding: [UInt8](repeating: unit[0], count: max(0, count)), as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(unit.count * max(0, count))
        for _ in 0..<max(0, count) { bytes += unit }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func text<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The tightest length bounds every schema of the value sets.
    func lengthBounds(_ set: NegativeNodeSet) -> ClosedRange<Int> {
        var lower = 0
        var upper = Int.max
        for node in set.nodes {
            if let minimum = Self.count(node.schema["minLength"]) { lower = max(lower, minimum) }
            if let maximum = Self.count(node.schema["maxLength"]) { upper = min(upper, maximum) }
        }
        return lower <= upper ? lower...upper : lower...lower
    }

    /// Strings of an allowed length that `pattern` does not match, closest to the valid one first.
    mutating func mismatches(of pattern: String, near scalars: [Unicode.Scalar], lengths: ClosedRange<Int>) -> [String] {
        let length = min(max(scalars.count, lengths.lowerBound), lengths.upperBound)
        let swaps: [Unicode.Scalar] = ["!", "~", " ", "a", "0", "Z"]
        var pool: [String] = []
        if !scalars.isEmpty {
            for swap in swaps { pool.append(Self.text(scalars.dropLast() + [swap])) }
            for swap in swaps { pool.append(Self.text([swap] + scalars.dropFirst())) }
        }
        for swap in swaps { pool.append(Self.repeated(swap, count: length)) }
        pool += ["", Self.text(scalars) + "!", "!" + Self.text(scalars)]
        let printable = Array(33...126).compactMap { Unicode.Scalar($0) }
        for _ in 0..<4 {
            var drawn: [Unicode.Scalar] = []
            for _ in 0..<min(length, 256) { drawn.append(random.pick(printable)) }
            pool.append(Self.text(drawn))
        }
        var chosen: [String] = []
        for candidate in pool where chosen.count < 6 && !chosen.contains(candidate) {
            guard lengths.contains(candidate.unicodeScalars.count),
                JSONSchemaValidator.patternMatches(pattern, candidate) == false
            else { continue }
            chosen.append(candidate)
        }
        return chosen
    }
}
