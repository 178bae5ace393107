/// A set of Unicode scalar values as sorted, disjoint, non-adjacent closed ranges: the
/// character classes of a pattern (`[a-z]`, `\d`, `.`, `\p{L}`) after parsing.
///
/// Surrogate code points are never members: they cannot appear in a Swift string.
struct ScalarSet: Sendable, Hashable {
    /// Sorted, disjoint and non-adjacent.
    private(set) var ranges: [ClosedRange<UInt32>]

    static let maxScalar: UInt32 = 0x10FFFF
    static let surrogates: ClosedRange<UInt32> = 0xD800...0xDFFF

    init() { ranges = [] }

    init(_ ranges: [ClosedRange<UInt32>]) {
        self.ranges = Self.normalized(ranges)
    }

    init(_ scalar: Unicode.Scalar) {
        ranges = [scalar.value...scalar.value]
    }

    init(string: String) {
        self.init(string.unicodeScalars.map { $0.value...$0.value })
    }

    static let empty = ScalarSet()
    static let all = ScalarSet([0...maxScalar])
    static let digits = ScalarSet([0x30...0x39])
    static let word = ScalarSet([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// The white space both ECMA-262's `\s` and ICU's agree on.
    static let space = ScalarSet([
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029,
        0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ])
    /// What `.` matches in both ECMA-262 and ICU: anything but the line terminators of
    /// either (ICU also stops at U+000B, U+000C and U+0085).
    static let dot = ScalarSet([0x0A...0x0D, 0x85...0x85, 0x2028...0x2029]).inverted
    static let printableASCII = ScalarSet([0x20...0x7E])
    static let alphanumericASCII = ScalarSet([0x30...0x39, 0x41...0x5A, 0x61...0x7A])
    /// Control characters (C0, DEL, C1), avoided when a set offers anything else.
    static let controls = ScalarSet([0x00...0x1F, 0x7F...0x9F])

    var isEmpty: Bool { ranges.isEmpty }

    /// The number of members.
    var count: Int {
        ranges.reduce(0) { $0 + Int($1.upperBound - $1.lowerBound) + 1 }
    }

    func contains(_ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if value < range.lowerBound {
                high = middle
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool { contains(scalar.value) }

    /// Every scalar value not in this set.
    var inverted: ScalarSet {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            next = range.upperBound + 1
        }
        if !ranges.isEmpty, ranges[ranges.count - 1].upperBound == Self.maxScalar {
            return ScalarSet(result)
        }
        result.append(next...Self.maxScalar)
        return ScalarSet(result)
    }

    func union(_ other: ScalarSet) -> ScalarSet {
        ScalarSet(ranges + other.ranges)
    }

    func intersection(_ other: ScalarSet) -> ScalarSet {
        var result: [ClosedRange<UInt32>] = []
        var i = 0
        var j = 0
        while i < ranges.count, j < other.ranges.count {
            let a = ranges[i]
            let b = other.ranges[j]
            let low = max(a.lowerBound, b.lowerBound)
            let high = min(a.upperBound, b.upperBound)
            if low <= high { result.append(low...high) }
            if a.upperBound < b.upperBound { i += 1 } else { j += 1 }
        }
        var set = ScalarSet()
        set.ranges = result
        return set
    }

    func subtracting(_ other: ScalarSet) -> ScalarSet {
        intersection(other.inverted)
    }

    /// The member at `offset` in ascending order; `offset` must be below `count`.
    func member(at offset: Int) -> Unicode.Scalar {
        var rest = offset
        for range in ranges {
            let size = Int(range.upperBound - range.lowerBound) + 1
            if rest < size {
                // Surrogates are removed on construction, so every member is a scalar.
                return Unicode.Scalar(range.lowerBound + UInt32(rest)) ?? "?"
            }
            rest -= size
        }
        return Unicode.Scalar(ranges[ranges.count - 1].upperBound) ?? "?"
    }

    /// A uniformly chosen member; the set must not be empty.
    func randomMember(_ random: inout SeededRandom) -> Unicode.Scalar {
        member(at: random.index(count))
    }

    /// A member chosen for readable output (see ``ReadablePool``).
    func readableMember(_ random: inout SeededRandom) -> Unicode.Scalar {
        ReadablePool(self).pick(&random)
    }

    /// Latin-1 letters, Greek, Cyrillic, common punctuation and the CJK ideographs.
    static let commonBMP = ScalarSet([
        0xC0...0xFF, 0x391...0x3C9, 0x410...0x44F, 0x2010...0x2027, 0x3041...0x3096, 0x4E00...0x9FA5,
    ])

    private static func normalized(_ input: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var pieces: [ClosedRange<UInt32>] = []
        pieces.reserveCapacity(input.count + 1)
        for range in input {
            let clipped = range.lowerBound...min(range.upperBound, maxScalar)
            guard clipped.lowerBound <= maxScalar else { continue }
            // Split around the surrogates.
            if clipped.overlaps(surrogates) {
                if clipped.lowerBound < surrogates.lowerBound { pieces.append(clipped.lowerBound...(surrogates.lowerBound - 1)) }
                if clipped.upperBound > surrogates.upperBound { pieces.append((surrogates.upperBound + 1)...clipped.upperBound) }
            } else {
                pieces.append(clipped)
            }
        }
        pieces.sort { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = []
        merged.reserveCapacity(pieces.count)
        for range in pieces {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}
