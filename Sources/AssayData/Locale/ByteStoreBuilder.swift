/// Collects words into one byte array, deduplicating identical spellings.
struct ByteStoreBuilder {
    private(set) var bytes: [UInt8] = []
    private var known: [String: (Int32, Int32)] = [:]

    /// Stores `text` and `ascii` (the transliteration; empty when none is needed).
    mutating func word(_ text: String, ascii: String = "") -> WordSpan {
        let (start, count) = place(text)
        let (asciiStart, asciiCount) = place(ascii)
        return WordSpan(start: start, count: count, asciiStart: asciiStart, asciiCount: asciiCount)
    }

    private mutating func place(_ text: String) -> (Int32, Int32) {
        if let found = known[text] { return found }
        let start = Int32(bytes.count)
        bytes.append(contentsOf: text.utf8)
        let placed = (start, Int32(bytes.count) - start)
        known[text] = placed
        return placed
    }
}
