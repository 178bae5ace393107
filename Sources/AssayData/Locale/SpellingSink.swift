/// Where locale data is spelled: a record's open text field on the hot path, a byte array
/// when a `Persona` needs `String`s. (Method names differ from the entities' `ByteSink` so
/// both protocols can share `RecordBuffer` and `[UInt8]`.)
protocol SpellingSink {
    mutating func spell(_ bytes: UnsafeBufferPointer<UInt8>)
    mutating func spell(byte: UInt8)
    /// The decimal digits of `value`, zero-padded to `width`.
    mutating func spell(digits value: Int, width: Int)
}

extension RecordBuffer: SpellingSink {
    @inline(__always)
    mutating func spell(_ bytes: UnsafeBufferPointer<UInt8>) { appendText(bytes) }
    @inline(__always)
    mutating func spell(byte: UInt8) { appendText(byte: byte) }
    @inline(__always)
    mutating func spell(digits value: Int, width: Int) { appendDigits(value, width: width) }
}

extension Array: SpellingSink where Element == UInt8 {
    mutating func spell(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
    mutating func spell(byte: UInt8) { append(byte) }
    mutating func spell(digits value: Int, width: Int) { RecordBuffer.appendDecimal(value, width: width, to: &self) }
}
