/// The deterministic random source of the data engine: xoshiro256** seeded through
/// SplitMix64.
///
/// Every draw the engine makes goes through this type and its own helpers, never through
/// the standard library's `random(in:using:)`, whose algorithm is not part of Swift's
/// stability promise. That is what makes "same seed, same schema, same Assay version ⇒
/// byte-identical output" a promise we can keep.
///
/// Records are generated from `SeededRandom(seed:stream:)` with the record's index as the
/// stream, so any record can be regenerated alone (a reference to product 42 can read its
/// price without keeping the first 41 in memory) and chunks can be produced in any order.
public struct SeededRandom: RandomNumberGenerator, Sendable, Hashable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// A generator for `seed`.
    @inlinable
    public init(seed: UInt64) {
        var mixer = seed
        s0 = Self.splitMix(&mixer)
        s1 = Self.splitMix(&mixer)
        s2 = Self.splitMix(&mixer)
        s3 = Self.splitMix(&mixer)
    }

    /// An independent generator for sub-stream `stream` of `seed` (for example the record
    /// with that index, or the entity kind with that tag).
    @inlinable
    public init(seed: UInt64, stream: UInt64) {
        self.init(seed: Self.mix(seed, stream))
    }

    /// A generator derived from this one's current state and `label`, leaving this one
    /// untouched: independent choices (one per property name, say) stay stable when an
    /// unrelated choice is added elsewhere.
    @inlinable
    public func derived(_ label: UInt64) -> SeededRandom {
        SeededRandom(seed: Self.mix(s0 ^ s2, label))
    }

    /// A generator derived from this one's state and a string label (FNV-1a of its UTF-8).
    @inlinable
    public func derived(_ label: String) -> SeededRandom {
        derived(Self.hash(label))
    }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-shift with rejection).
    /// `bound` must be positive.
    @inlinable @inline(__always)
    public mutating func below(_ bound: UInt64) -> UInt64 {
        precondition(bound > 0, "SeededRandom.below needs a positive bound")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// A uniform index in `0..<count`; `count` must be positive.
    @inlinable
    public mutating func index(_ count: Int) -> Int {
        Int(truncatingIfNeeded: below(UInt64(count)))
    }

    /// A uniform integer in `range`, for any range including the full `Int` span.
    @inlinable
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound &- range.lowerBound))
        if span == .max { return Int(truncatingIfNeeded: next()) }
        return range.lowerBound &+ Int(truncatingIfNeeded: below(span &+ 1))
    }

    /// A uniform double in `[0, 1)` with 53 random bits.
    @inlinable
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// `true` with probability `probability`.
    @inlinable
    public mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// A uniformly chosen element of a non-empty collection.
    @inlinable
    public mutating func pick<C: RandomAccessCollection>(_ elements: C) -> C.Element {
        precondition(!elements.isEmpty, "SeededRandom.pick needs a non-empty collection")
        return elements[elements.index(elements.startIndex, offsetBy: index(elements.count))]
    }

    // MARK: - Mixing

    @inlinable @inline(__always)
    static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 &- k))
    }

    @inlinable @inline(__always)
    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A strong 64-bit mix of two words (a SplitMix64 finaliser over both).
    @inlinable
    public static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var state = a ^ (b &* 0xD6E8_FEB8_6659_FD93)
        _ = splitMix(&state)
        return splitMix(&state)
    }

    /// FNV-1a over the UTF-8 of `label`: a stable hash (Swift's `Hasher` is seeded per
    /// process and must never reach output).
    @inlinable
    public static func hash(_ label: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in label.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
