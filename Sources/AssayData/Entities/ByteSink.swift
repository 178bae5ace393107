/// Somewhere entity text is spelled into: a stack buffer for the JSON of line items, or
/// the open text field of a record, so one spelling routine serves both without copying.
protocol ByteSink {
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>)
    mutating func put(byte: UInt8)
}

extension ByteSink {
    @inline(__always)
    mutating func put(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { put($0) }
    }

    @inline(__always)
    mutating func put(_ text: StaticString) {
        text.withUTF8Buffer { put($0) }
    }

    /// The decimal digits of `value`, zero-padded to `width`.
    @inline(__always)
    mutating func put(decimal value: Int, width: Int = 0) {
        DecimalText.withDigits(value, width: width) { put($0) }
    }

    /// `units × 10^-scale` in plain decimal notation (`1999`, scale 2: `19.99`); the
    /// same spelling as `RecordBuffer.decimal(units:scale:)`.
    @inline(__always)
    mutating func put(units: Int64, scale: Int) {
        guard scale > 0 else {
            put(decimal: Int(units))
            return
        }
        if units < 0 { put(byte: 0x2D) }
        var divisor: UInt64 = 1
        for _ in 0..<scale { divisor &*= 10 }
        let magnitude = units.magnitude
        put(decimal: Int(magnitude / divisor))
        put(byte: 0x2E)
        put(decimal: Int(magnitude % divisor), width: scale)
    }
}

/// Decimal digits spelled on the stack.
enum DecimalText {
    @inline(__always)
    static func withDigits(_ value: Int, width: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { text in
            var magnitude = value.magnitude
            var position = 24
            repeat {
                position -= 1
                text[position] = 0x30 &+ UInt8(truncatingIfNeeded: magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            while 24 - position < min(width, 23) {
                position -= 1
                text[position] = 0x30
            }
            if value < 0 {
                position -= 1
                text[position] = 0x2D
            }
            body(UnsafeBufferPointer(rebasing: text[position...]))
        }
    }
}

/// A fixed-capacity byte buffer (on the stack, through `withUnsafeTemporaryAllocation`):
/// no reference counting or growth checks per byte while a JSON column is spelled.
struct ByteCursor: ByteSink {
    private let base: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(_ base: UnsafeMutableBufferPointer<UInt8>) {
        self.base = base
    }

    /// The bytes written so far.
    var written: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: base[..<count])
    }

    @inline(__always)
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(count + bytes.count <= base.count, "ByteCursor overflow")
        guard let source = bytes.baseAddress, let target = base.baseAddress else { return }
        (target + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func put(byte: UInt8) {
        precondition(count < base.count, "ByteCursor overflow")
        base[count] = byte
        count += 1
    }
}

extension RecordBuffer: ByteSink {
    @inline(__always)
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) { appendText(bytes) }
    @inline(__always)
    mutating func put(byte: UInt8) { appendText(byte: byte) }
}

extension Array: ByteSink where Element == UInt8 {
    @inline(__always)
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) { append(contentsOf: bytes) }
    @inline(__always)
    mutating func put(byte: UInt8) { append(byte) }
}
