/// Version-4 UUIDs spelled as 36 lowercase ASCII bytes, without `Foundation.UUID`.
public enum UUIDText {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A random version-4 UUID from two draws of `random`.
    public static func bytes(random: inout SeededRandom) -> [UInt8] {
        var output = [UInt8]()
        output.reserveCapacity(36)
        append(random: &random, to: &output)
        return output
    }

    /// Appends a random version-4 UUID (two draws of `random`) to `output`.
    public static func append(random: inout SeededRandom, to output: inout [UInt8]) {
        let high = (random.next() & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let low = (random.next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        for nibble in 0..<32 {
            if nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20 { output.append(0x2D) }
            let word = nibble < 16 ? high : low
            let shift = UInt64(60 - (nibble % 16) * 4)
            output.append(hex[Int((word >> shift) & 0xF)])
        }
    }

    /// A version-4 UUID whose last 12 hex digits are a bijective scramble of `index`, the
    /// rest random: distinct for every index below 2^48 by construction, with no lookups.
    public static func bytes(random: inout SeededRandom, uniqueIndex index: UInt64) -> [UInt8] {
        var output = bytes(random: &random)
        let scrambled = permute48(index)
        for position in 0..<12 {
            let shift = UInt64((11 - position) * 4)
            output[24 + position] = hex[Int((scrambled >> shift) & 0xF)]
        }
        return output
    }

    /// An invertible mix of the low 48 bits (odd multiplications and xor-shifts modulo 2^48
    /// are bijections), so ids look random yet never repeat.
    static func permute48(_ value: UInt64) -> UInt64 {
        let mask: UInt64 = (1 << 48) - 1
        var x = value & mask
        x = (x &* 0x9E37_79B9_7F4B) & mask
        x ^= x >> 21
        x = (x &* 0xC2B2_AE3D_27D5) & mask
        x ^= x >> 19
        return x
    }
}
