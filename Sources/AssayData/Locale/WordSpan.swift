/// Where a word's UTF-8 spelling and its lowercase ASCII transliteration lie in a `ByteStore`.
struct WordSpan: Sendable, Hashable {
    var start: Int32
    var count: Int32
    var asciiStart: Int32
    var asciiCount: Int32
}
