public import AssayCore

/// Resource ids that name nothing: the values the test planner sends to expect a 404, and
/// the convention by which Assay's mock server recognises them.
///
/// An unknown-id test needs a value that is valid for the path parameter yet was never
/// issued. Real servers almost never issue these (ids near the top of `int32`, a prime far
/// from any counter, strings and UUIDs marked as missing), and the mock answers every one
/// of them with 404: one definition on both sides keeps generated suites and the mock in
/// agreement.
public enum UnknownResourceID {
    /// The UUID prefix of unknown ids: version 4, variant bits set, the rest zero.
    public static let uuidPrefix = "00000000-0000-4000-8000-"
    /// The prefix of unknown string ids.
    public static let stringPrefix = "assay-missing"
    /// The integers near the top of `int32` that name nothing.
    public static let integerRange: ClosedRange<Int> = 2_147_483_000...2_147_483_600
    /// Other integers that name nothing.
    public static let integers: Set<Int> = [999_999_937, 987_654]

    /// The candidates in the order a planner tries them (it takes the first one the path
    /// parameter's schema accepts): integers of several sizes, a UUID, marked strings, a
    /// numeric string.
    public static func candidates(random: inout SeededRandom) -> [JSONValue] {
        let integer = integerRange.lowerBound + random.int(in: 0...(integerRange.upperBound - integerRange.lowerBound))
        var uuid = uuidPrefix
        let tail = random.next() & 0xFFFF_FFFF_FFFF
        let digits = String(tail, radix: 16)
        uuid += String(repeating: "0", count: 12 - digits.count) + digits
        return [
            .integer(integer), .integer(999_999_937), .integer(987_654),
            .string(uuid),
            .string("\(stringPrefix)-\(String(random.next() & 0xFFFF_FFFF, radix: 16))"),
            .string("zz-\(stringPrefix)"), .string("999999937"),
        ]
    }

    /// Whether a path segment's text (percent-decoded) is one of the unknown ids.
    public static func isRecognised(_ text: String) -> Bool {
        if let integer = Int(text) {
            return integerRange.contains(integer) || integers.contains(integer)
        }
        return text.hasPrefix(stringPrefix) || text == "zz-\(stringPrefix)" || text.lowercased().hasPrefix(uuidPrefix)
    }

    /// Whether a value is one of the unknown ids: an integer of the sets above, or a string the text
    /// form recognises.
    public static func isRecognised(_ value: JSONValue) -> Bool {
        switch value {
        case .integer(let integer): return integerRange.contains(integer) || integers.contains(integer)
        case .string(let text): return isRecognised(text)
        default: return false
        }
    }
}
