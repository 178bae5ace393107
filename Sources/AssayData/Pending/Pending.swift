public enum FormatGenerator {
    public static func string(format: String, length: ClosedRange<Int>?, random: inout SeededRandom) -> String? { nil }
}
