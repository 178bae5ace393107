/// A character set split into tiers for readable output, worked out once per set: broad
/// sets (`.`, `[^/]`, `\p{L}`) give ASCII letters and digits first, narrow ones mostly
/// printable ASCII, and control characters come only from sets that hold nothing else.
struct ReadablePool: Sendable {
    let set: ScalarSet
    private let broad: Bool
    private let alphanumeric: ScalarSet
    private let printable: ScalarSet
    private let common: ScalarSet
    private let visible: ScalarSet

    init(_ set: ScalarSet) {
        self.set = set
        broad = set.count > 0x3000
        alphanumeric = set.intersection(.alphanumericASCII)
        printable = set.intersection(.printableASCII)
        common = set.intersection(ScalarSet.commonBMP)
        visible = set.subtracting(.controls)
    }

    /// A member; the set must not be empty.
    func pick(_ random: inout SeededRandom) -> Unicode.Scalar {
        if broad {
            if !alphanumeric.isEmpty, random.chance(0.8) { return alphanumeric.randomMember(&random) }
            if !printable.isEmpty { return printable.randomMember(&random) }
            // Outside ASCII, the letters and symbols of the BMP read better than unassigned
            // or private-use code points.
            if !common.isEmpty { return common.randomMember(&random) }
        } else if !printable.isEmpty, random.chance(0.9) {
            return printable.randomMember(&random)
        }
        if !visible.isEmpty { return visible.randomMember(&random) }
        return set.randomMember(&random)
    }
}
